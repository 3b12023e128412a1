"""The static edition in a browser: every page renders its widgets from the saved state, offline.

The edition is built into a temporary folder (the same code as ``python3 run.py edition``) and
served from 127.0.0.1 by Python's http.server; every request that would leave the machine is
aborted and recorded, and every console error, failed request and HTTP error fails the test.
"""

from __future__ import annotations

from collections import Counter
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ARTIFACTS, NOTEBOOKS
from lab_check import record_off_machine

from tools.notebook_runner import notebook_paths

pytestmark = pytest.mark.browser

EDITION_NOTEBOOKS = notebook_paths()


class _Visit:
    """One page in a fresh browser context, with everything that went wrong recorded."""

    def __init__(self, browser, url: str):
        self.off_machine: list[str] = []
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 1000})
        record_off_machine(self.context, self.off_machine)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text[:300]))
        self.page.on("pageerror", lambda e: self.console_errors.append(f"uncaught: {str(e)[:300]}"))
        self.page.on("requestfailed", lambda r: r.url.startswith("http://127.0.0.1") and self.failed.append(f"{r.url}: {r.failure}"))
        self.page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.url}: HTTP {r.status}"))
        self.page.goto(url)

    def problems(self) -> list[str]:
        return (
            [f"console error: {e}" for e in self.console_errors]
            + [f"failed request: {f}" for f in self.failed]
            + [f"request off the machine (aborted): {u}" for u in sorted(set(self.off_machine))]
        )


def _local_links(page) -> list[str]:
    return page.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")


def _check_link(folder: Path, base_page: str, href: str) -> str | None:
    """None if a relative link resolves to a page of the edition (and its anchor exists)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    target = folder / unquote(parts.path) if parts.path else folder / base_page
    if not target.is_file():
        return f"{base_page}: link {href!r} points to a missing file"
    if parts.fragment:
        text = target.read_text(encoding="utf-8")
        # A browser matches the fragment as written or percent-decoded (nbconvert's ids keep the %-escapes).
        anchors = {parts.fragment, unquote(parts.fragment)}
        if not any(f'id="{a}"' in text or f"id='{a}'" in text for a in anchors):
            return f"{base_page}: link {href!r} points to a missing anchor"
    return None


def test_the_edition_has_a_page_for_every_notebook():
    assert {p.name for p in EDITION_NOTEBOOKS} == {p.name for p in NOTEBOOKS}, (
        "every notebook in notebooks/ belongs in the edition (name them NN-name.ipynb)"
    )


def test_index_lists_every_notebook_and_every_link_works(site, browser):
    folder, base = site
    visit = _Visit(browser, f"{base}/index.html")
    try:
        links = _local_links(visit.page)
        pages = visit.page.eval_on_selector_all("main > ol > li > a", "as => as.map(a => a.getAttribute('href'))")
        assert pages == [p.stem + ".html" for p in EDITION_NOTEBOOKS]
        assert [p for p in (_check_link(folder, "index.html", h) for h in links) if p] == []
        assert visit.page.locator("h1").inner_text().startswith("Telegram 602")
        assert visit.problems() == []
    finally:
        visit.context.close()


@pytest.mark.parametrize("notebook", EDITION_NOTEBOOKS, ids=[p.stem for p in EDITION_NOTEBOOKS])
def test_page_renders_its_widgets_from_the_saved_state_offline(site, browser, axe_script, notebook):
    folder, base = site
    visit = _Visit(browser, f"{base}/{notebook.stem}.html")
    page = visit.page
    try:
        expected = page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
        # The widget manager replaces nothing: it renders each view beside its script tag.
        page.wait_for_function(
            """(n) => document.querySelectorAll('.jp-OutputArea-output .jupyter-widgets.widget-container, '
                 + '.jp-OutputArea-output > .jupyter-widgets:not(.jp-OutputArea-output) .lm-Widget').length >= Math.min(n, 1)
                 || document.body.textContent.includes('Error displaying widget')""",
            arg=expected, timeout=30_000, polling=200,
        ) if expected else None
        page.wait_for_load_state("load")
        rendered = page.evaluate(
            """() => [...document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]')]
                 .map(s => !!s.parentElement.querySelector('.lm-Widget'))"""
        )
        assert rendered == [True] * expected, f"widget views rendered: {rendered}"
        assert "Error displaying widget" not in page.inner_text("body")
        # The saved state is what shows: each HTML view has the content it had when the notebook was executed.
        views = page.eval_on_selector_all(".widget-html-content", "vs => vs.map(v => v.textContent.trim())")
        assert all(views), f"an HTML view rendered empty: {views}"
        # Each dropdown shows the option its saved state selects.
        saved = page.evaluate(
            """() => { const s = document.querySelector('script[type="application/vnd.jupyter.widget-state+json"]');
                 if (!s) return [];
                 return Object.values(JSON.parse(s.textContent).state)
                   .filter(m => m.model_name === 'DropdownModel')
                   .map(m => m.state._options_labels[m.state.index]).sort(); }"""
        )
        shown = sorted(page.eval_on_selector_all(".widget-dropdown select", "ss => ss.map(s => s.options[s.selectedIndex].text.replace(/\\u00a0/g, ' '))"))
        assert not (Counter(shown) - Counter(saved)), f"dropdowns show {shown}; the saved state selects {saved}"
        controls = page.locator(".widget-dropdown select, .widget-select select, .widget-toggle-buttons, .widget-checkbox input, .widget-slider")
        if expected:
            assert controls.count() >= 1
            assert controls.first.is_visible()
        page.add_script_tag(path=str(axe_script))
        violations = page.evaluate(
            """async () => (await axe.run({include: [...document.querySelectorAll('.jp-OutputArea')]},
                                           {resultTypes: ['violations']})).violations
                 .map(v => `${v.id} (${v.impact}): ${v.help}: ` + v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + n.html.slice(0, 120) + ' ' + (n.any[0] ? n.any[0].message : '')).join(' | '))"""
        ) if page.locator(".jp-OutputArea").count() else []
        assert [v for v in violations if re.search(r"\((serious|critical)\)", v)] == []
        broken = [p for p in (_check_link(folder, notebook.stem + ".html", h) for h in _local_links(page)) if p]
        assert broken == []
        ARTIFACTS.joinpath("edition").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "edition" / f"{notebook.stem}.png"), full_page=True)
        assert visit.problems() == []
    finally:
        visit.context.close()
