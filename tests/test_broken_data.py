"""The broken-file corpus: each case in tests/broken_data/ damages one data file in one way.

A case is a JSON file:
  {"description": "...", "target": "<path relative to data/>",
   one of: "patch": [JSON-Patch ops: replace/add/remove with JSON Pointer paths],
           "raw": "<the whole broken file as text>",
           "truncate_bytes": N,
           "prepend_bom": true (a UTF-8 byte-order mark before the file's bytes),
           "delete": true (the file removed),
   "expect": ["words", "the message", "must contain"]}
Each must be refused by `python -m kernel_utils validate` with exit status 1, a
message naming the file, record and field (the `expect` words), and no traceback.
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from kernel_utils.__main__ import main

CASES = sorted((Path(__file__).parent / "broken_data").glob("*.json"))


def _pointer(path: str) -> list[str | int]:
    parts: list[str | int] = []
    for raw in path.lstrip("/").split("/"):
        token = raw.replace("~1", "/").replace("~0", "~")
        parts.append(int(token) if token.isdigit() else token)
    return parts


def apply_patch(document, ops):
    """The replace/add/remove subset of RFC 6902, enough to break one field at a time."""
    for op in ops:
        *parents, last = _pointer(op["path"])
        node = document
        for step in parents:
            node = node[step]
        if op["op"] == "replace":
            node[last] = op["value"]
        elif op["op"] == "add":
            if isinstance(node, list):
                node.insert(len(node) if last == "-" else last, op["value"])
            else:
                node[last] = op["value"]
        elif op["op"] == "remove":
            del node[last]
        else:
            raise ValueError(f"unsupported op {op['op']}")
    return document


def test_there_are_enough_cases():
    assert len(CASES) >= 30, f"only {len(CASES)} broken-data cases"


@pytest.mark.parametrize("case_path", CASES, ids=[c.stem for c in CASES])
def test_broken_file_is_refused_with_a_clear_message(case_path, data_copy):
    case = json.loads(case_path.read_text(encoding="utf-8"))
    target = data_copy / case["target"]
    if "patch" in case:
        document = json.loads(target.read_text(encoding="utf-8"))
        target.write_text(json.dumps(apply_patch(document, case["patch"]), ensure_ascii=False, indent=2), encoding="utf-8")
    elif "raw" in case:
        target.write_text(case["raw"], encoding="utf-8")
    elif "truncate_bytes" in case:
        target.write_bytes(target.read_bytes()[: case["truncate_bytes"]])
    elif case.get("prepend_bom"):
        target.write_bytes(b"\xef\xbb\xbf" + target.read_bytes())
    elif case.get("delete"):
        target.unlink()
    else:
        pytest.fail(f"{case_path.name}: no patch, raw, truncate_bytes, prepend_bom or delete")
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(["validate"])
    message = out.getvalue() + err.getvalue()
    assert status == 1, message
    assert "Traceback" not in message
    assert f"data/{case['target']}" in message or any("data/" in e for e in case["expect"]), message
    for words in case["expect"]:
        assert words in message, f"{case_path.name}: {words!r} not in:\n{message}"
