"""The reader's edition's build steps, without a browser: links from ids, the print mark, the handouts."""

from __future__ import annotations

import json

import lxml.html

from kernel_utils import default_document, load_document
from kernel_utils.store.entities import load_entities, load_mentions
from tools.reader import (
    anchors_in,
    documents_page,
    link_references,
    mark_repeated_maps,
    reference_targets,
    telegram_handout,
    whos_who_handout,
    worksheet_handout,
)

TARGETS = {"a05": "#unit-a05", "frus1950v07-d1085": "documents.html#doc-frus1950v07-d1085",
           "frus1950v07/d1085": "documents.html#doc-frus1950v07-d1085"}


def test_ids_in_text_become_links_and_nothing_else_changes():
    html = ("<head><title>a05</title></head><body><p>a05 supports; see frus1950v07/d1085 and [frus1950v07-d1085].</p>"
            "<p>a050 xa05 a05-b https://h.gov/frus1950v07/d1085</p></body>")
    out = link_references(html, TARGETS)
    assert "<title>a05</title>" in out
    assert '<p><a class="xref" href="#unit-a05">a05</a> supports; see <a class="xref" href="documents.html#doc-frus1950v07-d1085">frus1950v07/d1085</a>' in out
    assert '[<a class="xref" href="documents.html#doc-frus1950v07-d1085">frus1950v07-d1085</a>]' in out
    assert "<p>a050 xa05 a05-b https://h.gov/frus1950v07/d1085</p>" in out


def test_code_scripts_drawings_and_links_are_left_alone():
    html = ('<body><div class="jp-Cell"><div class="jp-InputArea jp-Cell-inputArea"><div><pre>w("a05")</pre></div></div>'
            '<div class="jp-OutputArea"><pre>a05</pre></div></div><script>var a05 = 1;</script>'
            '<svg><text>a05</text></svg><a href="x">a05</a></body>')
    out = link_references(html, TARGETS)
    assert '<pre>w("a05")</pre>' in out and "var a05 = 1;" in out and "<text>a05</text>" in out and '<a href="x">a05</a>' in out
    assert '<div class="jp-OutputArea"><pre><a class="xref" href="#unit-a05">a05</a></pre>' in out


def test_units_link_within_their_page_events_and_documents_across_pages():
    pages = {"02.html": '<div id="unit-a05"></div>', "03.html": "<div id='event-truce-talks'></div>", "01.html": "<p/>"}
    targets = reference_targets(pages, ["frus1950v07-d1085", "pocom"], ["webb", "chou-en-lai"])
    assert targets["02.html"]["a05"] == "#unit-a05" and "a05" not in targets["01.html"]
    assert targets["01.html"]["truce-talks"] == "03.html#event-truce-talks" and targets["03.html"]["truce-talks"] == "#event-truce-talks"
    assert targets["01.html"]["frus1950v07-d1085"] == "documents.html#doc-frus1950v07-d1085"
    assert "pocom" not in targets["01.html"] and "webb" not in targets["01.html"], "plain words are never taken for ids"
    assert targets["01.html"]["chou-en-lai"] == "handout-whos-who.html#entity-chou-en-lai"
    assert anchors_in(pages["02.html"]) == {"unit": {"a05"}}


def test_print_draws_each_page_s_argument_map_once():
    html = '<svg aria-label="Argument map A"></svg><svg aria-label="Timeline"></svg><svg role="img" aria-label="Argument map B">'
    out = mark_repeated_maps(html)
    assert out.count("data-print-repeat") == 1 and out.index("data-print-repeat") > out.index("Timeline")


def test_the_telegram_handout_numbers_every_paragraph_and_links_its_names():
    doc = load_document(default_document())
    page = lxml.html.fromstring(telegram_handout(default_document(), title="T", edition_title="E", nav=""))
    assert [li.get("id") for li in page.xpath("//ol[@class='telegram-paragraphs']/li")] == [p.id for p in doc.paragraphs]
    text = " ".join(page.xpath("//ol[@class='telegram-paragraphs']")[0].text_content().split())
    for p in doc.paragraphs:
        assert " ".join(p.text.split()) in text, "the verbatim words, unchanged"
    linked = {a.get("href").split("#entity-")[1] for a in page.xpath("//a[@class='xref']")}
    assert linked and linked <= {m.entity for m in load_mentions(default_document())}


def test_whos_who_worksheet_and_documents_pages(tmp_path):
    page = {"title": "W", "edition_title": "E", "nav": ""}
    whos = lxml.html.fromstring(whos_who_handout(docs=tmp_path, data=tmp_path, **page))
    assert {f"entity-{e}" for e in load_entities()} == set(whos.xpath("//div[@class='whos-who-entry']/@id"))
    assert not whos.xpath("//*[@id='glossary']"), "no glossary section without a glossary"
    (tmp_path / "glossary.md").write_text("**Deptel** <script>x</script>: a Department telegram.\n", encoding="utf-8")
    whos = whos_who_handout(docs=tmp_path, data=tmp_path, **page)
    assert 'id="glossary"' in whos and "<strong>Deptel</strong>" in whos and "<script>x" not in whos
    # the glossary's data, when there, win over its Markdown
    (tmp_path / "glossary.json").write_text(json.dumps({"terms": [
        {"id": "reftel", "term": "reftel", "variants": [], "definition": "The telegram <referred> to.", "status": "inferred"}]}))
    whos = whos_who_handout(docs=tmp_path, data=tmp_path, **page)
    assert 'id="term-reftel"' in whos and "The telegram &lt;referred&gt; to." in whos and "Deptel" not in whos
    sheet = worksheet_handout(default_document(), title="S", edition_title="E", nav="")
    assert sheet.count("<tr><td>u") == 14 and "Relation types" in sheet
    assert 'id="doc-frus1950v07-d1077"' in documents_page(title="D", edition_title="E", nav="")


def test_guides_of_docs_become_pages_with_their_links_rewritten(tmp_path):
    from tools.reader import doc_link_targets, doc_page, doc_pages, rewrite_doc_links

    (tmp_path / "glossary.md").write_text('# Glossary\n\n<a id="aif"></a>\nSee the [who\'s who](whos-who.md#webb) and the '
                                          '[worksheet](handouts/sheet.md).\n')
    (tmp_path / "whos-who.md").write_text("# Who's who\n")
    (tmp_path / "handouts").mkdir()
    (tmp_path / "handouts" / "sheet.md").write_text("# Build a reading\n\nBack to the [glossary](../glossary.md#aif).\n")
    guides = doc_pages(tmp_path)
    assert [(p.filename, p.title) for p, _ in guides] == [
        ("whos-who.html", "Who’s who (full, with sources)"), ("glossary.html", "Glossary (full, with sources)"),
        ("handout-sheet.html", "Paper handout: Build a reading")]
    targets = doc_link_targets(guides, root=tmp_path.parent)
    docs = tmp_path.name
    html = doc_page(tmp_path / "glossary.md", targets, docs, title="G", edition_title="E", nav="")
    assert '<a id="aif"></a>' in html and 'href="whos-who.html#webb"' in html and 'href="handout-sheet.html"' in html
    sheet = doc_page(tmp_path / "handouts" / "sheet.md", targets, f"{docs}/handouts", title="S", edition_title="E", nav="")
    assert 'href="glossary.html#aif"' in sheet
    page = f'<a href="../{docs}/glossary.md#aif">g</a> <a href="../{docs}/other.md">o</a>'
    assert rewrite_doc_links(page, "notebooks", targets) == f'<a href="glossary.html#aif">g</a> <a href="../{docs}/other.md">o</a>'


def test_paragraph_numbers_link_to_the_paragraph_here_or_on_the_handout():
    pages = {"00.html": "<p id='p03'>x</p>", "02.html": "<p>¶3 a05</p>"}
    targets = reference_targets(pages, [], [], {3: "p03", 10: "p10"})
    assert targets["00.html"]["¶3"] == "#p03" and targets["02.html"]["¶3"] == "handout-telegram.html#p03"
    out = link_references("<body><p>¶3 and ¶10, ¶31</p></body>", targets["02.html"])
    assert '<a class="xref" href="handout-telegram.html#p03">¶3</a> and <a class="xref" href="handout-telegram.html#p10">¶10</a>, ¶31' in out
