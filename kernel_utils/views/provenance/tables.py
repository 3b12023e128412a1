"""HTML views and widgets of the provenance layer: the chain, entities in the text, citations.

As in :mod:`kernel_utils.views.document.text`, every piece of data is escaped with
:func:`html.escape`; statuses are shown as words as well as colours
(Okabe–Ito palette), so nothing depends on colour alone.  Each widget has a
labelled, keyboard-usable control, an ``HTML`` view, and a ``select`` method
that sets the control from code and returns the view as static HTML.
"""

from __future__ import annotations

from html import escape
from typing import Iterable, Mapping, Sequence

from IPython.display import HTML

from kernel_utils.layers.provenance.citations import FORMATS, CitationRecord, check_bibtex, check_ris, chicago_bibliography, chicago_note, csl_json, format_citation, validate_csl_json
from kernel_utils.store.entities import Entity, Mention
from kernel_utils.store.evidence import SourceRef
from kernel_utils.layers.provenance.chain import LAYER_FILES, CitedDocument, KnownUnknown, ProvenanceChain, Step, layer_files
from kernel_utils.store.sources import Source
from kernel_utils.views.palette import OKABE_ITO

__all__ = [
    "status_badge", "sources_list", "step_card", "chain_overview", "highlight_mentions", "entity_card",
    "citation_block", "known_unknowns_html", "ChainStepper", "EntityExplorer", "CitationChooser",
    "document_record_html", "missing_layer_html", "layer_status_html", "step_or_absence", "date_disagreements_html",
]

_BOX = "border:1px solid #767676;border-radius:4px;padding:0.6em 0.9em;margin:0.4em 0;max-width:52em;"
#: Okabe–Ito colours for the statuses (the word is always shown too).
STATUS_COLOURS = {"verified": OKABE_ITO["bluish_green"], "inferred": OKABE_ITO["orange"], "unknown": OKABE_ITO["black"]}
#: Highlight colours for chosen entities (Okabe–Ito, light enough for black text).
MARK_COLOURS = (OKABE_ITO["yellow"], OKABE_ITO["sky_blue"], OKABE_ITO["orange"], OKABE_ITO["reddish_purple"], OKABE_ITO["bluish_green"])


def status_badge(status: str) -> str:
    """The status as a word in a coloured frame."""
    colour = STATUS_COLOURS.get(status, "#767676")
    return f"<span style='border:2px solid {colour};border-radius:3px;padding:0 0.3em;font-size:0.85em'>{escape(status)}</span>"


def sources_list(refs: Iterable[SourceRef], sources: Mapping[str, Source]) -> str:
    """Each reference: the source's title (linked when it has an address), its id, and the evidence quoted."""
    items = []
    for ref in refs:
        src = sources.get(ref.source)
        title = escape(src.title) if src else escape(ref.source)
        if src and src.url:
            title = f"<a href='{escape(src.url)}'>{title}</a>"
        evidence = f"<blockquote style='margin:0.2em 0 0.4em 1em;white-space:pre-wrap'>{escape(ref.evidence)}</blockquote>" if ref.evidence else ""
        items.append(f"<li>{title} <code>[{escape(ref.source)}]</code>{evidence}</li>")
    return "<ul>" + "".join(items) + "</ul>" if items else "<p><em>No source: the sources read are silent.</em></p>"


def step_card(step: Step, sources: Mapping[str, Source]) -> str:
    """One step of the chain: summary, then every fact with its status, sources and reasoning."""
    rows = []
    for f in step.facts:
        extra = ""
        if f.reasoning:
            extra += f"<p><strong>Reasoning:</strong> {escape(f.reasoning)}</p>"
        if f.note:
            extra += f"<p><strong>Note:</strong> {escape(f.note)}</p>"
        rows.append(
            f"<tr><th scope='row' style='text-align:left;vertical-align:top;padding-right:1em'>{escape(f.label)}</th>"
            f"<td style='text-align:left;vertical-align:top'>{escape(f.value)}</td>"
            f"<td style='vertical-align:top'>{status_badge(f.status)}</td>"
            f"<td style='text-align:left;vertical-align:top'><details><summary>{len(f.sources)} source(s)</summary>{sources_list(f.sources, sources)}</details>{extra}</td></tr>"
        )
    counts = ", ".join(f"{n} {s}" for s, n in step.status_counts.items())
    return (
        f"<section style='{_BOX}' aria-label='Provenance step {step.order}: {escape(step.title)}'>"
        f"<h4 style='margin-top:0'>Step {step.order}. {escape(step.title)}</h4><p>{escape(step.summary)}</p>"
        f"<p style='color:#595959'>Facts: {escape(counts)}.</p>"
        "<table><thead><tr><th scope='col'>Fact</th><th scope='col'>Value</th><th scope='col'>Status</th><th scope='col'>How we know</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def document_record_html(document_id: str, sources: Mapping[str, Source]) -> str:
    """What a bundled document's own record (``document.json``) says of it: where the text comes from,
    how its date and pages are known, its sources with their words, and its file designation decoded."""
    from kernel_utils.store.documents import document_record, load_document
    from kernel_utils.layers.provenance.file_designation import FileDesignationError, explain_file_designation
    from kernel_utils.store.validation import load_validated

    record = document_record(document_id)
    raw = load_validated(f"documents/{document_id}/document.json")
    refs = [SourceRef(r["source"], r.get("evidence", "")) for r in raw.get("sources", [])]
    doc = load_document(document_id)
    pages = "–".join(str(p) for p in (record.pages[0], record.pages[-1])) if len(record.pages) > 1 else ", ".join(str(p) for p in record.pages)
    rows = [
        ("Document", f"{record.short_title or record.title} (FRUS {record.volume_id}, document {record.document_number})"),
        ("Heading", record.title),
        ("File designation", doc.file_designation or "none printed"),
        ("Date", record.date or "unknown"),
        ("How the date is known", record.date_basis or "not recorded"),
        ("Pages", pages or "unknown"),
        ("How the pages are known", record.pages_basis),
        ("Where the text comes from", record.retrieval),
    ]
    body = "".join(f"<tr><th scope='row' style='text-align:left;vertical-align:top;padding-right:1em'>{escape(k)}</th><td style='text-align:left'>{escape(v)}</td></tr>" for k, v in rows)
    decoded = ""
    if doc.file_designation:
        try:
            parts = explain_file_designation(doc.file_designation)
        except FileDesignationError as error:
            decoded = f"<p>The file designation could not be decoded: {escape(str(error))}</p>"
        else:
            items = "".join(
                f"<li><code>{escape(p.text)}</code> ({escape(p.part)}): {escape(p.meaning)} {status_badge(p.status)}"
                f" <small>[{escape(', '.join(dict.fromkeys(r.source for r in p.sources)) or 'no source')}]</small></li>"
                for p in parts
            )
            decoded = f"<h5>The file designation decoded</h5><ul>{items}</ul>"
    return (
        f"<section style='{_BOX}' aria-label='Record of {escape(document_id)}'><h4 style='margin-top:0'>{escape(record.short_title or record.title)}</h4>"
        f"<table>{body}</table>{decoded}<details open><summary>Sources of the record</summary>{sources_list(refs, sources)}</details></section>"
    )


def missing_layer_html(document_id: str, what: str) -> str:
    """A plain statement that the provenance layer has no ``what`` (a key of LAYER_FILES) for this document yet."""
    name = LAYER_FILES[what]
    return (
        f"<p style='{_BOX}'><strong>Not built yet:</strong> the provenance layer has no {escape(what)} for "
        f"<code>{escape(document_id)}</code> (no <code>data/documents/{escape(document_id)}/{escape(name)}</code>). "
        "Nothing is shown here rather than anything guessed.</p>"
    )


def layer_status_html(document_id: str) -> str:
    """Which files of the provenance layer the document has, as a list (present / not built yet)."""
    items = "".join(
        f"<li>{escape(what)} (<code>{escape(LAYER_FILES[what])}</code>): {'present' if present else '<strong>not built yet</strong>'}</li>"
        for what, present in layer_files(document_id).items()
    )
    return f"<section style='{_BOX}' aria-label='Provenance files of {escape(document_id)}'><ul style='margin:0'>{items}</ul></section>"


def step_or_absence(chain: ProvenanceChain | None, step_id: str, sources: Mapping[str, Source], document_id: str) -> str:
    """The step's card when the document has a chain with that step; otherwise a plain statement that it has none."""
    if chain is None:
        return missing_layer_html(document_id, "provenance chain")
    if step_id not in {s.id for s in chain.steps}:
        return f"<p style='{_BOX}'>The provenance chain of <code>{escape(document_id)}</code> has no step <code>{escape(step_id)}</code> yet.</p>"
    return step_card(chain.step(step_id), sources)


def date_disagreements_html(cited: Sequence[CitedDocument]) -> str:
    """Each cited document whose sources give different dates: every date with its source and words, then the note on the discrepancy."""
    disagreeing = [d for d in cited if d.dates_disagree]
    items = "".join(
        f"<li><strong>{escape(d.title)}</strong><ul>"
        + "".join(f"<li>{escape(v.date)} <code>[{escape(v.source)}]</code> “{escape(v.evidence)}”</li>" for v in d.date_variants)
        + f"</ul><p>{escape(d.discrepancy or '')}</p></li>"
        for d in disagreeing
    )
    return (
        f"<section style='{_BOX}' aria-label='Dates that disagree'><p>{len(disagreeing)} cited document(s) whose sources give different dates.</p>"
        + (f"<ul>{items}</ul>" if items else "")
        + "</section>"
    )


def chain_overview(chain: ProvenanceChain) -> str:
    """The steps in order with their counts of verified, inferred and unknown facts."""
    items = "".join(
        f"<li><strong>{escape(s.title)}</strong> — " + ", ".join(f"{n} {escape(k)}" for k, n in s.status_counts.items()) + "</li>"
        for s in chain.steps
    )
    return f"<section style='{_BOX}' aria-label='The provenance chain'><ol>{items}</ol></section>"


def highlight_mentions(text: str, mentions: Sequence[Mention], entity_ids: Iterable[str], entities: Mapping[str, Entity]) -> str:
    """The verbatim text with the mentions of the chosen entities marked (nested and overlapping mentions too).

    Each highlighted stretch is a ``<mark>`` whose title names the entity; the text is shown with its
    line breaks (``white-space: pre-wrap``); every character of the text and every name is escaped.
    """
    chosen = list(dict.fromkeys(entity_ids))
    colour = {e: MARK_COLOURS[i % len(MARK_COLOURS)] for i, e in enumerate(chosen)}
    marks = [m for m in mentions if m.entity in colour]
    cuts = sorted({0, len(text), *[m.start for m in marks], *[m.end for m in marks]})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [m for m in marks if m.start <= a and b <= m.end]
        piece = escape(text[a:b])
        if covering:
            names = "; ".join(dict.fromkeys(entities[m.entity].name if m.entity in entities else m.entity for m in covering))
            inner = covering[-1]
            piece = f"<mark style='background:{colour[inner.entity]};color:#000' title='{escape(names)}'>{piece}</mark>"
        out.append(piece)
    legend = " ".join(
        f"<mark style='background:{colour[e]};color:#000'>{escape(entities[e].name if e in entities else e)}</mark>" for e in chosen
    )
    return (
        f"<section style='{_BOX}' aria-label='Text with mentions highlighted'>"
        + (f"<p>Highlighted: {legend} ({len(marks)} mention(s))</p>" if chosen else "")
        + f"<div style='white-space:pre-wrap;font-family:serif'>{''.join(out)}</div></section>"
    )


def entity_card(entity: Entity, mentions: Sequence[Mention], sources: Mapping[str, Source]) -> str:
    """Who or what the entity is, its role in December 1950 with status and sources, and how the text names it."""
    own = [m for m in mentions if m.entity == entity.id]
    named = ", ".join(f"“{escape(q)}” ×{sum(1 for m in own if m.quote == q)}" for q in dict.fromkeys(m.quote for m in own))
    mention_line = f"Named in the text {len(own)} time(s): {named}." if own else "Not named in the text: implied." if entity.implied else "Not named in the text."
    reasoning = f"<p><strong>Reasoning:</strong> {escape(entity.role_reasoning)}</p>" if entity.role_reasoning else ""
    note = f"<p><strong>Note:</strong> {escape(entity.note)}</p>" if entity.note else ""
    return (
        f"<section style='{_BOX}' aria-label='Role card: {escape(entity.name)}'>"
        f"<h4 style='margin-top:0'>{escape(entity.name)} <span style='color:#595959;font-weight:normal'>({escape(entity.type)})</span></h4>"
        f"<p><strong>Role in December 1950:</strong> {escape(entity.role)} {status_badge(entity.role_status)}</p>{reasoning}{note}"
        f"<p>{mention_line}</p><details open><summary>Sources</summary>{sources_list(entity.role_sources, sources)}</details></section>"
    )


def citation_block(rec: CitationRecord, fmt: str) -> str:
    """A citation ready to copy (plain text in a ``<pre>``), the format's check result beneath it."""
    label = FORMATS[fmt][0]
    text = format_citation(rec, fmt)
    if fmt == "csl-json":
        problems = validate_csl_json(csl_json(rec))
        check = "valid against the edition's CSL-JSON schema (data/schemas/csl-json.schema.json, written from the CSL 1.0.2 item types and variables)" if not problems else "; ".join(problems)
    elif fmt == "bibtex":
        problems = check_bibtex(text)
        check = "keeps the BibTeX entry rules checked by kernel_utils.layers.provenance.citations.check_bibtex" if not problems else "; ".join(problems)
    elif fmt == "ris":
        problems = check_ris(text)
        check = "keeps the RIS tag rules checked by kernel_utils.layers.provenance.citations.check_ris" if not problems else "; ".join(problems)
    else:
        styled = chicago_note(rec, html=True) if fmt == "chicago-note" else chicago_bibliography(rec, html=True)
        check = "Chicago Manual of Style, 17th ed.; as it prints (italics): " + styled
        return (
            f"<section style='{_BOX}' aria-label='Citation: {escape(label)}'><h4 style='margin-top:0'>{escape(label)}</h4>"
            f"<pre style='white-space:pre-wrap'>{escape(text)}</pre><p style='color:#595959'>{check}</p></section>"
        )
    return (
        f"<section style='{_BOX}' aria-label='Citation: {escape(label)}'><h4 style='margin-top:0'>{escape(label)}</h4>"
        f"<pre style='white-space:pre-wrap'>{escape(text)}</pre><p style='color:#595959'>Checked: {escape(check)}.</p></section>"
    )


def known_unknowns_html(items: Sequence[KnownUnknown]) -> str:
    """The known unknowns as a table of their own: question, why it matters, what was searched."""
    rows = "".join(
        f"<tr><td style='text-align:left;vertical-align:top'>{escape(k.question)}</td><td style='text-align:left;vertical-align:top'>{escape(k.why_it_matters)}</td>"
        f"<td style='text-align:left;vertical-align:top'>{escape(k.searched)}</td><td style='vertical-align:top'>{escape(k.step or '')}</td></tr>"
        for k in items
    )
    return (
        f"<table style='max-width:60em' aria-label='Known unknowns'><caption style='text-align:left;font-weight:bold'>Known unknowns ({len(items)})</caption>"
        "<thead><tr><th scope='col'>Question</th><th scope='col'>Why it matters</th><th scope='col'>What was searched</th><th scope='col'>Step</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


# --------------------------------------------------------------------------- widgets
class _Explorer:
    control = None
    view = None
    widget = None

    def static_html(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs):
        from kernel_utils.views.static import with_static_html

        return with_static_html(self, self.widget._repr_mimebundle_(**kwargs))


class ChainStepper(_Explorer):
    """Step through the provenance chain: each step's facts, statuses and sources."""

    def __init__(self, chain: ProvenanceChain, sources: Mapping[str, Source]):
        import ipywidgets as widgets

        self.chain, self.sources = chain, sources
        self.control = widgets.ToggleButtons(
            options=[(f"{s.order}. {s.id.capitalize()}", s.id) for s in chain.steps], value=chain.steps[0].id,
            description="Step", style={"description_width": "initial"},
            tooltips=[s.title for s in chain.steps],
        )
        self.view = widgets.HTML(value=step_card(chain.steps[0], sources))
        self.control.observe(self._on_change, names="value")
        self.widget = widgets.VBox([self.control, self.view])

    def _on_change(self, change) -> None:
        self.view.value = step_card(self.chain.step(change["new"]), self.sources)

    def static_html(self) -> str:
        """Every step's card at once (collapsed), anchored ``step-creation`` ..., for static pages."""
        from kernel_utils.views.static import StaticItem, static_listing

        items = [StaticItem(label, step_card(self.chain.step(sid), self.sources), f"step-{sid}") for label, sid in self.control.options]
        return static_listing("ChainStepper", "Every step of the provenance chain", items)

    def select(self, step_id: str) -> HTML:
        """Choose a step as a reader would; return what the view shows."""
        self.chain.step(step_id)  # KeyError naming the steps if unknown
        self.control.value = step_id
        return HTML(self.view.value)


class EntityExplorer(_Explorer):
    """Choose a person, organisation, state, place or group: its mentions highlighted in the text and its role card."""

    def __init__(self, text: str, entities: Mapping[str, Entity], mentions: Sequence[Mention], sources: Mapping[str, Source]):
        import ipywidgets as widgets

        self.text, self.entities, self.mentions, self.sources = text, entities, mentions, sources
        order = sorted(entities.values(), key=lambda e: (e.type, e.name))
        self.control = widgets.Dropdown(
            options=[(f"{e.name} ({e.type})", e.id) for e in order], value=order[0].id,
            description="Entity", style={"description_width": "initial"},
        )
        self.view = widgets.HTML(value=self._render(order[0].id))
        self.control.observe(self._on_change, names="value")
        self.widget = widgets.VBox([self.control, self.view])

    def _render(self, entity_id: str) -> str:
        e = self.entities[entity_id]
        return entity_card(e, self.mentions, self.sources) + highlight_mentions(self.text, self.mentions, [entity_id], self.entities)

    def _on_change(self, change) -> None:
        self.view.value = self._render(change["new"])

    def static_html(self) -> str:
        """Every role card at once (collapsed), anchored ``entity-ID``, for static pages.

        The text with one entity's mentions marked is left to the live widget and the who's who
        (it would repeat the whole text once per entity); each card lists how the text names it.
        """
        from kernel_utils.views.static import StaticItem, static_listing

        items = [StaticItem(label, entity_card(self.entities[eid], self.mentions, self.sources), f"entity-{eid}")
                 for label, eid in self.control.options]
        return static_listing("EntityExplorer", "Every person, organisation, state, place and group: all role cards", items)

    def select(self, entity_id: str) -> HTML:
        """Choose an entity as a reader would; return what the view shows."""
        if entity_id not in self.entities:
            raise KeyError(f"no entity {entity_id!r}; entities: {', '.join(sorted(self.entities))}")
        self.control.value = entity_id
        return HTML(self.view.value)


class CitationChooser(_Explorer):
    """Choose a citation format: the citation, ready to copy, and the result of checking it against the format's rules."""

    def __init__(self, record: CitationRecord):
        import ipywidgets as widgets

        self.record = record
        self.control = widgets.ToggleButtons(
            options=[(label, key) for key, (label, _) in FORMATS.items()], value="chicago-note",
            description="Format", style={"description_width": "initial"},
        )
        self.view = widgets.HTML(value=citation_block(record, "chicago-note"))
        self.control.observe(self._on_change, names="value")
        self.widget = widgets.VBox([self.control, self.view])

    def _on_change(self, change) -> None:
        self.view.value = citation_block(self.record, change["new"])

    def static_html(self) -> str:
        """The citation in every format at once (collapsed), anchored ``citation-FORMAT``, for static pages."""
        from kernel_utils.views.static import StaticItem, static_listing

        items = [StaticItem(label, citation_block(self.record, key), f"citation-{key}") for label, key in self.control.options]
        return static_listing("CitationChooser", "The citation in every format", items)

    def select(self, fmt: str) -> HTML:
        """Choose a format as a reader would; return what the view shows."""
        if fmt not in FORMATS:
            raise KeyError(f"no citation format {fmt!r}; formats: {', '.join(FORMATS)}")
        self.control.value = fmt
        return HTML(self.view.value)
