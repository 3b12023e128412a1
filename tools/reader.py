"""The reader's edition: handouts, reference pages, permanent anchors as links, search, print.

Used by :mod:`tools.edition` after the notebook pages are exported:

- pages made from the data, through the Jinja2 templates in ``tools/reader_templates/``
  (autoescaped): three one-page handouts (the telegram with numbered paragraphs, its names
  linked to the who's who; the who's who and glossary; a blank argument-map worksheet) and a
  page of every document and source the data cite (``id="doc-..."``);
- :func:`link_references`: a mention of a document, an argument unit, an event or an entity
  by its id becomes a link to its anchor (on the same page when it is there);
- :func:`mark_repeated_maps`: every argument map after a page's first is marked so the print
  stylesheet draws the map once;
- :func:`run_pagefind`: the offline full-text index (Pagefind) of the finished folder.

The reader's stylesheet and script (code hidden by default, the search box, ``@media print``)
are copied from ``tools/reader_assets/``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from kernel_utils.errors import KernelUtilsError

__all__ = [
    "ExtraPage",
    "HANDOUTS",
    "anchors_in",
    "copy_assets",
    "doc_link_targets",
    "doc_page",
    "doc_pages",
    "rewrite_doc_links",
    "documents_page",
    "link_references",
    "mark_repeated_maps",
    "render",
    "run_pagefind",
    "telegram_handout",
    "whos_who_handout",
    "worksheet_handout",
]

_HERE = Path(__file__).resolve().parent
_ROOT = _HERE.parent
TEMPLATES = _HERE / "reader_templates"
ASSETS = _HERE / "reader_assets"
_ENV = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True)


@dataclass(frozen=True)
class ExtraPage:
    """A page of the edition made from the data, not from a notebook."""

    filename: str
    title: str


#: The one-page handouts, in the order the contents list them.
HANDOUTS = (
    ExtraPage("handout-telegram.html", "Handout: the telegram with numbered paragraphs"),
    ExtraPage("handout-whos-who.html", "Handout: who’s who and glossary"),
    ExtraPage("handout-worksheet.html", "Handout: a blank argument-map worksheet"),
)
DOCUMENTS = ExtraPage("documents.html", "Documents and sources")


class ReaderError(KernelUtilsError, RuntimeError):
    """A step of the reader's edition failed (the message says which and why)."""


def render(template: str, **context) -> str:
    """Render one of ``tools/reader_templates`` (autoescaped)."""
    return _ENV.get_template(template).render(**context)


def copy_assets(site: Path) -> None:
    """The reader's stylesheet and script, next to the pages."""
    for item in ASSETS.iterdir():
        shutil.copy2(item, site / item.name)


# --------------------------------------------------------------------------- handouts
def _paragraph_html(text: str, start: int, end: int, mentions, entity_ids: set[str]) -> Markup:
    """The verbatim span ``start``–``end`` with each (outermost) annotated mention linked to the who's who."""
    spans = sorted((m for m in mentions if start <= m.start and m.end <= end and m.entity in entity_ids), key=lambda m: (m.start, -m.end))
    out, pos = [], start
    for m in spans:
        if m.start < pos:  # nested in or overlapping a mention already linked
            continue
        out.append(escape(text[pos:m.start]))
        out.append(Markup('<a class="xref" href="handout-whos-who.html#entity-{0}">{1}</a>').format(m.entity, text[m.start:m.end]))
        pos = m.end
    out.append(escape(text[pos:end]))
    return Markup("").join(out)


def telegram_handout(document_id: str, **page) -> str:
    """The document's verbatim paragraphs, numbered and anchored ``p01`` ..., its names linked."""
    from kernel_utils import document_record, load_document
    from kernel_utils.store.entities import load_entities, load_mentions

    doc, record = load_document(document_id), document_record(document_id)
    try:
        mentions = load_mentions(document_id)
    except (FileNotFoundError, KernelUtilsError):
        mentions = ()
    entity_ids = set(load_entities())
    paragraphs = [{"id": p.id, "number": p.number, "html": _paragraph_html(doc.text, p.start, p.end, mentions, entity_ids)}
                  for p in doc.paragraphs]
    header = [line.value for line in doc.header_lines if line.kind != "editorial"]
    return render("telegram.html.j2", kind="handout", record=record, header=header, paragraphs=paragraphs,
                  signature=doc.signature, **page)


def _markdown(path: Path, *, trusted: bool = False) -> Markup | None:
    """A Markdown file as HTML, or None when it does not exist.

    Raw HTML in it is escaped unless ``trusted`` (the project's own ``docs/``, generated from the
    data by ``tools.teaching_docs``, whose ``<a id>`` anchors must survive).
    """
    if not path.is_file():
        return None
    import mistune

    return Markup(mistune.create_markdown(escape=not trusted, plugins=["table"])(path.read_text(encoding="utf-8")))  # noqa: S704


def _glossary_terms(data: Path) -> list[dict]:
    """The glossary's terms from ``data/glossary.json`` when it exists (term, variants, definition, status)."""
    import json

    path = data / "glossary.json"
    if not path.is_file():
        return []
    terms = json.loads(path.read_text(encoding="utf-8")).get("terms", [])
    return sorted(terms, key=lambda t: t["term"].casefold())


def whos_who_handout(docs: Path | None = None, data: Path | None = None, **page) -> str:
    """Every entity with its role in December 1950 and the role's status, with the modern spelling where the
    data give one; the glossary from ``data/glossary.json``, else ``docs/glossary.md``, when either exists."""
    from kernel_utils.store.entities import load_entities

    docs = docs or _ROOT / "docs"
    terms = _glossary_terms(data or _ROOT / "data")
    entities = sorted(load_entities().values(), key=lambda e: (e.name.casefold(), e.id))
    return render("whos_who.html.j2", kind="handout", entities=entities, terms=terms,
                  glossary=None if terms else _markdown(docs / "glossary.md"),
                  full_whos_who=(docs / "whos-who.md").is_file(), full_glossary=(docs / "glossary.md").is_file(), **page)


#: Markdown guides of docs/ that become pages of the edition when they exist (the teaching layer writes
#: them); any other docs/handouts/NAME.md becomes handout-NAME.html.
DOC_PAGES = (
    ("whos-who.md", ExtraPage("whos-who.html", "Who’s who (full, with sources)")),
    ("glossary.md", ExtraPage("glossary.html", "Glossary (full, with sources)")),
    ("teachers.md", ExtraPage("teachers.html", "Teacher’s guide")),
)
_MD_TITLE = re.compile(r"^#\s+(?P<title>.+?)\s*#*\s*$", re.MULTILINE)
_MD_HREF = re.compile(r"""(?P<head>href=(?P<q>\\?["']))(?P<path>[^"'\\#?\s:]+\.md)(?P<frag>#[^"'\\]*)?(?P=q)""")


def doc_pages(docs: Path | None = None) -> list[tuple[ExtraPage, Path]]:
    """The guides and paper handouts of ``docs/`` present in this checkout, as edition pages."""
    docs = docs or _ROOT / "docs"
    found = [(page, docs / name) for name, page in DOC_PAGES if (docs / name).is_file()]
    taken = {page.filename for page, _ in found} | {h.filename for h in HANDOUTS} | {DOCUMENTS.filename}
    for path in sorted((docs / "handouts").glob("*.md")) if (docs / "handouts").is_dir() else []:
        filename = f"handout-{path.stem}.html"
        if filename not in taken:
            match = _MD_TITLE.search(path.read_text(encoding="utf-8"))
            found.append((ExtraPage(filename, f"Paper handout: {match.group('title') if match else path.stem}"), path))
    return found


def doc_link_targets(pages: Iterable[tuple[ExtraPage, Path]], root: Path | None = None) -> dict[str, str]:
    """Where each guide's Markdown file (path from the repository's root, e.g. ``docs/glossary.md``) is published."""
    root = (root or _ROOT).resolve()
    out = {}
    for page, path in pages:
        try:
            out[path.resolve().relative_to(root).as_posix()] = page.filename
        except ValueError:
            out[path.name] = page.filename
    return out


def rewrite_doc_links(html: str, base: str, targets: Mapping[str, str]) -> str:
    """Point links to Markdown guides (``../docs/glossary.md#aif`` from ``base`` = "notebooks") at their pages."""
    import posixpath

    def replace(m: re.Match) -> str:
        resolved = posixpath.normpath(posixpath.join(base, m.group("path")))
        page = targets.get(resolved)
        if page is None:
            return m.group(0)
        return f"{m.group('head')}{page}{m.group('frag') or ''}{m.group('q')}"

    return _MD_HREF.sub(replace, html)


def doc_page(path: Path, targets: Mapping[str, str], base: str = "docs", **page) -> str:
    """A guide of ``docs/`` as a page; links to the other guides point at their pages."""
    body = rewrite_doc_links(str(_markdown(path, trusted=True)), base, targets)
    return render("markdown.html.j2", kind="reference", body=Markup(body), **page)  # noqa: S704 - rendered from our docs


def worksheet_handout(document_id: str, rows: int = 14, **page) -> str:
    """A blank worksheet: a table of units to fill in, the vocabulary's types, space for the map."""
    from kernel_utils import document_record
    from kernel_utils.layers.argument.model import load_vocabulary

    vocabulary = load_vocabulary(document_id)
    return render("worksheet.html.j2", kind="handout", record=document_record(document_id), rows=rows,
                  unit_types=list(vocabulary.unit_types.values()), relation_types=list(vocabulary.relation_types.values()), **page)


def documents_page(**page) -> str:
    """Every source of ``data/sources.json``, anchored ``doc-ID``."""
    from kernel_utils import load_sources

    return render("documents.html.j2", kind="reference", sources=sorted(load_sources().values(), key=lambda s: s.id), **page)


# --------------------------------------------------------------------------- anchors and links
_ANCHOR = re.compile(r"""\bid=(["'])(?P<kind>unit|event|entity|doc)-(?P<key>[^"'\s]+)\1""")
# Regions never touched: scripts, styles, drawings, form text, existing links, the <head>.
_SKIP = re.compile(r"(?is)<(script|style|svg|textarea|a|button|select|title)\b.*?</\1\s*>")
_TAG = re.compile(r"<[^>]+>")
_INPUT_AREA = re.compile(r"""(?i)<div\b[^>]*\bclass=["'][^"']*\bjp-InputArea\b""")


def anchors_in(html: str) -> dict[str, set[str]]:
    """The permanent anchors of a page by kind: {"unit": {"a01", ...}, "event": {...}, ...}."""
    found: dict[str, set[str]] = {}
    for m in _ANCHOR.finditer(html):
        found.setdefault(m.group("kind"), set()).add(m.group("key"))
    return found


def reference_targets(pages: Mapping[str, str], document_ids: Iterable[str], entity_ids: Iterable[str],
                      paragraphs: Mapping[int, str] | None = None) -> dict[str, dict[str, str]]:
    """For each page, the ids a text may name and where each links (same-page anchors first).

    Documents link to the documents page; entities (ids with a hyphen, so no ordinary word is
    taken for one) to the who's who; events to the page that holds their card; argument units
    only within their own page (reading A's ``a05`` is not reading B's); a paragraph number
    (``¶3``, from ``paragraphs``: number → id) to the paragraph on the page, else on the telegram handout.
    """
    global_targets: dict[str, str] = {}
    for number, pid in (paragraphs or {}).items():
        global_targets[f"¶{number}"] = f"{HANDOUTS[0].filename}#{pid}"
    for doc_id in document_ids:
        if "-" in doc_id and any(c.isdigit() for c in doc_id):
            global_targets[doc_id] = f"{DOCUMENTS.filename}#doc-{doc_id}"
            global_targets[doc_id.replace("-", "/", 1)] = global_targets[doc_id]
    for entity_id in entity_ids:
        if "-" in entity_id:
            global_targets.setdefault(entity_id, f"{HANDOUTS[1].filename}#entity-{entity_id}")
    for name, html in pages.items():
        for event in anchors_in(html).get("event", ()):
            global_targets.setdefault(event, f"{name}#event-{event}")
    out = {}
    for name, html in pages.items():
        own = anchors_in(html)
        targets = dict(global_targets)
        for kind in ("event", "unit", "entity"):
            for key in own.get(kind, ()):
                targets[key] = f"#{kind}-{key}"
        for number, pid in (paragraphs or {}).items():
            if f"id='{pid}'" in html or f'id="{pid}"' in html:
                targets[f"¶{number}"] = f"#{pid}"
        out[name] = targets
    return out


def _link_text(text: str, pattern: re.Pattern, targets: Mapping[str, str]) -> str:
    return pattern.sub(lambda m: f'<a class="xref" href="{escape(targets[m.group(0)])}">{m.group(0)}</a>', text)


def link_references(html: str, targets: Mapping[str, str]) -> str:
    """Turn each id in ``targets`` named in the page's text into a link to its anchor.

    Only text between tags in the ``<body>`` is touched, never code cells' input, scripts,
    styles, drawings, buttons or existing links; an id must stand alone (not inside a longer
    word or id).  ``targets`` maps an id to its ``href``.
    """
    if not targets:
        return html
    keys = sorted(targets, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w/-])(?:" + "|".join(map(re.escape, keys)) + r")(?![\w-]|/\w)")
    body = html.lower().find("<body")
    head, rest = (html[:body], html[body:]) if body >= 0 else ("", html)
    out, pos, input_depth = [head], 0, 0
    for skip in list(_SKIP.finditer(rest)) + [None]:
        end = skip.start() if skip else len(rest)
        segment = rest[pos:end]
        pieces, last = [], 0
        for tag in _TAG.finditer(segment):
            text = segment[last:tag.start()]
            pieces.append(text if input_depth else _link_text(text, pattern, targets))
            t = tag.group(0)
            if input_depth:
                if t.lower().startswith("<div"):
                    input_depth += 1
                elif t.lower().startswith("</div"):
                    input_depth -= 1
            elif _INPUT_AREA.match(t):
                input_depth = 1
            pieces.append(t)
            last = tag.end()
        text = segment[last:]
        pieces.append(text if input_depth else _link_text(text, pattern, targets))
        out.append("".join(pieces))
        if skip:
            out.append(skip.group(0))
            pos = skip.end()
    return "".join(out)


_ARGUMENT_MAP = re.compile(r"""<svg\b(?=[^>]*\baria-label=(["'])Argument map)""")


def mark_repeated_maps(html: str) -> str:
    """Mark every argument map after the page's first (``data-print-repeat``): print draws the map once."""
    count = 0

    def mark(m: re.Match) -> str:
        nonlocal count
        count += 1
        return m.group(0) if count == 1 else "<svg data-print-repeat=\"\""

    return _ARGUMENT_MAP.sub(mark, html)


def run_pagefind(site: Path) -> None:
    """Index ``site`` with Pagefind (pip ``pagefind[bin]``): ``site/pagefind/`` holds the index and its search UI."""
    try:
        result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--silent"],
                                capture_output=True, text=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ReaderError(f"the search index could not be built: {exc}") from exc
    if result.returncode != 0 or not (site / "pagefind" / "pagefind-ui.js").is_file():
        raise ReaderError(
            "the search index could not be built (python -m pagefind --site "
            f"{site}): expected exit 0 and pagefind/pagefind-ui.js; found exit {result.returncode}: "
            + (result.stderr or result.stdout).strip()[:500]
            + " (install it with pip install 'pagefind[bin]==1.5.2')"
        )
