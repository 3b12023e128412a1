"""The standoff layers as W3C Web Annotations: every quote selector agrees with its position selector."""

from __future__ import annotations

import json

from kernel_utils import list_readings, load_document, load_mentions, load_reading, web_annotations
from kernel_utils.__main__ import main
from kernel_utils.layers.dossier.links import links_for

DOC = "frus1950v07-d1077"


def _items(collection):
    return collection["first"]["items"]


def _resources(item):
    """Every SpecificResource of an annotation: its target and any body that points into a text."""
    yield item["target"]
    yield from (b for b in item["body"] if b.get("type") == "SpecificResource")


def test_every_text_quote_selector_matches_its_position_selector():
    collection = web_annotations(DOC)
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["total"] == len(_items(collection)) > 0
    checked = 0
    for item in _items(collection):
        assert item["type"] == "Annotation"
        assert item["target"]["source"]["id"] == f"data/documents/{DOC}/text.txt"
        for resource in _resources(item):
            document = resource["source"]["id"].split("/")[2]
            text = load_document(document).text
            position = next(s for s in resource["selector"] if s["type"] == "TextPositionSelector")
            quote = next(s for s in resource["selector"] if s["type"] == "TextQuoteSelector")
            start, end = position["start"], position["end"]
            assert quote["exact"] == text[start:end], item["id"]
            assert text[:start].endswith(quote["prefix"]) and text[end:].startswith(quote["suffix"]), item["id"]
            assert 0 < len(quote["prefix"]) <= 32 or start == 0
            checked += 1
    assert checked > collection["total"]  # the dossier links' bodies were checked too


def test_every_unit_of_every_reading_and_every_mention_is_exported_once():
    items = _items(web_annotations(DOC))
    ids = [i["id"] for i in items]
    assert len(ids) == len(set(ids))
    links = [l for l in links_for(DOC) if DOC in (l.source.document, l.target.document)]
    # units of the document itself (reading C also holds units in other documents of the exchange)
    units = sum(1 for r in list_readings(DOC) for u in load_reading(r, DOC).units.values() if u.document == DOC)
    expected = units + len(load_mentions(DOC)) + len(links)
    assert len(items) == expected and links
    a01 = next(i for i in items if i["id"] == "#reading-a/a01")
    assert {b["purpose"]: b["value"] for b in a01["body"]}["classifying"] == "premise"


def test_cli_writes_the_collection(tmp_path, capsys):
    out = tmp_path / "annotations.jsonld"
    assert main(["export-annotations", DOC, "--output", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == web_annotations(DOC)
    assert main(["export-annotations", "no-such-document"]) == 1
    assert "no bundled document" in capsys.readouterr().err
