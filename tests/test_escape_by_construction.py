"""HTML and SVG escape by construction: hostile text in any rendered field stays inert.

The notebook-level hostile-data run (tests/test_html_safety.py) only reaches fields that a data
file holds as free text.  These tests reach the rest directly: every field of a citation
(including the italic segment of the Chicago forms), every field of an argument unit and relation,
and the SVG builder's text and attributes.  Each would fail if an escape were left out.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from lxml import etree
from markupsafe import Markup

from kernel_utils import citation_record, load_reading
from kernel_utils.layers.provenance.citation_formats import FORMATS
from kernel_utils.layers.provenance.citations import chicago_bibliography, chicago_note
from kernel_utils.views.argument.widgets import reading_view, type_view, unit_card, withdrawal_view
from kernel_utils.views.provenance.tables import citation_block
from kernel_utils.views.svg import el, render

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>"
LIVE = re.compile(r"<script>alert\(1\)|<img src=x onerror", re.IGNORECASE)


def _hostile_citation():
    record = citation_record()
    changes = {f.name: getattr(record, f.name) + PAYLOAD for f in dataclasses.fields(record)
               if isinstance(getattr(record, f.name), str) and f.name not in ("volume", "year")}
    return dataclasses.replace(record, **changes)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_citation_field_is_escaped_in_the_citation_view(fmt):
    html = citation_block(_hostile_citation(), fmt)
    assert LIVE.search(html) is None, fmt
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("form", [chicago_note, chicago_bibliography])
def test_the_italic_segment_of_a_chicago_citation_is_escaped(form):
    html = form(_hostile_citation(), html=True)
    assert LIVE.search(html) is None
    italic = re.findall(r"<i>(.*?)</i>", html)
    assert italic and any("&lt;script&gt;" in segment for segment in italic)
    assert isinstance(html, Markup)  # safe markup: a template will not escape it twice


def _hostile_reading():
    reading = load_reading("reading-a")
    for uid, unit in list(reading.units.items()):
        reading.units[uid] = dataclasses.replace(unit, label=unit.label + PAYLOAD, rationale=unit.rationale + PAYLOAD,
                                                 reconstruction=(unit.reconstruction or "") + PAYLOAD)
    for rid, relation in list(reading.relations.items()):
        reading.relations[rid] = dataclasses.replace(relation, rationale=relation.rationale + PAYLOAD)
    return reading


def test_argument_views_escape_every_unit_and_relation_field():
    reading = _hostile_reading()
    uid = reading.main_conclusion
    pieces = [unit_card(reading, uid), type_view(reading, ""), withdrawal_view(reading, uid),
              withdrawal_view(reading, ""), reading_view([reading], reading.id)]
    for html in pieces:
        assert LIVE.search(html) is None
    assert "&lt;script&gt;" in pieces[0]


def test_svg_builder_escapes_text_and_attributes():
    svg = render(el("svg", el("title", PAYLOAD), el("text", "a < b & c", x=1.25, data_note=f'"{PAYLOAD}'),
                    xmlns="http://www.w3.org/2000/svg"))
    assert LIVE.search(svg) is None
    root = etree.fromstring(svg.encode("utf-8"))  # still well-formed XML
    text = root[1]
    assert text.text == "a < b & c" and text.get("data-note") == f'"{PAYLOAD}' and text.get("x") == "1.2"


def test_svg_builder_inserts_only_markup_values_as_they_are():
    assert render(el("g", Markup("<circle/>"), "<circle/>")) == "<g><circle/>&lt;circle/&gt;</g>"


def test_no_view_builds_html_with_hand_placed_escapes():
    """HTML comes from templates (views/templates) or markupsafe, never from ``html.escape``."""
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent / "kernel_utils"
    offenders = [str(p.relative_to(package)) for p in package.rglob("*.py")
                 if re.search(r"^from html import escape|^import html$", p.read_text(encoding="utf-8"), re.M)]
    assert offenders == []
