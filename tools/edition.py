"""The static HTML edition: every notebook as a web page that needs no kernel and no network.

``python -m tools.edition [--out DIR]`` (or ``python3 run.py edition``) builds ``site/``
from the committed, executed notebooks: one page per notebook (nbconvert's ``lab`` template,
with the widget state saved in the notebook embedded, so the widgets render as they were left),
an ``index.html`` table of contents, links between notebooks rewritten from ``.ipynb`` to
``.html``, and previous/next navigation.  nbconvert's pages load require.js and the widget
manager from CDNs and MathJax from cdnjs; the edition copies the first two, pinned, from the
npm registry (:mod:`tools.npm_vendor`) into ``site/vendor/`` and drops MathJax (the
notebooks use no TeX), so a reader needs nothing but the folder.

The reader's edition (:mod:`tools.reader`): code is hidden until a reader asks for it (a
"Show code" button per cell and per page, keyboard-usable); under every widget, a collapsed list
holds everything it can show (the ``text/html`` its explorer saved beside the widget view, see
:mod:`kernel_utils.views.static`); units, events, entities, paragraphs and documents have permanent
anchors and their ids in the text are links; three one-page handouts and a page of documents are
made from the data; a print stylesheet draws the argument map once and leaves out code and widget
controls; Pagefind indexes the finished folder for offline full-text search.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from kernel_utils.errors import KernelUtilsError
from tools.notebook_runner import notebook_paths
from tools.reader import link_references, mark_repeated_maps, run_pagefind

__all__ = [
    "EditionError",
    "EditionPage",
    "build_edition",
    "index_html",
    "nav_html",
    "notebook_problems",
    "notebook_title",
    "page_sections",
    "rewrite_notebook_links",
]

_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = _ROOT / "site"
MARKER = ".telegram602-edition"  # written into the output folder: only such a folder is ever replaced
EDITION_TITLE = "Telegram 602, 20 December 1950: a computational edition"
REQUIRE_JS = "vendor/require.js"
WIDGET_RENDERER = "vendor/html-manager/embed-amd.js"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"

# The page template: nbconvert's lab template without MathJax and Mermaid (both from CDNs),
# prompts in a readable grey, links underlined, slider handles named after their slider's
# label, and the edition's navigation above and below the notebook.
_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{% block html_head_css %}
<style>
/* nbconvert's light theme fades the In/Out prompts to #b0b0b0 on white (contrast 2.2:1); WCAG AA needs 4.5:1. */
.jp-Notebook .jp-Cell:not(.jp-mod-active) .jp-InputPrompt,
.jp-Notebook .jp-Cell:not(.jp-mod-active) .jp-OutputPrompt { opacity: 1; color: #595959; }
/* Links in text are underlined, not told apart by colour alone (WCAG 1.4.1). */
.jp-RenderedHTMLCommon a:link, .jp-RenderedHTMLCommon a:visited { text-decoration: underline; }
</style>
<script>
/* ipywidgets 8.1 leaves a slider's handles (role=slider) without an accessible name: name each
   after the slider's own label, as the widget manager renders them. */
(function () {
  function nameHandles() {
    document.querySelectorAll('.widget-slider').forEach(function (slider) {
      var label = slider.querySelector('.widget-label');
      var text = label ? label.textContent.trim() : '';
      var handles = slider.querySelectorAll('[role=slider]');
      handles.forEach(function (handle, i) {
        if (text && !handle.getAttribute('aria-label')) {
          handle.setAttribute('aria-label', handles.length > 1 ? text + (i ? ' (end)' : ' (start)') : text);
        }
      });
    });
  }
  new MutationObserver(nameHandles).observe(document.documentElement, {childList: true, subtree: true});
})();
</script>
{{ resources.reader_head }}
{% endblock html_head_css %}
{#- The lab template's widget view, with the widget's static listing (its text/html) inside the same output. -#}
{%- block data_widget_view scoped %}
{% set div_id = uuid4() %}
{% set datatype_list = output.data | filter_data_type %}
{% set datatype = datatype_list[0]%}
<div id="{{ div_id }}" class="jupyter-widgets jp-OutputArea-output {{ extra_class }}">
<script type="text/javascript">
var element = document.getElementById('{{ div_id }}');
</script>
<script type="{{ datatype }}">
{{ output.data[datatype] | json_dumps | escape_html_script }}
</script>
{%- if 'text/html' in output.data %}
<div class="widget-static-output">{{ output.data['text/html'] }}</div>
{%- endif %}
</div>
{%- endblock data_widget_view -%}
{%- block body_header -%}
{{ super() }}
{{ resources.edition_nav }}
{%- endblock body_header -%}
{% block body_footer %}
{{ resources.edition_nav }}
{{ super() }}
{% endblock body_footer %}
"""

_NOTEBOOK_LINK = re.compile(
    r"""(?P<head>\bhref=(?P<q>\\?["']))(?P<path>[^"'\\#?\s]+?\.ipynb)(?P<tail>[#?][^"'\\]*)?(?P=q)"""
)
_MD_TITLE = re.compile(r"^#\s+(?P<title>.+?)\s*#*\s*$", re.MULTILINE)


class EditionError(KernelUtilsError, ValueError):
    """The edition cannot be built as it stands; the message names the notebook and what to do."""


@dataclass(frozen=True)
class EditionPage:
    """One notebook of the edition: where it comes from, its page, its title and its sections."""

    source: Path
    title: str
    sections: tuple[tuple[str, str], ...] = ()

    @property
    def filename(self) -> str:
        return self.source.stem + ".html"


def notebook_title(nb, fallback: str) -> str:
    """The notebook's title: its first level-1 Markdown heading, else ``fallback``."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = _MD_TITLE.search(cell.source)
            if match:
                return match.group("title")
    return fallback


def notebook_problems(nb, name: str) -> list[str]:
    """Why ``nb`` cannot go into the edition as committed: unexecuted cells, missing widget state."""
    problems = []
    code = [(i, c) for i, c in enumerate(nb.cells, start=1) if c.cell_type == "code"]
    for n, (i, cell) in enumerate(code, start=1):
        if cell.execution_count != n:
            problems.append(
                f"{name}, cell {i}: expected execution count {n} (executed top to bottom); found {cell.execution_count}"
            )
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for i, cell in code:
        for out in cell.get("outputs", []):
            view = out.get("data", {}).get(WIDGET_VIEW)
            if view and view.get("model_id") not in state:
                problems.append(
                    f"{name}, cell {i}: expected the widget's state in the notebook's metadata; "
                    f"found none for model {view.get('model_id')}"
                )
    return problems


def rewrite_notebook_links(html: str, pages: dict[str, str], where: str) -> str:
    """Point links to notebooks (``01-provenance.ipynb#x``) at their pages (``01-provenance.html#x``).

    ``pages`` maps a notebook's file name to its page; a link to a notebook that is not in the
    edition is an error, so the edition has no broken link between notebooks.
    """

    def replace(match: re.Match) -> str:
        path = match.group("path")
        if ":" in path or path.startswith("/"):
            return match.group(0)
        name = path.rsplit("/", 1)[-1]
        if name not in pages:
            raise EditionError(
                f"{where}: links to {path}, which is not a notebook of the edition (notebooks: {', '.join(sorted(pages)) or 'none'})"
            )
        return f"{match.group('head')}{pages[name]}{match.group('tail') or ''}{match.group('q')}"

    return _NOTEBOOK_LINK.sub(replace, html)


def page_sections(html: str) -> tuple[tuple[str, str], ...]:
    """The level-2 headings of an exported notebook page, as (anchor id, text), in order."""
    import lxml.html

    doc = lxml.html.fromstring(html)
    out = []
    for h2 in doc.xpath('//div[contains(concat(" ", normalize-space(@class), " "), " jp-MarkdownCell ")]//h2[@id]'):
        for anchor in h2.xpath('.//a[contains(@class, "anchor-link")]'):
            anchor.drop_tree()
        out.append((h2.get("id"), " ".join(h2.text_content().split())))
    return tuple(out)


def nav_html(previous: EditionPage | None, following: EditionPage | None) -> str:
    """Links to the contents, the previous and next notebooks and the handouts; the search box."""
    from tools.reader import render

    return render("nav.html.j2", previous=previous, following=following)


def _page_context(previous: EditionPage | None = None, following: EditionPage | None = None) -> dict:
    from markupsafe import Markup

    return {"edition_title": EDITION_TITLE, "nav": Markup(nav_html(previous, following))}  # noqa: S704 - our template


def index_html(pages: list[EditionPage]) -> str:
    """The table of contents: every notebook with its sections, then the handouts and reference pages."""
    from tools.reader import DOCUMENTS, HANDOUTS, doc_pages, render

    extras = [*HANDOUTS, DOCUMENTS, *(page for page, _ in doc_pages())]
    return render("index.html.j2", kind="index", title="Contents", pages=pages, extras=extras, **_page_context())


def _exporter():
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="lab",
        template_file="edition.html.j2",
        extra_loaders=[DictLoader({"edition.html.j2": _TEMPLATE})],
        require_js_url=REQUIRE_JS,
        widget_renderer_url=WIDGET_RENDERER,
        theme="light",
    )


def _vendor(site: Path, cache: Path | None = None) -> None:
    """Copy the pinned JavaScript the pages load into ``site/vendor`` (fetched once, see npm_vendor)."""
    from tools.npm_vendor import PINS, npm_package

    vendor = site / "vendor"
    (vendor / "html-manager").mkdir(parents=True, exist_ok=True)
    shutil.copy2(npm_package("requirejs", cache=cache) / "require.js", site / REQUIRE_JS)
    dist = npm_package("@jupyter-widgets/html-manager", cache=cache) / "dist"
    # embed-amd.js and the icon fonts it loads from its own folder; not the source map or the non-AMD bundle.
    for item in dist.iterdir():
        if item.name == "embed-amd.js" or item.suffix in (".woff2", ".woff", ".ttf", ".eot", ".svg") or item.name.endswith("LICENSE.txt"):
            shutil.copy2(item, vendor / "html-manager" / item.name)
    notice = ["Third-party files in this folder, copied unmodified from the npm registry:", ""]
    for name in ("requirejs", "@jupyter-widgets/html-manager"):
        pin = PINS[name]
        license_ = json.loads((npm_package(name, cache=cache) / "package.json").read_text(encoding="utf-8"))["license"]
        notice.append(f"- {pin.spec} ({license_} licence), integrity {pin.integrity}")
    (vendor / "NOTICE.txt").write_text("\n".join(notice) + "\n", encoding="utf-8")


def _prepare_out(out: Path) -> None:
    if out.exists():
        if any(out.iterdir()) and not (out / MARKER).is_file():
            raise EditionError(f"{out} exists and is not an edition built by this command (no {MARKER}); refusing to replace it")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / MARKER).write_text("Built by python -m tools.edition; replaced on every build.\n", encoding="utf-8")


def build_edition(out: Path | None = None, notebooks: list[Path] | None = None, *, npm_cache: Path | None = None) -> list[Path]:
    """Build the edition into ``out`` (default ``site/``); return the pages written, index first."""
    import nbformat

    out = Path(out) if out else DEFAULT_OUT
    sources = [Path(p) for p in (notebooks if notebooks is not None else notebook_paths())]
    if not sources:
        raise EditionError("no notebooks to build: notebooks/ holds no NN-name.ipynb file")
    books = [(path, nbformat.read(path, as_version=4)) for path in sources]
    problems = [p for path, nb in books for p in notebook_problems(nb, f"notebooks/{path.name}")]
    if problems:
        raise EditionError(
            "the notebooks must be committed executed, with widget state (python3 run.py execute):\n"
            + "\n".join(f"  - {p}" for p in problems)
        )
    _prepare_out(out)
    _vendor(out, npm_cache)
    pages = [EditionPage(path, notebook_title(nb, path.stem)) for path, nb in books]
    link_targets = {page.source.name: page.filename for page in pages}
    exporter = _exporter()
    html_by_page: dict[str, str] = {}
    for i, ((path, nb), page) in enumerate(zip(books, pages)):
        nb.metadata["title"] = page.title
        nav = nav_html(pages[i - 1] if i else None, pages[i + 1] if i + 1 < len(pages) else None)
        html, _ = exporter.from_notebook_node(
            nb, resources={"edition_nav": nav, "reader_head": _reader_head(), "metadata": {"name": path.stem}}
        )
        html = rewrite_notebook_links(html, link_targets, f"notebooks/{path.name}")
        pages[i] = EditionPage(page.source, page.title, page_sections(html))
        html_by_page[page.filename] = mark_repeated_maps(html)
    written = _write_reader_pages(out, pages, html_by_page)
    run_pagefind(out)
    return written


def _reader_head() -> str:
    from tools.reader import render

    return render("head.html.j2")


def _write_reader_pages(out: Path, pages: list[EditionPage], html_by_page: dict[str, str]) -> list[Path]:
    """Link the ids in the notebook pages, write them, the handouts, the guides, the documents page and the contents."""
    from kernel_utils import default_document, list_documents, load_document, load_sources
    from kernel_utils.store.entities import load_entities
    from tools.reader import DOCUMENTS, HANDOUTS, copy_assets, doc_link_targets, doc_page, doc_pages, documents_page, \
        reference_targets, rewrite_doc_links, telegram_handout, whos_who_handout, worksheet_handout
    own = default_document()  # the edition's own document (data/edition.json)

    copy_assets(out)
    guides = doc_pages()
    doc_targets = doc_link_targets(guides)
    paragraphs = {p.number: p.id for p in load_document(own).paragraphs}
    targets = reference_targets(html_by_page, [*load_sources(), *list_documents()], load_entities(), paragraphs)
    written = []
    for name, html in html_by_page.items():
        target = out / name
        target.write_text(link_references(rewrite_doc_links(html, "notebooks", doc_targets), targets[name]), encoding="utf-8")
        written.append(target)
    makers = {
        HANDOUTS[0].filename: lambda **c: telegram_handout(own, **c),
        HANDOUTS[1].filename: whos_who_handout,
        HANDOUTS[2].filename: lambda **c: worksheet_handout(own, **c),
        DOCUMENTS.filename: documents_page,
    }
    for extra, source in guides:
        base = source.parent.resolve().relative_to(_ROOT).as_posix() if source.resolve().is_relative_to(_ROOT) else "docs"
        makers[extra.filename] = lambda source=source, base=base, **c: doc_page(source, doc_targets, base, **c)
    for extra in [*HANDOUTS, DOCUMENTS, *(page for page, _ in guides)]:
        target = out / extra.filename
        target.write_text(makers[extra.filename](title=extra.title, **_page_context()), encoding="utf-8")
        written.append(target)
    index = out / "index.html"
    index.write_text(index_html(pages), encoding="utf-8")
    return [index, *written]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.edition", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: site/)")
    args = parser.parse_args(argv)
    try:
        written = build_edition(args.out)
    except KernelUtilsError as exc:
        print(f"edition: {exc}", file=sys.stderr)
        return 1
    print(f"Static edition: {len(written)} page(s) in {args.out}; open {args.out / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
