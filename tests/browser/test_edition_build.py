"""The static edition's build steps, without a browser: titles, checks, links, contents, output folder."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from tools import edition
from tools.edition import (
    EditionError,
    EditionPage,
    index_html,
    nav_html,
    notebook_problems,
    notebook_title,
    page_sections,
    rewrite_notebook_links,
)
from tools.npm_vendor import PINS, VendorError, npm_package, sri_sha512

PAGES = {"00-reading-the-telegram.ipynb": "00-reading-the-telegram.html", "01-provenance.ipynb": "01-provenance.html"}
VIEW = "application/vnd.jupyter.widget-view+json"
STATE = "application/vnd.jupyter.widget-state+json"


def _executed(*sources: str, widget: str | None = None, state: tuple[str, ...] = ()):
    nb = new_notebook(cells=[new_markdown_cell("# 01 · Provenance\n\nText.")])
    for n, source in enumerate(sources, start=1):
        cell = new_code_cell(source, execution_count=n)
        cell.outputs = [new_output("execute_result", {"text/plain": "1"}, execution_count=n)]
        nb.cells.append(cell)
    if widget:
        nb.cells[-1].outputs = [new_output("display_data", {VIEW: {"model_id": widget, "version_major": 2, "version_minor": 0}})]
    nb.metadata["widgets"] = {STATE: {"state": {m: {} for m in state}, "version_major": 2, "version_minor": 0}}
    return nb


def test_title_is_the_first_level_one_heading():
    nb = new_notebook(cells=[new_markdown_cell("Intro\n\n## Not this"), new_markdown_cell("# 02 · Argument structure\n")])
    assert notebook_title(nb, "fallback") == "02 · Argument structure"
    assert notebook_title(new_notebook(cells=[new_code_cell("1")]), "03-timeline") == "03-timeline"


def test_an_executed_notebook_with_its_widget_state_has_no_problems():
    assert notebook_problems(_executed("1", "2", widget="abc", state=("abc",)), "n.ipynb") == []


def test_unexecuted_or_out_of_order_cells_are_named():
    nb = _executed("1", "2", "3")
    nb.cells[2].execution_count = None
    nb.cells[3].execution_count = 7
    assert notebook_problems(nb, "notebooks/x.ipynb") == [
        "notebooks/x.ipynb, cell 3: expected execution count 2 (executed top to bottom); found None",
        "notebooks/x.ipynb, cell 4: expected execution count 3 (executed top to bottom); found 7",
    ]


def test_a_widget_view_without_saved_state_is_named():
    problems = notebook_problems(_executed("1", widget="abc", state=("other",)), "notebooks/x.ipynb")
    assert problems == [
        "notebooks/x.ipynb, cell 2: expected the widget's state in the notebook's metadata; found none for model abc"
    ]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<a href="01-provenance.ipynb">next</a>', '<a href="01-provenance.html">next</a>'),
        ("<a href='01-provenance.ipynb#who-sent-it'>x</a>", "<a href='01-provenance.html#who-sent-it'>x</a>"),
        ('<a href="../notebooks/01-provenance.ipynb">x</a>', '<a href="01-provenance.html">x</a>'),
        # inside the embedded widget state (JSON in a script tag) the quotes are escaped
        ('{"value": "<a href=\\"01-provenance.ipynb\\">x</a>"}', '{"value": "<a href=\\"01-provenance.html\\">x</a>"}'),
        ('<a href="https://example.org/a.ipynb">x</a>', '<a href="https://example.org/a.ipynb">x</a>'),
        ('<a href="#section">x</a> 01-provenance.ipynb in prose', '<a href="#section">x</a> 01-provenance.ipynb in prose'),
    ],
)
def test_links_between_notebooks_point_at_their_pages(html, expected):
    assert rewrite_notebook_links(html, PAGES, "notebooks/00.ipynb") == expected


def test_a_link_to_a_notebook_outside_the_edition_fails_loudly():
    with pytest.raises(EditionError, match=r"notebooks/00\.ipynb: links to 09-missing\.ipynb, which is not a notebook"):
        rewrite_notebook_links('<a href="09-missing.ipynb">x</a>', PAGES, "notebooks/00.ipynb")


def test_sections_are_the_level_two_headings_of_markdown_cells():
    html = (
        '<div class="jp-Cell jp-MarkdownCell"><h1 id="T">T</h1><h2 id="Who-wrote">Who wrote'
        '<a class="anchor-link" href="#Who-wrote">¶</a></h2></div>'
        '<div class="jp-OutputArea"><h2 id="from-output">Not a section</h2></div>'
    )
    assert page_sections(html) == (("Who-wrote", "Who wrote"),)


def test_contents_and_navigation_escape_titles_and_link_every_page():
    first = EditionPage(Path("00-a.ipynb"), "00 · A <b>", (("Who-wrote", "Who & when"),))
    second = EditionPage(Path("01-b.ipynb"), "01 · B")
    index = index_html([first, second])
    assert '<a href="00-a.html">00 · A &lt;b&gt;</a>' in index
    assert '<a href="00-a.html#Who-wrote">Who &amp; when</a>' in index
    assert '<a href="01-b.html">01 · B</a>' in index and '<html lang="en">' in index
    for extra in ("handout-telegram.html", "handout-whos-who.html", "handout-worksheet.html", "documents.html"):
        assert f'href="{extra}"' in index
    nav = nav_html(first, second)
    assert 'href="index.html"' in nav and 'rel="prev">← 00 · A &lt;b&gt;</a>' in nav and 'rel="next">01 · B →</a>' in nav
    assert 'role="search"' in nav
    assert 'rel="prev"' not in nav_html(None, second)


def test_the_output_folder_is_replaced_only_if_it_is_an_edition(tmp_path):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.txt").write_text("keep me")
    with pytest.raises(EditionError, match="not an edition built by this command"):
        edition._prepare_out(precious)
    assert (precious / "thesis.txt").read_text() == "keep me"
    site = tmp_path / "site"
    edition._prepare_out(site)
    (site / "old.html").write_text("stale")
    edition._prepare_out(site)
    assert not (site / "old.html").exists() and (site / edition.MARKER).is_file()


def test_an_unexecuted_notebook_stops_the_build_before_anything_is_written(tmp_path):
    nb = _executed("1")
    nb.cells[1].execution_count = None
    path = tmp_path / "01-x.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(EditionError, match=r"(?s)committed executed.*notebooks/01-x\.ipynb, cell 2"):
        edition.build_edition(tmp_path / "site", [path])
    assert not (tmp_path / "site").exists()


def test_the_page_template_loads_nothing_from_a_cdn(tmp_path):
    html, _ = edition._exporter().from_notebook_node(
        _executed("1", widget="abc", state=("abc",)), resources={"edition_nav": "<nav></nav>"}
    )
    assert "cdnjs" not in html and "unpkg" not in html and "mathjax" not in html.lower()
    assert f'<script src="{edition.REQUIRE_JS}">' in html and edition.WIDGET_RENDERER in html


def test_pins_are_exact_and_a_tarball_must_match_its_integrity(tmp_path):
    assert all(pin.version.count(".") == 2 and pin.integrity.startswith("sha512-") for pin in PINS.values())
    assert sri_sha512(b"abc").startswith("sha512-3a81oZNherrMQXNJriBBMRLm")
    with pytest.raises(VendorError, match="not pinned"):
        npm_package("left-pad", cache=tmp_path)
    with pytest.raises(VendorError, match="npm not found"):
        npm_package("axe-core", cache=tmp_path, npm="")  # "" = no npm on this machine


def _fake_npm(tmp_path: Path, name: str, version: str) -> str:
    """An 'npm' that packs a tiny tarball for ``npm pack SPEC --pack-destination DIR``."""
    script = tmp_path / "fake-npm"
    script.write_text(
        "#!" + __import__("sys").executable + "\n"
        "import io, json, sys, tarfile\n"
        "dest = sys.argv[sys.argv.index('--pack-destination') + 1]\n"
        f"meta = json.dumps({{'name': {name!r}, 'version': {version!r}}}).encode()\n"
        "with tarfile.open(dest + '/pkg.tgz', 'w:gz') as t:\n"
        "    info = tarfile.TarInfo('package/package.json'); info.size = len(meta)\n"
        "    t.addfile(info, io.BytesIO(meta))\n"
    )
    script.chmod(0o755)
    return str(script)


def test_a_tarball_that_does_not_match_its_pin_is_refused(tmp_path):
    pin = PINS["requirejs"]
    npm = _fake_npm(tmp_path, pin.name, pin.version)
    with pytest.raises(VendorError, match=r"requirejs@2\.3\.8: expected integrity sha512-7/cT.*; found sha512-"):
        npm_package("requirejs", cache=tmp_path / "cache", npm=npm)
    assert not (tmp_path / "cache" / pin.folder_name).exists()


def test_a_cached_package_is_used_without_npm(tmp_path):
    pin = PINS["requirejs"]
    folder = tmp_path / pin.folder_name
    folder.mkdir()
    (folder / "package.json").write_text(json.dumps({"name": pin.name, "version": pin.version}))
    assert npm_package("requirejs", cache=tmp_path, npm="/nonexistent/npm") == folder
