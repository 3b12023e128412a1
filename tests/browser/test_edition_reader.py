"""The reader's edition: nothing a widget holds is missing, anchors and links, code on request, search, print.

The edition is built once (``built_site``); the checks that need no browser read its files, the
others open it from 127.0.0.1 in Chromium with every request off the machine aborted and recorded.
Set ``EDITION_NOTEBOOKS_DIR`` to build from executed copies of the notebooks (see conftest.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest

from conftest import edition_notebooks
from test_edition_site import _Visit

from kernel_utils import default_document, load_document, load_sources
from kernel_utils.layers.timeline.model import load_timeline
from kernel_utils.store.entities import load_entities
from tools.reader import DOCUMENTS, HANDOUTS

pytestmark = pytest.mark.browser

PAGES = [p.stem + ".html" for p in edition_notebooks()]
VIEW = "application/vnd.jupyter.widget-view+json"
STATE = "application/vnd.jupyter.widget-state+json"
CHOICES = {"DropdownModel", "ToggleButtonsModel", "SelectModel", "RadioButtonsModel", "SelectMultipleModel"}
TEXT_INPUTS = {"TextareaModel", "TextModel"}
_DAY = re.compile(r"^\d{2} \w{3} \d{4}$")


def _doc(folder: Path, name: str):
    return lxml.html.fromstring((folder / name).read_text(encoding="utf-8"))


def _models(state: dict, model_id: str) -> list[dict]:
    """Every model in a widget's tree (itself and its children, recursively)."""
    found, todo, seen = [], [model_id], set()
    while todo:
        mid = todo.pop()
        if mid in seen or mid not in state:
            continue
        seen.add(mid)
        found.append(state[mid])
        todo += [child.removeprefix("IPY_MODEL_") for child in state[mid]["state"].get("children", [])]
    return found


def _choice_labels(state: dict, model_id: str) -> list[list[str]]:
    """The option labels of every choice control in a widget's tree of models."""
    found, todo, seen = [], [model_id], set()
    while todo:
        mid = todo.pop()
        if mid in seen or mid not in state:
            continue
        seen.add(mid)
        model = state[mid]
        if model["model_name"] in CHOICES:
            found.append(list(model["state"].get("_options_labels", [])))
        for child in model["state"].get("children", []):
            todo.append(child.removeprefix("IPY_MODEL_"))
    return found


@pytest.mark.parametrize("name", PAGES)
def test_every_option_of_every_widget_is_printed_on_the_page(built_site, name):
    """What each widget can show (every option of every choice control) is on the page as a static item."""
    doc = _doc(built_site, name)
    state_script = doc.xpath(f'//script[@type="{STATE}"]')
    views = doc.xpath(f'//script[@type="{VIEW}"]')
    if not views:
        pytest.skip(f"{name} has no widget")
    state = json.loads(state_script[0].text)["state"]
    missing = []
    for script in views:
        model_id = json.loads(script.text)["model_id"]
        listing = script.getparent().getparent().xpath('.//details[contains(@class, "widget-static")]')
        if not listing and any(m["model_name"] in TEXT_INPUTS for m in _models(state, model_id)):
            continue  # a builder: what it shows is what the reader types, nothing to print in advance
        assert listing, (f"{name}: widget {model_id} has no static listing beside it: give its class a static_html() "
                         "(kernel_utils/views/static.py) and re-execute the notebook")
        options = set(listing[0].xpath('.//*[@data-option]/@data-option'))
        text = " ".join(listing[0].text_content().split())
        for labels in _choice_labels(state, model_id):
            if labels and all(_DAY.match(label) for label in labels):
                continue  # a date range control: the listing covers every day (see the next test)
            # an option is an item of its own, or (a setting such as a direction) named in the listing
            missing += [f"{name}: widget {model_id}: option {label!r}" for label in labels
                        if label not in options and " ".join(label.split()) not in text]
        assert all(item.get("id") for item in listing[0].xpath('.//*[@data-option]')), "every item has an anchor"
        assert text
    assert missing == []


def test_every_unit_entity_event_paragraph_and_document_has_its_anchor(built_site):
    ids = {name: set(_doc(built_site, name).xpath("//@id")) for name in [*PAGES, DOCUMENTS.filename, HANDOUTS[0].filename, HANDOUTS[1].filename]}
    everywhere = set().union(*ids.values())
    from kernel_utils.layers.argument.model import load_reading

    expected = {f"unit-{u}" for u in load_reading("reading-a").units}
    expected |= {f"entity-{e}" for e in load_entities()}
    expected |= {f"event-{e['id']}" for e in load_timeline()["events"]}
    expected |= {p.id for p in load_document(default_document()).paragraphs}
    assert sorted(expected - everywhere) == []
    assert {f"doc-{s}" for s in load_sources()} <= ids[DOCUMENTS.filename]
    assert {f"entity-{e}" for e in load_entities()} <= ids[HANDOUTS[1].filename]
    assert {p.id for p in load_document(default_document()).paragraphs} <= ids[HANDOUTS[0].filename]


def test_cross_references_are_links_to_anchors_that_exist(built_site):
    ids = {p.name: set(_doc(built_site, p.name).xpath("//@id")) for p in built_site.glob("*.html")}
    counts, broken = {}, []
    for name in ids:
        for href in _doc(built_site, name).xpath('//a[contains(@class, "xref")]/@href'):
            parts = urlsplit(href)
            target = parts.path or name
            counts[name] = counts.get(name, 0) + 1
            if unquote(parts.fragment) not in ids.get(target, set()):
                broken.append(f"{name}: {href}")
    assert broken == []
    # a document id in 01's tables, a unit id in 02's text, a name in the telegram handout are links
    assert counts.get("01-provenance.html", 0) > 0 and counts.get("02-argument-structure.html", 0) > 0
    assert counts.get(HANDOUTS[0].filename, 0) > 0


def test_tables_are_not_cut(built_site):
    for name in PAGES:
        cells = _doc(built_site, name).xpath('//div[contains(@class, "jp-RenderedHTML")]//td/text()')
        assert [c for c in cells if c.rstrip().endswith("...")] == [], name


@pytest.mark.parametrize("name", ["02-argument-structure.html", "00-reading-the-telegram.html"])
def test_code_is_hidden_by_default_and_shown_by_keyboard(site, browser, name):
    folder, base = site
    visit = _Visit(browser, f"{base}/{name}")
    page = visit.page
    try:
        inputs = page.locator(".jp-CodeCell .jp-Cell-inputWrapper")
        assert inputs.count() > 0
        assert not inputs.first.is_visible()
        toggle = page.locator(".jp-CodeCell > button.code-toggle").first
        assert toggle.get_attribute("aria-expanded") == "false" and toggle.inner_text() == "Show code"
        toggle.focus()
        page.keyboard.press("Enter")
        assert inputs.first.is_visible() and toggle.get_attribute("aria-expanded") == "true"
        assert not inputs.nth(1).is_visible(), "one cell's button shows only that cell"
        page.keyboard.press("Enter")
        assert not inputs.first.is_visible()
        everything = page.locator("button.code-toggle-all")
        everything.focus()
        page.keyboard.press("Space")
        assert everything.get_attribute("aria-pressed") == "true"
        assert all(inputs.nth(i).is_visible() for i in range(inputs.count()))
        assert visit.problems() == []
    finally:
        visit.context.close()


def test_search_works_offline(site, browser):
    folder, base = site
    visit = _Visit(browser, f"{base}/index.html")
    page = visit.page
    try:
        box = page.locator(".edition-search input").first
        box.wait_for(state="visible")
        box.fill("Entezam")
        result = page.locator(".pagefind-ui__result-link").first
        result.wait_for(state="visible", timeout=20_000)
        href = result.get_attribute("href")
        assert href and (folder / urlsplit(href).path.lstrip("/")).is_file(), href
        assert visit.problems() == []
    finally:
        visit.context.close()


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


@pytest.mark.parametrize("handout", HANDOUTS, ids=[h.filename for h in HANDOUTS])
def test_each_handout_prints_on_one_page(site, browser, handout):
    folder, base = site
    visit = _Visit(browser, f"{base}/{handout.filename}")
    try:
        visit.page.wait_for_load_state("load")
        pdf = visit.page.pdf(format="A4", print_background=False)
        assert _pdf_pages(pdf) == 1, f"{handout.filename} prints on {_pdf_pages(pdf)} pages"
        assert visit.problems() == []
    finally:
        visit.context.close()


def test_print_draws_the_argument_map_once_and_hides_code_and_controls(site, browser):
    folder, base = site
    visit = _Visit(browser, f"{base}/02-argument-structure.html")
    page = visit.page
    try:
        page.wait_for_selector(".jupyter-widgets .lm-Widget", timeout=30_000)
        page.emulate_media(media="print")
        shown = page.eval_on_selector_all('svg[aria-label^="Argument map"]', "ss => ss.filter(s => s.getClientRects().length).length")
        assert shown == 1
        assert not page.locator(".jp-Cell-inputWrapper").first.is_visible()
        assert not page.locator(".jupyter-widgets .lm-Widget").first.is_visible()
        assert page.locator("details.widget-static > summary").first.is_visible(), "the listing prints (as opened)"
        assert not page.locator(".edition-nav").first.is_visible()
        assert visit.problems() == []
    finally:
        visit.context.close()


@pytest.mark.parametrize("name", [DOCUMENTS.filename, *[h.filename for h in HANDOUTS]])
def test_reference_pages_load_cleanly_offline(site, browser, name):
    folder, base = site
    visit = _Visit(browser, f"{base}/{name}")
    try:
        visit.page.wait_for_load_state("load")
        assert visit.page.locator("h1").count() == 1
        assert visit.page.locator(".edition-search input").count() >= 1
        assert visit.problems() == []
    finally:
        visit.context.close()


@pytest.mark.parametrize("name", [p for p in PAGES if p.startswith(("01", "02", "03"))])
def test_a_widget_listing_opens_by_keyboard_and_shows_its_items(site, browser, name):
    folder, base = site
    visit = _Visit(browser, f"{base}/{name}")
    page = visit.page
    try:
        listing = page.locator("details.widget-static").first
        if not listing.count():
            pytest.skip(f"{name} has no widget listing")
        page.wait_for_selector(".jupyter-widgets .lm-Widget", timeout=30_000)
        summary = listing.locator(":scope > summary")
        summary.focus()
        page.keyboard.press("Enter")
        item = listing.locator(":scope > .widget-static-item").first
        assert item.is_visible() and item.bounding_box()["width"] > 300, "the items use the output's width"
        anchor = item.get_attribute("id")
        assert anchor and page.locator(f"#{anchor}").count() == 1
        assert visit.problems() == []
    finally:
        visit.context.close()
