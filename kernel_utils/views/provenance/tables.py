"""HTML views and widgets of the provenance layer: the chain, entities in the text, citations.

As in :mod:`kernel_utils.views.document.text`, every piece of data goes through an
autoescaping template (``templates/provenance.html``); statuses are shown as words as well as colours
(Okabe–Ito palette), so nothing depends on colour alone.  Each widget has a
labelled, keyboard-usable control, an ``HTML`` view, and a ``select`` method
that sets the control from code and returns the view as static HTML.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

from IPython.display import HTML

from kernel_utils.layers.provenance.citation_formats import (
    FORMATS,
    check_bibtex,
    check_ris,
    csl_json,
    format_citation,
    validate_csl_json,
)
from kernel_utils.layers.provenance.citations import CitationError, CitationRecord, chicago_bibliography, chicago_note, citation_record
from kernel_utils.store.entities import Entity, Mention
from kernel_utils.store.evidence import SourceRef
from kernel_utils.layers.provenance.chain import LAYER_FILES, CitedDocument, KnownUnknown, ProvenanceChain, Step, layer_files
from kernel_utils.store.sources import Source
from kernel_utils.views.html import Markup, macro
from kernel_utils.views.palette import OKABE_ITO

__all__ = [
    "status_badge", "sources_list", "step_card", "chain_overview", "highlight_mentions", "entity_card",
    "citation_block", "known_unknowns_html", "ChainStepper", "EntityExplorer", "CitationChooser",
    "document_record_html", "missing_layer_html", "citation_chooser", "CitationUnavailable", "layer_status_html", "step_or_absence", "date_disagreements_html",
]

_BOX = "border:1px solid #767676;border-radius:4px;padding:0.6em 0.9em;margin:0.4em 0;max-width:52em;"
#: Okabe–Ito colours for the statuses (the word is always shown too).
STATUS_COLOURS = {"verified": OKABE_ITO["bluish_green"], "inferred": OKABE_ITO["orange"], "unknown": OKABE_ITO["black"]}
#: Highlight colours for chosen entities (Okabe–Ito, light enough for black text).
MARK_COLOURS = (OKABE_ITO["yellow"], OKABE_ITO["sky_blue"], OKABE_ITO["orange"], OKABE_ITO["reddish_purple"], OKABE_ITO["bluish_green"])


_TEMPLATE = "provenance.html"


def status_badge(status: str) -> str:
    """The status as a word in a coloured frame."""
    return str(macro(_TEMPLATE, "status_badge")(status, STATUS_COLOURS.get(status, "#767676")))


def sources_list(refs: Iterable[SourceRef], sources: Mapping[str, Source]) -> str:
    """Each reference: the source's title (linked when it has an address), its id, and the evidence quoted."""
    items = []
    for ref in refs:
        src = sources.get(ref.source)
        items.append({"title": src.title if src else ref.source, "url": src.url if src else None,
                      "source": ref.source, "evidence": ref.evidence})
    return str(macro(_TEMPLATE, "sources_list")(items))


def step_card(step: Step, sources: Mapping[str, Source]) -> str:
    """One step of the chain: summary, then every fact with its status, sources and reasoning."""
    facts = [{"label": f.label, "value": f.value, "badge": Markup(status_badge(f.status)), "count": len(f.sources),
              "sources": Markup(sources_list(f.sources, sources)), "reasoning": f.reasoning, "note": f.note}
             for f in step.facts]
    counts = ", ".join(f"{n} {s}" for s, n in step.status_counts.items())
    return str(macro(_TEMPLATE, "step_card")(step, facts, counts))


def document_record_html(document_id: str, sources: Mapping[str, Source]) -> str:
    """What a bundled document's own record (``document.json``) says of it: where the text comes from,
    how its date and pages are known, its sources with their words, and its file designation decoded."""
    from kernel_utils.store.documents import document_record, load_document
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
    decoded, error = _decoded_designation(doc.file_designation)
    return str(macro(_TEMPLATE, "document_record")(document_id, record.short_title or record.title, rows, decoded, error,
                                                   Markup(sources_list(refs, sources))))


def _decoded_designation(designation: str | None) -> tuple[list[dict[str, object]], str | None]:
    """The parts of a file designation with meaning, status badge and sources, or the decoding error."""
    from kernel_utils.layers.provenance.file_designation import FileDesignationError, explain_file_designation

    if not designation:
        return [], None
    try:
        parts = explain_file_designation(designation)
    except FileDesignationError as error:
        return [], str(error)
    return [{"text": p.text, "part": p.part, "meaning": p.meaning, "badge": Markup(status_badge(p.status)),
             "sources": ", ".join(dict.fromkeys(r.source for r in p.sources))} for p in parts], None


def missing_layer_html(document_id: str, what: str) -> str:
    """A plain statement that the provenance layer has no ``what`` (a key of LAYER_FILES) for this document yet."""
    return str(macro(_TEMPLATE, "missing_layer")(document_id, what, LAYER_FILES[what]))


def layer_status_html(document_id: str) -> str:
    """Which files of the provenance layer the document has, as a list (present / not built yet)."""
    files = [(what, LAYER_FILES[what], present) for what, present in layer_files(document_id).items()]
    return str(macro(_TEMPLATE, "layer_status")(document_id, files))


def step_or_absence(chain: ProvenanceChain | None, step_id: str, sources: Mapping[str, Source], document_id: str) -> str:
    """The step's card when the document has a chain with that step; otherwise a plain statement that it has none."""
    if chain is None:
        return missing_layer_html(document_id, "provenance chain")
    if step_id not in {s.id for s in chain.steps}:
        return str(macro(_TEMPLATE, "no_step")(document_id, step_id))
    return step_card(chain.step(step_id), sources)


def date_disagreements_html(cited: Sequence[CitedDocument]) -> str:
    """Each cited document whose sources give different dates: every date with its source and words, then the note on the discrepancy."""
    return str(macro(_TEMPLATE, "date_disagreements")([d for d in cited if d.dates_disagree]))


def chain_overview(chain: ProvenanceChain) -> str:
    """The steps in order with their counts of verified, inferred and unknown facts."""
    steps = [(s.title, ", ".join(f"{n} {k}" for k, n in s.status_counts.items())) for s in chain.steps]
    return str(macro(_TEMPLATE, "chain_overview")(steps))


def highlight_mentions(text: str, mentions: Sequence[Mention], entity_ids: Iterable[str], entities: Mapping[str, Entity]) -> str:
    """The verbatim text with the mentions of the chosen entities marked (nested and overlapping mentions too).

    Each highlighted stretch is a ``<mark>`` whose title names the entity; the text is shown with its
    line breaks (``white-space: pre-wrap``); every character of the text and every name is escaped.
    """
    chosen = list(dict.fromkeys(entity_ids))
    colour = {e: MARK_COLOURS[i % len(MARK_COLOURS)] for i, e in enumerate(chosen)}
    marks = [m for m in mentions if m.entity in colour]
    cuts = sorted({0, len(text), *[m.start for m in marks], *[m.end for m in marks]})
    pieces: list[tuple[str, str | None, str]] = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [m for m in marks if m.start <= a and b <= m.end]
        if covering:
            names = "; ".join(dict.fromkeys(entities[m.entity].name if m.entity in entities else m.entity for m in covering))
            pieces.append((text[a:b], colour[covering[-1].entity], names))
        else:
            pieces.append((text[a:b], None, ""))
    legend = [(colour[e], entities[e].name if e in entities else e) for e in chosen]
    return str(macro(_TEMPLATE, "highlighted")(pieces, legend, len(marks)))


def entity_card(entity: Entity, mentions: Sequence[Mention], sources: Mapping[str, Source]) -> str:
    """Who or what the entity is, its role in December 1950 with status and sources, and how the text names it."""
    own = [m for m in mentions if m.entity == entity.id]
    named = ", ".join(f"“{q}” ×{sum(1 for m in own if m.quote == q)}" for q in dict.fromkeys(m.quote for m in own))
    mention_line = f"Named in the text {len(own)} time(s): {named}." if own else "Not named in the text: implied." if entity.implied else "Not named in the text."
    return str(macro(_TEMPLATE, "entity_card")(entity, Markup(status_badge(entity.role_status)), mention_line,
                                               Markup(sources_list(entity.role_sources, sources))))


def _citation_check(rec: CitationRecord, fmt: str, text: str) -> str:
    """What checking a citation against its format's rules found (a sentence)."""
    if fmt == "csl-json":
        problems = validate_csl_json(csl_json(rec))
        ok = "valid against the edition's CSL-JSON schema (data/schemas/csl-json.schema.json, written from the CSL 1.0.2 item types and variables)"
    elif fmt == "bibtex":
        problems = check_bibtex(text)
        ok = "keeps the BibTeX entry rules checked by kernel_utils.layers.provenance.citation_formats.check_bibtex"
    else:
        problems = check_ris(text)
        ok = "keeps the RIS tag rules checked by kernel_utils.layers.provenance.citation_formats.check_ris"
    return "; ".join(problems) if problems else ok


def citation_block(rec: CitationRecord, fmt: str) -> str:
    """A citation ready to copy (plain text in a ``<pre>``), the format's check result beneath it.

    Chicago forms also show the citation as it prints, with italics: that HTML comes from
    :func:`chicago_note`/:func:`chicago_bibliography` as ``Markup`` built with ``Markup.format``,
    so every field in it is escaped by construction."""
    label = FORMATS[fmt][0]
    text = format_citation(rec, fmt)
    if fmt in ("chicago-note", "chicago-bibliography"):
        styled = chicago_note(rec, html=True) if fmt == "chicago-note" else chicago_bibliography(rec, html=True)
        return str(macro(_TEMPLATE, "citation_block")(label, text, "", Markup(styled)))
    return str(macro(_TEMPLATE, "citation_block")(label, text, _citation_check(rec, fmt, text), None))


def known_unknowns_html(items: Sequence[KnownUnknown]) -> str:
    """The known unknowns as a table of their own: question, why it matters, what was searched."""
    return str(macro(_TEMPLATE, "known_unknowns")(list(items)))


# --------------------------------------------------------------------------- widgets
def listed_box(owner, children):
    """A VBox that carries its explorer's static listing (see kernel_utils.views.static)."""
    from kernel_utils.views.static import listed_box as box

    return box(owner, children)


class _Explorer:
    control: Any = None  # ipywidgets objects, set by each explorer's __init__
    view: Any = None
    widget: Any = None

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
        self.widget = listed_box(self, [self.control, self.view])

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
        self.widget = listed_box(self, [self.control, self.view])

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
        self.widget = listed_box(self, [self.control, self.view])

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


class CitationUnavailable:
    """Stands in for a :class:`CitationChooser` where a document's volume has no publication facts in the
    data: every view says so plainly (why, and which file would hold them), nothing is guessed."""

    def __init__(self, document_id: str, reason: str):
        self.document_id, self.reason = document_id, reason

    def _note(self) -> str:
        return str(macro(_TEMPLATE, "no_citation")(self.document_id, self.reason))

    def _repr_html_(self) -> str:
        return self._note()

    def select(self, fmt: str) -> HTML:
        """The same plain statement for every format (a known format is still required)."""
        if fmt not in FORMATS:
            raise KeyError(f"no citation format {fmt!r}; formats: {', '.join(FORMATS)}")
        return HTML(self._note())


def citation_chooser(document_id: str) -> CitationChooser | CitationUnavailable:
    """The citation chooser of a bundled document, or a plain statement that it cannot be cited yet
    (its volume's publication facts are not in the data)."""
    try:
        record = citation_record(document_id)
    except CitationError as error:
        return CitationUnavailable(document_id, str(error))
    return CitationChooser(record)

