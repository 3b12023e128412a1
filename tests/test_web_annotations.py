"""The standoff layers as W3C Web Annotations: every quote selector agrees with its position selector."""

from __future__ import annotations

import json

from kernel_utils import list_readings, load_document, load_mentions, load_reading, web_annotations
from kernel_utils.__main__ import main

DOC = "frus1950v07-d1077"


def _items(collection):
    return collection["first"]["items"]


def test_every_text_quote_selector_matches_its_position_selector():
    text = load_document(DOC).text
    collection = web_annotations(DOC)
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["total"] == len(_items(collection)) > 0
    for item in _items(collection):
        assert item["type"] == "Annotation"
        target = item["target"]
        assert target["source"]["id"] == f"data/documents/{DOC}/text.txt"
        position = next(s for s in target["selector"] if s["type"] == "TextPositionSelector")
        quote = next(s for s in target["selector"] if s["type"] == "TextQuoteSelector")
        start, end = position["start"], position["end"]
        assert quote["exact"] == text[start:end], item["id"]
        assert text[:start].endswith(quote["prefix"]) and text[end:].startswith(quote["suffix"]), item["id"]
        assert 0 < len(quote["prefix"]) <= 32 or start == 0


def test_every_unit_of_every_reading_and_every_mention_is_exported_once():
    items = _items(web_annotations(DOC))
    ids = [i["id"] for i in items]
    assert len(ids) == len(set(ids))
    expected = sum(len(load_reading(r, DOC).units) for r in list_readings(DOC)) + len(load_mentions(DOC))
    assert len(items) == expected
    a01 = next(i for i in items if i["id"] == "#reading-a/a01")
    assert {b["purpose"]: b["value"] for b in a01["body"]}["classifying"] == "premise"


def test_cli_writes_the_collection(tmp_path, capsys):
    out = tmp_path / "annotations.jsonld"
    assert main(["export-annotations", DOC, "--output", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == web_annotations(DOC)
    assert main(["export-annotations", "no-such-document"]) == 1
    assert "no bundled document" in capsys.readouterr().err
