"""Every HTML the package renders escapes the data: hostile text in any free-text field stays inert.

Two levels: the document renderers on a hostile FRUS text, and end to end: every notebook
executed against a copy of data/ in which every free-text field carries a payload.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from kernel_utils import parse_frus_text
from kernel_utils.render import paragraph_card, render_text, summary_card
from kernel_utils.document import document_record
from kernel_utils.notebook_runner import execute_notebook, notebook_paths
from kernel_utils import validation

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>"
LIVE = re.compile(r"<script>alert\(1\)|<img src=x onerror", re.IGNORECASE)

HOSTILE_TEXT = (
    "<script>alert(1)</script>/12–2050: Telegram\n\n"
    "The <img src=x onerror=alert(2)> to the <b>Mission</b>\n\n"
    "top secret\n\n"
    "602. Body <script>alert(1)</script> [Page 9] more <img src=x onerror=alert(2)>.\n\n"
    "1. Point <i>one</i>.\n\n"
    "Webb<script>alert(1)</script>"
)


def test_document_renderers_escape_everything():
    doc = parse_frus_text(HOSTILE_TEXT)
    record = document_record()
    html = summary_card(doc, record) + render_text(doc) + "".join(paragraph_card(doc, p.id) for p in doc.paragraphs)
    assert LIVE.search(html) is None
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<b>Mission</b>" not in html and "<i>one</i>" not in html


# --------------------------------------------------------------------------- end to end
_NOT_FREE_TEXT = {"id", "quote", "source", "document", "entity", "type", "kind", "status", "url", "sha256",
                  "encoding", "text_file", "precision", "category", "lane", "confidence", "from", "to", "unit",
                  "reading", "start", "end", "date", "symbol", "volume_id", "frus_document", "local_place"}
_ID_LIKE = re.compile(r"^[a-z0-9][a-z0-9._-]*$|^https?://|^\d{4}(-\d{2}){0,2}$")


def _poison(node, schema_name: str, whole, file: str, key: str | None = None):
    """Append the payload to every string the schema still accepts; return how many were poisoned."""
    count = 0
    if isinstance(node, dict):
        for k in list(node):
            if isinstance(node[k], str):
                if k in _NOT_FREE_TEXT or _ID_LIKE.match(node[k]) or not node[k].strip():
                    continue
                original = node[k]
                node[k] = original + PAYLOAD
                if validation._schema_problems(whole, schema_name, file):
                    node[k] = original
                else:
                    count += 1
            else:
                count += _poison(node[k], schema_name, whole, file, k)
    elif isinstance(node, list):
        for item in node:
            if not isinstance(item, str):
                count += _poison(item, schema_name, whole, file, key)
    return count


@pytest.mark.slow
def test_notebooks_render_hostile_data_inertly(data_copy):
    poisoned = 0
    for path in sorted(data_copy.rglob("*.json")):
        relative = path.relative_to(data_copy).as_posix()
        if relative.startswith("schemas/"):
            continue
        rule = validation._rule_for(relative)
        data = json.loads(path.read_text(encoding="utf-8"))
        poisoned += _poison(data, rule.schema, data, relative)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    assert poisoned > 10, "the payload reached too few fields to prove anything"
    assert validation.validate_all() == [], "the poisoned copy must still be valid data"
    for notebook in notebook_paths():
        nb = execute_notebook(notebook, timeout=600)  # the kernel inherits KERNEL_UTILS_DATA
        rendered = json.dumps([c.get("outputs", []) for c in nb.cells], ensure_ascii=False)
        rendered += json.dumps(nb.metadata.get("widgets", {}), ensure_ascii=False)
        match = LIVE.search(rendered)
        assert match is None, f"{notebook.name}: live markup from the data in an output: …{rendered[max(0, match.start() - 120):match.end()]}"
        assert "&lt;script&gt;alert(1)" in rendered or "\\u003cscript" in rendered or "&lt;script" in rendered, (
            f"{notebook.name}: the payload never reached the outputs, so this test proves nothing for it"
        )
