"""Text reuse across the dossier: where one document repeats or paraphrases another.

The alignment is RapidFuzz's (a maintained, tested library), not hand-written: each text is cut
into clauses (at sentence ends, semicolons, colons and commas, keeping character offsets), every
clause of one text is scored against every clause of the other with
:func:`rapidfuzz.fuzz.token_sort_ratio` (word order ignored, so a paraphrase that reorders words
still scores) in one :func:`rapidfuzz.process.cdist` call, and each clause keeps its best partner
above the threshold.  A score says how alike the words are, not that one text copied the other:
that is for the reader (and for the exchange links) to judge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["DEFAULT_THRESHOLD", "Clause", "ReusedPassage", "body_span", "clauses", "document_reuse", "reuse_with_others", "text_reuse"]

#: The score (0–100) from which two clauses are shown as a repeat or paraphrase.
DEFAULT_THRESHOLD = 55.0
#: Clauses shorter than this many words are merged into the next (a short clause matches anything).
MIN_WORDS = 5
_CUT = re.compile(r"(?<=[.;:,])\s+|\n+")
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*|\d+")
_STOP = frozenset(["a", "an", "and", "the", "of", "to", "in", "on", "for", "by", "with", "as", "at", "is", "are", "was", "were", "be", "been", "that", "this", "it", "its", "we", "our", "us", "they", "their", "which", "not", "have", "has", "had", "would", "could", "should", "any", "there", "from", "or", "but", "if", "so", "all"])


@dataclass(frozen=True)
class Clause:
    """A stretch of a text between cuts, with its offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ReusedPassage:
    """Two aligned passages: ``a_*`` in the first document, ``b_*`` in the second; quotes are the texts
    at the offsets.  ``score`` is RapidFuzz's token-sort ratio (0–100); ``shared`` the content words both use."""

    a_document: str
    a_start: int
    a_end: int
    a_quote: str
    b_document: str
    b_start: int
    b_end: int
    b_quote: str
    score: float
    shared: tuple[str, ...]


def clauses(text: str, start: int = 0, end: int | None = None) -> list[Clause]:
    """``text[start:end]`` cut into clauses of at least :data:`MIN_WORDS` words, offsets kept."""
    end = len(text) if end is None else end
    out: list[Clause] = []
    pending = start
    for cut in list(_CUT.finditer(text, start, end)) + [None]:
        stop = cut.start() if cut else end
        piece_end = stop
        if len(_WORD.findall(text[pending:piece_end])) >= MIN_WORDS or cut is None:
            piece = text[pending:piece_end]
            lead = len(piece) - len(piece.lstrip())
            trimmed = piece.strip()
            if trimmed:
                out.append(Clause(pending + lead, pending + lead + len(trimmed), trimmed))
            pending = cut.end() if cut else end
    return out


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 2}


def text_reuse(a_text: str, b_text: str, *, a_document: str = "a", b_document: str = "b", threshold: float = DEFAULT_THRESHOLD,
               a_span: tuple[int, int] | None = None, b_span: tuple[int, int] | None = None) -> list[ReusedPassage]:
    """Passages of ``a_text`` that repeat or paraphrase passages of ``b_text``, best match per clause of A,
    in the order of A.  ``a_span``/``b_span`` limit the comparison to the bodies (offsets stay the texts')."""
    from rapidfuzz import fuzz, process, utils

    a_clauses = clauses(a_text, *(a_span or (0, len(a_text))))
    b_clauses = clauses(b_text, *(b_span or (0, len(b_text))))
    if not a_clauses or not b_clauses:
        return []
    scores = process.cdist([c.text for c in a_clauses], [c.text for c in b_clauses], scorer=fuzz.token_sort_ratio,
                           processor=utils.default_process, score_cutoff=threshold)
    out = []
    for i, row in enumerate(scores):
        j = int(row.argmax())
        score = float(row[j])
        if score < threshold:
            continue
        a, b = a_clauses[i], b_clauses[j]
        shared = tuple(sorted(_content_words(a.text) & _content_words(b.text)))
        if len(shared) < 2:
            continue  # alike in letters, not in words
        out.append(ReusedPassage(a_document, a.start, a.end, a.text, b_document, b.start, b.end, b.text, round(score, 1), shared))
    return out


def body_span(doc) -> tuple[int, int]:
    """Where a parsed document's body runs (first paragraph to the end of the last): headings,
    signature and footnotes are left out of the comparison."""
    if not doc.paragraphs:
        return 0, len(doc.text)
    return doc.paragraphs[0].start, doc.paragraphs[-1].end


def document_reuse(a_document: str, b_document: str, *, threshold: float = DEFAULT_THRESHOLD) -> list[ReusedPassage]:
    """:func:`text_reuse` between the bodies of two bundled documents."""
    from kernel_utils.store.documents import load_document

    a, b = load_document(a_document), load_document(b_document)
    return text_reuse(a.text, b.text, a_document=a_document, b_document=b_document, threshold=threshold,
                      a_span=body_span(a), b_span=body_span(b))


#: The stricter threshold of the overview across the whole dossier (fewer chance likenesses).
OVERVIEW_THRESHOLD = 60.0


def reuse_with_others(document_id: str, *, threshold: float = OVERVIEW_THRESHOLD) -> dict[str, list[ReusedPassage]]:
    """For each other bundled document, the passages of ``document_id`` that repeat or paraphrase it
    (only documents with at least one aligned passage, most passages first)."""
    from kernel_utils.store.documents import list_documents

    found = {other: document_reuse(document_id, other, threshold=threshold) for other in list_documents() if other != document_id}
    return dict(sorted(((k, v) for k, v in found.items() if v), key=lambda kv: (-len(kv[1]), kv[0])))
