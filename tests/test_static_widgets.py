"""Every widget also prints all it can show: one anchored item per option, inside a collapsed <details>.

The listing travels in the widget's own output as ``text/html`` beside the widget view, so a static
page (the reader's edition) shows every card, unit, event and step although the frozen widget shows one.
"""

from __future__ import annotations

import lxml.html
import pytest

from kernel_utils import load_document, load_sources, load_telegram
from kernel_utils.layers.argument.model import load_reading
from kernel_utils.layers.provenance.chain import load_provenance
from kernel_utils.layers.provenance.citations import citation_record
from kernel_utils.store.entities import load_entities, load_mentions
from kernel_utils.views.argument.widgets import ReadingSwitcher, TypeFilter, UnitExplorer, WithdrawalExplorer
from kernel_utils.views.document.widgets import ParagraphExplorer
from kernel_utils.views.provenance.tables import ChainStepper, CitationChooser, EntityExplorer
from kernel_utils.views.static import STATIC_CLASS, StaticItem, static_listing
from kernel_utils.views.timeline.widgets import TimelineExplorer

VIEW = "application/vnd.jupyter.widget-view+json"


def _explorers():
    sources = load_sources()
    a, b = load_reading("reading-a"), load_reading("reading-b")
    yield "paragraph", ParagraphExplorer(load_document("frus1950v07-d1077")), "para-"
    yield "step", ChainStepper(load_provenance(), sources), "step-"
    yield "entity", EntityExplorer(load_telegram().text, load_entities(), load_mentions(), sources), "entity-"
    yield "citation", CitationChooser(citation_record()), "citation-"
    yield "unit", UnitExplorer(a), "unit-"
    yield "type", TypeFilter(a), "type-"
    yield "withdraw", WithdrawalExplorer(a), "withdraw-"
    yield "reading", ReadingSwitcher([a, b]), "reading-"


def test_the_chain_listing_holds_every_document_both_ways():
    from kernel_utils.views.dossier.widgets import ChainExplorer

    explorer = ChainExplorer("frus1950v07-d1077")
    doc = lxml.html.fragment_fromstring(explorer.static_html())
    assert doc.xpath('.//*[@data-option]/@data-option') == [label for label, _ in explorer.document.options]
    assert all(i.startswith("chain-") for i in doc.xpath('.//*[@data-option]/@id'))
    text = " ".join(doc.text_content().split())
    assert all(label in text for label, _ in explorer.direction.options + explorer.reading.options)


@pytest.mark.parametrize(("name", "explorer", "prefix"), list(_explorers()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_option_is_an_anchored_item_of_the_listing(name, explorer, prefix):
    bundle = explorer._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert VIEW in data, "the live widget is still what JupyterLab shows"
    doc = lxml.html.fragment_fromstring(data["text/html"])
    assert doc.tag == "details" and STATIC_CLASS in doc.get("class") and doc.get("open") is None
    items = doc.xpath('.//*[@data-option]')
    labels = [label for label, _ in explorer.control.options]
    assert [i.get("data-option") for i in items] == labels
    assert all(i.get("id", "").startswith(prefix) for i in items) and len({i.get("id") for i in items}) == len(items)
    assert all(" ".join(i.text_content().split()) != i.get("data-option") for i in items), "each item has content"


def test_the_unit_listing_explains_every_unit_without_repeating_the_map():
    a = load_reading("reading-a")
    html = UnitExplorer(a).static_html()
    for unit in a.units.values():
        assert f'id="unit-{unit.id}"' in html and lxml.html.fragment_fromstring(html).xpath(f'//*[@id="unit-{unit.id}"]//blockquote')
    assert "<svg" not in html


def test_the_timeline_listing_holds_every_event_card():
    explorer = TimelineExplorer()
    html = explorer.static_html()
    doc = lxml.html.fragment_fromstring(html)
    ids = doc.xpath('.//*[@data-option]/@id')
    assert sorted(ids) == sorted(f"event-{e}" for e in explorer.frame["id"])
    shown = {label for label, _ in explorer.event.options}
    assert shown <= set(doc.xpath('.//*[@data-option]/@data-option'))


def test_labels_and_anchors_are_escaped_and_views_kept():
    html = static_listing("W", "All <b>", [StaticItem('a "<b>"', "<p>view</p>", 'x"y')])
    assert 'data-option="a &#34;&lt;b&gt;&#34;"' in html and "<p>view</p>" in html and 'id="x&#34;y"' in html
    assert "All &lt;b&gt; (1)" in html


def test_the_hypothesis_listing_holds_every_hypothesis_even_when_the_box_is_displayed():
    from kernel_utils import HypothesisExplorer

    explorer = HypothesisExplorer()
    bundle = explorer.widget._repr_mimebundle_()  # notebook 05 displays explorer.widget
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    doc = lxml.html.fragment_fromstring(data["text/html"])
    assert doc.xpath('.//*[@data-option]/@data-option') == [label for label, _ in explorer.choice.options]
    for h in explorer.data.hypotheses:
        item = doc.xpath(f'.//*[@id="hypothesis-{h.id}"]')[0]
        text = " ".join(item.text_content().split())
        assert all(" ".join(e.quote.split())[:40] in text for e in h.evidence), "every evidence item of the hypothesis is listed"
