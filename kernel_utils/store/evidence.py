"""Checks shared by the layers whose facts carry a status and sources (provenance, entities, file classes).

The edition's rule is simple: a *verified* statement cites at least one source
with the source's own words as evidence; an *inferred* one cites its sources and
says how it is reasoned; an *unknown* one says so.  Every cited id must exist in
``data/sources.json``, and evidence quoted from a bundled document must be found, word for
word, in its text (white space aside: two stored renderings of one page may wrap lines differently).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Mapping

from kernel_utils.errors import Problem
from kernel_utils.store.validation import CheckContext, check_reference

__all__ = ["SourceRef", "source_refs", "check_source_refs", "check_status_support"]


@dataclass(frozen=True)
class SourceRef:
    """A pointer to an entry of ``data/sources.json`` with the words of the source that support a statement."""

    source: str
    evidence: str | None = None
    pinpoint: str | None = None


def source_refs(raw: Iterable[Mapping[str, Any]]) -> tuple[SourceRef, ...]:
    """Source references from their JSON form."""
    return tuple(SourceRef(r["source"], r.get("evidence"), r.get("pinpoint")) for r in raw)


def check_source_refs(refs: Any, ctx: CheckContext, *, record: str, field: str, need_evidence: bool = True) -> Iterator[Problem]:
    """Each reference names a known source, carries evidence (when asked), and evidence from a
    bundled document is an exact substring of its verbatim text."""
    if not isinstance(refs, list):
        return
    known = ctx.source_ids()
    documents = ctx.document_ids()
    for i, ref in enumerate(refs):
        if not isinstance(ref, Mapping):
            continue
        where = f"{field}.{i}"
        yield from check_reference(ref.get("source"), known, file=ctx.file, record=record, field=f"{where}.source", what="source in data/sources.json")
        evidence = ref.get("evidence")
        if need_evidence and not evidence:
            yield Problem(ctx.file, record, f"{where}.evidence", "the source's own words as evidence", "no evidence")
        if isinstance(evidence, str) and ref.get("source") in documents:
            text = ctx.document_text(ref["source"])
            if text is not None and evidence not in text and _words(evidence) not in _words(text):
                yield Problem(ctx.file, record, f"{where}.evidence", f"words found verbatim in the bundled text of {ref['source']}", repr(evidence[:80]))


def _words(text: str) -> str:
    """A text with every run of white space made one space: the stored renderings of one page differ
    in line wrapping (one paragraph a line, or lines broken at a fixed width), not in their words."""
    return " ".join(text.split())


def check_status_support(status: Any, sources: Any, reasoning: Any, value: Any, ctx: CheckContext, *, record: str, field: str, value_field: str | None = "value") -> Iterator[Problem]:
    """verified → at least one source; inferred → a source and the reasoning; unknown → the value says 'unknown'."""
    prefix = f"{field}." if field else ""
    count = len(sources) if isinstance(sources, list) else 0
    if status in ("verified", "inferred") and count == 0:
        yield Problem(ctx.file, record, f"{prefix}sources", f"at least one source for a statement whose status is {status}", "no source")
    if status == "inferred" and not reasoning:
        yield Problem(ctx.file, record, f"{prefix}reasoning", "the reasoning behind an inferred statement", "none")
    if status == "unknown" and value_field and isinstance(value, str) and not value.lower().startswith("unknown"):
        yield Problem(ctx.file, record, f"{prefix}{value_field}", "'unknown' for a statement whose status is unknown", repr(value[:80]))
