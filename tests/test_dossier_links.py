"""The exchange links (data), text reuse (RapidFuzz), the correspondence network and its views."""

from __future__ import annotations

import json
import re

import pytest

from kernel_utils import (
    ChainExplorer,
    correspondence,
    document_reuse,
    exchange_timeline_figure,
    follow_chain,
    links_html,
    load_document,
    load_links,
    network_figure,
    reuse_html,
    text_reuse,
)
from kernel_utils.views.dossier.templates import render
from kernel_utils.views.palette import OKABE_ITO_HEX

T602 = "frus1950v07-d1077"


def test_every_link_quotes_both_texts_exactly_at_its_offsets():
    links = load_links()
    assert len(links) >= 10
    for link in links:
        for anchor in (link.source, link.target):
            assert load_document(anchor.document).text[anchor.start:anchor.end] == anchor.quote, link.id
        assert link.rationale.strip()


def _link(to_document: str, contains: str):
    return [l for l in load_links() if l.target.document == to_document and contains in l.source.quote + l.target.quote]


def test_the_links_the_issue_asks_for_are_there_with_the_words_of_the_stored_texts():
    [wu] = _link("frus1950v07-d970", "earliest possible withdrawal of United Nations forces")
    assert wu.type == "answers" and wu.target.quote == "(1) withdrawal of UN troops from Korea"
    [deptel] = _link("frus1950v07-d1055", "fourth paragraph of Department’s 916")
    assert deptel.type == "defers-to" and "partial" in deptel.against.lower()
    [appeasement] = _link("frus1950v07-d1013", "discussion itself does not constitute appeasement")
    assert "no thought of appeasement" in appeasement.target.quote
    [pursuant] = _link("frus1950v07-d1085", "Pursuant to Department’s Top Secret 602 of December 20")
    assert pursuant.type == "uses"
    assert {l.type for l in _link("frus1950v07-d1068", "")} == {"answers"}


def test_a_link_whose_quote_does_not_match_its_offsets_fails_validation_naming_the_field(data_copy):
    from kernel_utils import validate_paths

    path = data_copy / "dossier" / "links.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["links"][0]["to"]["start"] += 1
    data["reading"] = "fact"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    problems = [str(p) for p in validate_paths([path])]
    assert any("field 'reading'" in p and "edition" in p for p in problems), problems
    data["reading"] = "edition"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    problems = [str(p) for p in validate_paths([path])]
    assert len(problems) == 1 and "to.quote" in problems[0] and "the quoted words stand at" in problems[0], problems


# --------------------------------------------------------------------------- text reuse
def test_text_reuse_aligns_a_paraphrase_at_offsets_in_both_texts_and_ignores_unrelated_text():
    a = "Our report follows. We stressed that the effort to secure a truce before any such attack is of the greatest importance."
    b = "Instructions. We believe an effort to secure a truce prior to any attack is of great importance. Nothing else."
    [hit] = text_reuse(a, b, a_document="a", b_document="b")
    assert a[hit.a_start:hit.a_end] == hit.a_quote and b[hit.b_start:hit.b_end] == hit.b_quote
    assert "truce" in hit.shared and hit.score >= 55
    assert text_reuse("The weather in Peking was cold and dry all week.", b) == []


def test_delga_460_repeats_602_on_the_offensive_across_the_parallel():
    hits = document_reuse("frus1950v07-d1085", T602)
    assert any("prior to any such offensive is of great importance" in h.a_quote and "prior to any Communist offensive" in h.b_quote for h in hits)


def test_reuse_and_link_views_escape_the_texts():
    from kernel_utils.layers.dossier.reuse import ReusedPassage

    row = ReusedPassage("a", 0, 3, "<b>x</b>", "b", 0, 3, "<script>", 60.0, ("x",))
    html = render("reuse.html", rows=[row], caption="c", a_title="A & B", b_title="B", empty="none")
    assert "<script>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html and "A &amp; B" in html
    assert "the edition's reading" in links_html(T602).data.replace("&#39;", "'")
    assert "characters" in reuse_html("frus1950v07-d1085", T602).data


# --------------------------------------------------------------------------- network and views
def test_the_network_has_every_bundled_document_and_the_chain_follows_both_ways():
    net = correspondence()
    assert len(net.nodes) >= 14
    back = {e.target for _, e in follow_chain("frus1950v07-d1085", "back")}
    assert {T602, "frus1950v07-d1055", "frus1950v07-d970", "frus1950v07-d1068"} <= back
    forward = {e.source for _, e in follow_chain(T602, "forward")}
    assert forward == {"frus1950v07-d1085"}
    with pytest.raises(KeyError, match="no bundled document"):
        follow_chain("frus1950v07-d1", "back")


def test_figures_are_accessible_inline_svg_in_the_palette():
    for figure in (network_figure(), exchange_timeline_figure(focus=T602)):
        bundle = figure._repr_mimebundle_()
        assert re.search(r'<svg role="img" aria-label="[^"]+"', bundle["text/html"])
        assert "<figcaption" in bundle["text/html"] and bundle["text/plain"] == figure.alt
        colours = set(re.findall(r"#[0-9A-Fa-f]{6}", figure.svg)) - {"#FFFFFF"}
        assert colours <= OKABE_ITO_HEX, colours - OKABE_ITO_HEX
    assert "partial witness" in exchange_timeline_figure().caption


def test_the_chain_explorer_is_set_from_code_and_its_view_follows():
    explorer = ChainExplorer(T602)
    back = explorer.select(T602, direction="back").data
    assert "Telegram 916" in back or "frus1950v07-d1055" in back
    forward = explorer.select(direction="forward", reading="text").data
    assert "frus1950v07-d1085" in forward and "edition" not in forward.split("</strong>", 1)[1]
    assert explorer.document.description == "Document" and explorer.direction.description == "Follow"


def test_602_read_passage_by_passage_names_paragraph_point_and_direction():
    from kernel_utils import passages_table

    rows = passages_table(T602)
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    wu = next(r for r in rows if r["link id"] == "p3-withdrawal-answers-wu-demand")
    assert (wu["paragraph"], wu["link"], wu["other document"]) == ("¶4 (point 3)", "answers", "frus1950v07-d970")
    used = next(r for r in passages_table("frus1950v07-d1085") if r["link id"] == "pursuant-uses-602")
    assert (used["link"], used["other document"]) == ("uses", T602)
    assert next(r for r in rows if r["link id"] == "pursuant-uses-602")["link"] == "is used by"
