"""The provenance layer: a document's life from drafting to the web edition, every step sourced.

Three files per bundled document, each validated on load:

* ``provenance.json`` – the chain of steps (creation, transmission, filing,
  publication, reception, declassification), each a list of facts with a
  status (verified / inferred / unknown), the sources' own words, and for an
  inference its reasoning;
* ``cited_documents.json`` – documents the text cites or presupposes, each
  anchored to the words that invoke it, with every date a source gives
  (disagreements recorded, not resolved);
* ``known_unknowns.json`` – what a historian would want and the sources do
  not say.
"""

from __future__ import annotations

import re

from dataclasses import dataclass
from typing import Any, Iterator

from kernel_utils.store.documents import DEFAULT_DOCUMENT
from kernel_utils.errors import Problem
from kernel_utils.store.evidence import SourceRef, check_source_refs, check_status_support, source_refs
from kernel_utils.store.validation import CheckContext, check_iso_date, check_quote, check_reference, check_unique_ids, load_validated, record_label, register

__all__ = [
    "Fact", "Step", "ProvenanceChain", "TextPassage", "DateVariant", "CitedDocument", "KnownUnknown",
    "load_provenance", "load_cited_documents", "load_known_unknowns",
    "chain_table", "cited_documents_table", "known_unknowns_table", "STATUSES",
    "LAYER_FILES", "layer_files", "has_provenance", "volume_publication_document",
]

#: The allowed statuses, in the order the notebooks explain them.
STATUSES = ("verified", "inferred", "unknown")


@dataclass(frozen=True)
class Fact:
    """One statement about a step: ``field`` is what it is about, ``value`` what the sources say."""

    field: str
    value: str
    status: str
    sources: tuple[SourceRef, ...]
    reasoning: str | None = None
    note: str | None = None

    @property
    def label(self) -> str:
        """The field name as words ('signer_identity' → 'Signer identity')."""
        words = self.field.replace("_", " ")
        return words[:1].upper() + words[1:]


@dataclass(frozen=True)
class Step:
    """One step of the chain."""

    id: str
    order: int
    title: str
    summary: str
    sources: tuple[SourceRef, ...]
    facts: tuple[Fact, ...]

    def fact(self, field: str) -> Fact:
        """The fact about ``field``; KeyError naming the fields there are."""
        for f in self.facts:
            if f.field == field:
                return f
        raise KeyError(f"step {self.id!r} has no fact {field!r}; it has: {', '.join(f.field for f in self.facts)}")

    @property
    def status_counts(self) -> dict[str, int]:
        return {s: sum(1 for f in self.facts if f.status == s) for s in STATUSES}


@dataclass(frozen=True)
class ProvenanceChain:
    """The steps of one document's provenance, in order."""

    document: str
    steps: tuple[Step, ...]

    def step(self, step_id: str) -> Step:
        for s in self.steps:
            if s.id == step_id:
                return s
        raise KeyError(f"no step {step_id!r}; steps: {', '.join(s.id for s in self.steps)}")

    def fact(self, step_id: str, field: str) -> Fact:
        return self.step(step_id).fact(field)


@dataclass(frozen=True)
class TextPassage:
    """Words of the bundled text, ``text[start:end] == quote``."""

    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class DateVariant:
    """A date as one source gives it."""

    date: str
    source: str
    evidence: str
    note: str | None = None


@dataclass(frozen=True)
class CitedDocument:
    """A document the text cites or presupposes."""

    id: str
    title: str
    kind: str
    relation: str
    identification_status: str
    identification_reasoning: str | None
    date: str | None
    date_status: str
    date_variants: tuple[DateVariant, ...]
    discrepancy: str | None
    passages: tuple[TextPassage, ...]
    summary: str
    sources: tuple[SourceRef, ...]

    @property
    def dates_disagree(self) -> bool:
        return len({v.date for v in self.date_variants}) > 1


@dataclass(frozen=True)
class KnownUnknown:
    """A question the sources read do not answer."""

    id: str
    question: str
    why_it_matters: str
    searched: str
    step: str | None = None


# --------------------------------------------------------------------------- rules
def _folder_of(ctx: CheckContext) -> str:
    parts = ctx.file.split("/")
    return parts[-2] if len(parts) >= 2 else ""


def _check_document_field(data: dict[str, Any], ctx: CheckContext) -> Iterator[Problem]:
    folder = _folder_of(ctx)
    if data["document"] != folder:
        yield Problem(ctx.file, "", "document", f"the id of the document folder holding this file ({folder!r})", repr(data["document"]))


#: Publication facts that citations are built from, and the form each must have to be citable.
_PUBLICATION_FORMS = {
    "volume_number": (re.compile(r"^(?:[IVXLCDM]+|\d+)$"), "a volume number in roman or arabic numerals, e.g. 'VII'"),
    "year_of_publication": (re.compile(r"^\d{4}$"), "a four-digit year"),
    "editor": (re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)+$"), "a personal name, given names then family name, e.g. 'John P. Glennon'"),
}


#: A fact about what a document prints, or an absence ("none", "no dateline", "absent", "not printed").
_PRINTED_FIELD = re.compile(r"print", re.IGNORECASE)
_ABSENCE_VALUE = re.compile(r"^\s*(?:none\b|no\b|absent\b|not printed\b|nothing\b)", re.IGNORECASE)


def _witnesses(ctx: CheckContext) -> dict[str, dict[str, Any]]:
    """Source id → its ``witness`` record (what that witness is known to show) from data/sources.json."""
    data = ctx.raw_json("sources.json")
    records = data.get("sources") if isinstance(data, dict) else None
    return {s["id"]: s["witness"] for s in records or [] if isinstance(s, dict) and isinstance(s.get("witness"), dict) and isinstance(s.get("id"), str)}


def check_printed_claim(fact: dict[str, Any], ctx: CheckContext, *, record: str, field: str) -> Iterator[Problem]:
    """A verified fact about what a document prints, or that it lacks something, names its witness.

    Why: an absence seen in a web rendering (which may drop datelines) is not an absence on the
    printed page. The witness must be a source whose ``witness.shows`` lists the feature.
    """
    if fact.get("status") != "verified":
        return
    value = fact.get("value") if isinstance(fact.get("value"), str) else ""
    if not (_PRINTED_FIELD.search(str(fact.get("field", ""))) or _ABSENCE_VALUE.match(value)):
        return
    witness = fact.get("witness")
    if not isinstance(witness, dict):
        yield Problem(ctx.file, record, f"{field}.witness", "the witness this printed/absent claim was read in ({'source': id, 'feature': …}), or status 'unknown'", "no witness")
        return
    known = _witnesses(ctx).get(witness.get("source"))
    if known is None:
        yield Problem(ctx.file, record, f"{field}.witness.source", "a source whose record in data/sources.json describes it as a witness (witness.shows)", repr(witness.get("source")))
    elif witness.get("feature") not in known.get("shows", []):
        yield Problem(ctx.file, record, f"{field}.witness.feature", f"a feature witness {witness.get('source')!r} is known to show ({', '.join(known.get('shows', [])) or 'none'}); an absence in a witness that may drop it is 'unknown'", repr(witness.get("feature")))


def _check_provenance(data: dict[str, Any], ctx: CheckContext) -> Iterator[Problem]:
    yield from _check_document_field(data, ctx)
    steps = data["steps"]
    yield from check_unique_ids(steps, ctx.file, what="step")
    orders = [s["order"] for s in steps]
    if orders != list(range(1, len(steps) + 1)):
        yield Problem(ctx.file, "", "steps.order", f"the steps numbered 1 to {len(steps)} in file order", repr(orders))
    for index, step in enumerate(steps):
        label = record_label(step, index)
        yield from check_source_refs(step["sources"], ctx, record=label, field="sources")
        seen: set[str] = set()
        for j, fact in enumerate(step["facts"]):
            where = f"facts.{j}"
            if fact["field"] in seen:
                yield Problem(ctx.file, label, f"{where}.field", "each field once per step", repr(fact["field"]))
            seen.add(fact["field"])
            yield from check_status_support(fact["status"], fact["sources"], fact.get("reasoning"), fact["value"], ctx, record=label, field=where)
            yield from check_source_refs(fact["sources"], ctx, record=label, field=f"{where}.sources")
            yield from check_printed_claim(fact, ctx, record=label, field=where)
            form = _PUBLICATION_FORMS.get(fact["field"]) if step["id"] == "publication" and fact["status"] != "unknown" else None
            if form and isinstance(fact["value"], str) and not form[0].match(fact["value"]):
                yield Problem(ctx.file, label, f"{where}.value", form[1], repr(fact["value"][:80]))


def _check_cited(data: dict[str, Any], ctx: CheckContext) -> Iterator[Problem]:
    yield from _check_document_field(data, ctx)
    text = ctx.document_text(data["document"])
    records = data["cited_documents"]
    yield from check_unique_ids(records, ctx.file, what="cited document")
    for index, doc in enumerate(records):
        label = record_label(doc, index)
        yield from check_source_refs(doc["sources"], ctx, record=label, field="sources")
        if doc["identification_status"] == "inferred" and not doc.get("identification_reasoning"):
            yield Problem(ctx.file, label, "identification_reasoning", "the reasoning behind an inferred identification", "none")
        if doc["date"] is None and doc["date_status"] != "unknown":
            yield Problem(ctx.file, label, "date_status", "'unknown' when no date is given", repr(doc["date_status"]))
        if doc["date"] is not None:
            yield from check_iso_date(doc["date"], "day" if len(doc["date"]) == 10 else "month" if len(doc["date"]) == 7 else "year", file=ctx.file, record=label, field="date")
            if doc["date_status"] == "unknown":
                yield Problem(ctx.file, label, "date_status", "verified or inferred when a date is given", "'unknown'")
            if doc["date_variants"] and doc["date"] not in {v["date"] for v in doc["date_variants"]}:
                yield Problem(ctx.file, label, "date", "one of the dates the sources give (date_variants)", repr(doc["date"]))
        variant_dates = {v["date"] for v in doc["date_variants"]}
        if len(variant_dates) > 1 and not doc.get("discrepancy") and doc["date"] is None:
            yield Problem(ctx.file, label, "discrepancy", "a note on the sources' disagreeing dates", "none")
        for j, variant in enumerate(doc["date_variants"]):
            precision = {10: "day", 7: "month", 4: "year"}.get(len(variant["date"]), "day")
            yield from check_iso_date(variant["date"], precision, file=ctx.file, record=label, field=f"date_variants.{j}.date")
        # each variant is itself a source reference (source + evidence): fields date_variants.N.source/evidence
        yield from check_source_refs(doc["date_variants"], ctx, record=label, field="date_variants")
        for j, passage in enumerate(doc["passages"]):
            yield from check_quote(text, passage["start"], passage["end"], passage["quote"], file=ctx.file, record=label, field=f"passages.{j}.quote", document=data["document"])


def _check_known_unknowns(data: dict[str, Any], ctx: CheckContext) -> Iterator[Problem]:
    yield from _check_document_field(data, ctx)
    yield from check_unique_ids(data["known_unknowns"], ctx.file, what="known unknown")
    chain = ctx.raw_json(f"documents/{data['document']}/provenance.json")
    steps = {s.get("id") for s in chain.get("steps", []) if isinstance(s, dict)} if isinstance(chain, dict) else set()
    for index, item in enumerate(data["known_unknowns"]):
        if "step" in item:
            yield from check_reference(item["step"], steps, file=ctx.file, record=record_label(item, index), field="step", what="step of this document's provenance.json")


register("documents/*/provenance.json", "provenance.schema.json", _check_provenance, description="a document's provenance chain")
register("documents/*/cited_documents.json", "cited_documents.schema.json", _check_cited, description="documents a text cites or presupposes")
register("documents/*/known_unknowns.json", "known_unknowns.schema.json", _check_known_unknowns, description="what the sources do not say")


# --------------------------------------------------------------------------- which files exist
#: The files of the provenance layer in a document's folder, by what they hold.
LAYER_FILES = {
    "provenance chain": "provenance.json",
    "cited documents": "cited_documents.json",
    "known unknowns": "known_unknowns.json",
    "mentions of entities": "mentions.json",
}


def layer_files(document_id: str = DEFAULT_DOCUMENT) -> dict[str, bool]:
    """For each file of :data:`LAYER_FILES`, whether the bundled document has it yet.

    A document may be bundled (text and ``document.json``) before anyone has built its
    provenance; notebooks use this to show what exists and say plainly what does not.
    Raises :class:`KeyError` naming the bundled documents for an id that is not one of them.
    """
    from kernel_utils.store.documents import list_documents
    from kernel_utils.store.paths import data_dir

    if document_id not in list_documents():
        raise KeyError(f"no bundled document {document_id!r}; bundled: {', '.join(list_documents())}")
    folder = data_dir() / "documents" / document_id
    return {what: (folder / name).is_file() for what, name in LAYER_FILES.items()}


def has_provenance(document_id: str = DEFAULT_DOCUMENT) -> bool:
    """Whether the bundled document has a provenance chain (``provenance.json``)."""
    return layer_files(document_id)["provenance chain"]


def volume_publication_document(document_id: str = DEFAULT_DOCUMENT) -> str | None:
    """The document whose chain gives the publication facts of ``document_id``'s FRUS volume.

    The series title, volume, publisher, place, year and editor belong to the volume, not to one
    document: a document without a chain of its own borrows them from the publication step of a
    bundled document of the same volume (itself first). ``None`` when no such chain exists.
    """
    from kernel_utils.store.documents import document_record, list_documents

    volume = document_record(document_id).volume_id
    for candidate in [document_id] + [d for d in list_documents() if d != document_id]:
        if not has_provenance(candidate) or document_record(candidate).volume_id != volume:
            continue
        if any(s.id == "publication" for s in load_provenance(candidate).steps):
            return candidate
    return None


# --------------------------------------------------------------------------- loading
def load_provenance(document_id: str = DEFAULT_DOCUMENT) -> ProvenanceChain:
    """The provenance chain of a bundled document (validated on load)."""
    data = load_validated(f"documents/{document_id}/provenance.json")
    steps = tuple(
        Step(
            id=s["id"], order=s["order"], title=s["title"], summary=s["summary"], sources=source_refs(s["sources"]),
            facts=tuple(Fact(f["field"], f["value"], f["status"], source_refs(f["sources"]), f.get("reasoning"), f.get("note")) for f in s["facts"]),
        )
        for s in data["steps"]
    )
    return ProvenanceChain(data["document"], steps)


def load_cited_documents(document_id: str = DEFAULT_DOCUMENT) -> tuple[CitedDocument, ...]:
    """The documents a bundled document cites or presupposes (validated on load)."""
    data = load_validated(f"documents/{document_id}/cited_documents.json")
    return tuple(
        CitedDocument(
            id=d["id"], title=d["title"], kind=d["kind"], relation=d["relation"],
            identification_status=d["identification_status"], identification_reasoning=d.get("identification_reasoning"),
            date=d["date"], date_status=d["date_status"],
            date_variants=tuple(DateVariant(v["date"], v["source"], v["evidence"], v.get("note")) for v in d["date_variants"]),
            discrepancy=d.get("discrepancy"),
            passages=tuple(TextPassage(p["start"], p["end"], p["quote"]) for p in d["passages"]),
            summary=d["summary"], sources=source_refs(d["sources"]),
        )
        for d in data["cited_documents"]
    )


def load_known_unknowns(document_id: str = DEFAULT_DOCUMENT) -> tuple[KnownUnknown, ...]:
    """What the sources do not say about a bundled document (validated on load)."""
    data = load_validated(f"documents/{document_id}/known_unknowns.json")
    return tuple(KnownUnknown(k["id"], k["question"], k["why_it_matters"], k["searched"], k.get("step")) for k in data["known_unknowns"])


# --------------------------------------------------------------------------- tables
def chain_table(document_id: str = DEFAULT_DOCUMENT):
    """One row per fact of the chain: step, field, value, status and the ids of its sources."""
    import pandas as pd

    rows = [
        {"step": s.id, "field": f.field, "value": f.value, "status": f.status, "sources": ", ".join(dict.fromkeys(r.source for r in f.sources))}
        for s in load_provenance(document_id).steps
        for f in s.facts
    ]
    return pd.DataFrame(rows, columns=["step", "field", "value", "status", "sources"])


def cited_documents_table(document_id: str = DEFAULT_DOCUMENT):
    """One row per cited document: relation, identification, date (or 'unknown'), every date a source gives, the invoking words."""
    import pandas as pd

    rows = [
        {
            "id": d.id, "title": d.title, "relation": d.relation, "identified": d.identification_status,
            "date": d.date or "unknown", "dates in sources": " / ".join(dict.fromkeys(v.date for v in d.date_variants)) or "none",
            "passage": d.passages[0].quote,
        }
        for d in load_cited_documents(document_id)
    ]
    return pd.DataFrame(rows).set_index("id")


def known_unknowns_table(document_id: str = DEFAULT_DOCUMENT):
    """The known unknowns as a DataFrame: question, why it matters, what was searched, chain step."""
    import pandas as pd

    rows = [{"id": k.id, "question": k.question, "why it matters": k.why_it_matters, "searched": k.searched, "step": k.step or ""} for k in load_known_unknowns(document_id)]
    return pd.DataFrame(rows).set_index("id")
