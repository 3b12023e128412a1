"""The static HTML edition: every notebook as a web page that needs no kernel and no network.

``python -m tools.edition [--out DIR]`` (or ``python3 run.py edition``) builds ``site/``
from the committed, executed notebooks: one page per notebook (nbconvert's ``lab`` template,
with the widget state saved in the notebook embedded, so the widgets render as they were left),
an ``index.html`` table of contents, links between notebooks rewritten from ``.ipynb`` to
``.html``, and previous/next navigation.  nbconvert's pages load require.js and the widget
manager from CDNs and MathJax from cdnjs; the edition copies the first two, pinned, from the
npm registry (:mod:`tools.npm_vendor`) into ``site/vendor/`` and drops MathJax (the
notebooks use no TeX), so a reader needs nothing but the folder.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from dataclasses import dataclass
from html import escape
from pathlib import Path

from kernel_utils.errors import KernelUtilsError
from tools.notebook_runner import notebook_paths

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
{% endblock html_head_css %}
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
_NAV_STYLE = "display:flex;gap:1.5em;flex-wrap:wrap;margin:0.8em 0;padding:0.5em 0;border-bottom:1px solid #767676;"


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
    """Links to the contents and to the previous and next notebooks."""
    links = ["<a href='index.html'>Contents</a>"]
    if previous:
        links.append(f"<a href='{escape(previous.filename)}' rel='prev'>← {escape(previous.title)}</a>")
    if following:
        links.append(f"<a href='{escape(following.filename)}' rel='next'>{escape(following.title)} →</a>")
    return f"<nav aria-label='Edition' style='{_NAV_STYLE}'>{''.join(links)}</nav>"


def index_html(pages: list[EditionPage]) -> str:
    """The table of contents: every notebook with its sections."""
    items = []
    for page in pages:
        sections = "".join(
            f"<li><a href='{escape(page.filename)}#{escape(anchor)}'>{escape(text)}</a></li>"
            for anchor, text in page.sections
        )
        items.append(
            f"<li><a href='{escape(page.filename)}'>{escape(page.title)}</a>"
            + (f"<ul>{sections}</ul>" if sections else "")
            + "</li>"
        )
    return (
        "<!DOCTYPE html>\n<html lang='en'>\n<head>\n<meta charset='utf-8'>\n"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>\n"
        f"<title>{escape(EDITION_TITLE)}</title>\n"
        "<style>body{font-family:system-ui,sans-serif;max-width:48em;margin:2em auto;padding:0 1em;line-height:1.5;color:#1a1a1a}"
        "a{color:#0060a0}li{margin:0.25em 0}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{escape(EDITION_TITLE)}</h1>\n"
        "<p>The static edition of the notebooks: each page shows a notebook as it was last executed, "
        "and its widgets show the state that was saved with it. They need no kernel and no network, "
        "so choosing another option changes the control but not what it shows: to explore, open the "
        "notebooks in JupyterLab (<code>python3 run.py lab</code>) or on Binder.</p>\n"
        "<h2>Contents</h2>\n<ol>\n" + "\n".join(items) + "\n</ol>\n</main>\n</body>\n</html>\n"
    )


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
    written = []
    for i, ((path, nb), page) in enumerate(zip(books, pages)):
        nb.metadata["title"] = page.title
        nav = nav_html(pages[i - 1] if i else None, pages[i + 1] if i + 1 < len(pages) else None)
        html, _ = exporter.from_notebook_node(nb, resources={"edition_nav": nav, "metadata": {"name": path.stem}})
        html = rewrite_notebook_links(html, link_targets, f"notebooks/{path.name}")
        pages[i] = EditionPage(page.source, page.title, page_sections(html))
        target = out / page.filename
        target.write_text(html, encoding="utf-8")
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
