"""Build your own reading: a student marks argument units by pasting quotes, types them, joins them.

The student never counts characters: :func:`find_quote` finds a pasted quote in the
verbatim text (tolerating line breaks, page markers such as ``[Page 1584]`` and
straight or curly quotation marks between words) and says plainly when the quote is not
in the text, or stands there more than once and which occurrence or paragraph to name.

A :class:`StudentReading` collects units and relations and becomes an ordinary reading
file (the schema of ``data/documents/<id>/argument/reading-*.json``), checked by the very
rules the edition's own readings obey (:func:`reading_problems`), and resolved into a
:class:`~kernel_utils.layers.argument.model.Reading`, so every query (the map, "what if a
premise is withdrawn") works on it unchanged.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

from kernel_utils.errors import DataValidationError, KernelUtilsError, Problem
from kernel_utils.layers.argument.checks import check_reading, resolve_reading
from kernel_utils.layers.argument.model import Reading, Relation, Unit, load_vocabulary
from kernel_utils.store.documents import default_document, load_document
from kernel_utils.store.paths import data_dir
from kernel_utils.store.validation import CheckContext, _schema_problems, load_validated

__all__ = [
    "QuoteError", "QuoteNotFound", "AmbiguousQuote", "QuoteMatch", "find_quote", "StudentReading",
    "reading_problems", "reading_from_data", "load_reading_file",
]

STUDENT_ANNOTATOR = ("A student's own reading, made with the edition's 'build your own reading' tool: the units, their types, "
                     "the relations and every rationale are the student's interpretation of the verbatim text, not a fact from any source.")
_GAP = r"(?:\s|\[Page \d{1,5}\])+"
_EQUIVALENT = {"'": "['\u2018\u2019]", "\u2018": "['\u2018\u2019]", "\u2019": "['\u2018\u2019]",
               '"': '["\u201c\u201d]', "\u201c": '["\u201c\u201d]', "\u201d": '["\u201c\u201d]'}


class QuoteError(KernelUtilsError, ValueError):
    """A pasted quote cannot be placed in the text (see the message for what to do)."""


class QuoteNotFound(QuoteError):
    """The quote is not in the text."""


class AmbiguousQuote(QuoteError):
    """The quote stands in the text more than once; ``matches`` lists where."""

    def __init__(self, message: str, matches: Sequence["QuoteMatch"]):
        super().__init__(message)
        self.matches = tuple(matches)


@dataclass(frozen=True)
class QuoteMatch:
    """Where a quote stands: character offsets (end exclusive), the exact words there, and the paragraph."""

    start: int
    end: int
    quote: str
    paragraph: str | None


def _pattern(quote: str) -> re.Pattern[str]:
    words = quote.split()
    if not words:
        raise QuoteNotFound("the quote is empty: paste some words of the telegram")
    parts = ["".join(_EQUIVALENT.get(ch, re.escape(ch)) for ch in word) for word in words]
    return re.compile(_GAP.join(parts))


def _paragraph_of(document_id: str, start: int, end: int) -> str | None:
    for p in load_document(document_id).paragraphs:
        if p.start <= start and end <= p.end:
            return p.id
    return None


def _context(text: str, start: int, end: int, width: int = 30) -> str:
    before = " ".join(text[max(0, start - width):start].split())
    after = " ".join(text[end:end + width].split())
    return f"…{before} [{' '.join(text[start:end].split())}] {after}…"


def find_quote(quote: str, document_id: str | None = None, *, occurrence: int | None = None,
               paragraph: str | None = None) -> QuoteMatch:
    """Where ``quote`` stands in the document's verbatim text.

    Spaces, line breaks and page markers between words, and straight or curly quotation marks,
    need not match exactly.  When the quote stands there more than once, name which: ``paragraph``
    (an id like ``"p03"``) or ``occurrence`` (1 for the first); or paste a longer quote.
    Raises :class:`QuoteNotFound` or :class:`AmbiguousQuote` with a message that says so.
    """
    document_id = document_id or default_document()
    text = load_document(document_id).text
    found = [QuoteMatch(m.start(), m.end(), m.group(), _paragraph_of(document_id, m.start(), m.end()))
             for m in _pattern(quote).finditer(text)]
    shown = " ".join(quote.split())
    if not found:
        raise QuoteNotFound(f"the quote {shown[:80]!r} is not in the text of {document_id}: check the spelling, "
                            f"or paste fewer words (a quote must be one continuous stretch of the telegram)")
    if paragraph is not None:
        found = [m for m in found if m.paragraph == paragraph]
        if not found:
            raise QuoteNotFound(f"the quote {shown[:80]!r} is in the text, but not in paragraph {paragraph!r}")
    if occurrence is not None:
        if not 1 <= occurrence <= len(found):
            raise QuoteNotFound(f"the quote {shown[:80]!r} stands {len(found)} time(s) in the text: occurrence {occurrence} does not exist")
        return found[occurrence - 1]
    if len(found) > 1:
        where = "; ".join(f"occurrence {i} in {m.paragraph or 'the heading'} at {m.start}–{m.end}: {_context(text, m.start, m.end)}"
                          for i, m in enumerate(found, 1))
        in_body = next((m.paragraph for m in found if m.paragraph), None)
        by_paragraph = f"name the paragraph (paragraph='{in_body}'), " if in_body else ""
        raise AmbiguousQuote(f"the quote {shown[:80]!r} stands {len(found)} times in the text ({where}). Paste a longer quote, "
                             f"or {by_paragraph}or name the occurrence (occurrence=1 for the first).", found)
    return found[0]


def reading_problems(data: Mapping[str, Any], file: str = "<student reading>") -> list[Problem]:
    """Every broken rule of a reading file: the schema and the same checks as the edition's readings.

    The one rule that only concerns files inside ``data/`` (the file is named after the
    reading's id) is not applied: a class's files may be named as the students like.
    """
    data = dict(data)
    problems = _schema_problems(data, "argument-reading.schema.json", file)
    if problems:
        return problems
    ctx = CheckContext(data_dir())
    ctx.file = file
    return [p for p in check_reading(data, ctx) if not (p.field == "id" and p.expected.startswith("the file's own name"))]


def reading_from_data(data: Mapping[str, Any], file: str = "<student reading>") -> Reading:
    """A validated, resolved :class:`Reading` from reading-file data (``DataValidationError`` listing every problem)."""
    problems = reading_problems(data, file)
    if problems:
        raise DataValidationError(problems)
    document = data["document"]
    base = load_validated(f"documents/{document}/argument/{data['based_on']}.json") if data.get("based_on") else None
    units, rels, unit_origin, rel_origin = resolve_reading(data, base)
    return Reading(
        data,
        [Unit(u["id"], u["type"], u["paragraph"], u["start"], u["end"], u["quote"], u["label"], u["rationale"],
              bool(u.get("implicit")), u.get("reconstruction"), unit_origin[uid]) for uid, u in units.items()],
        [Relation(r["id"], r["type"], tuple(r["from"]), r["to"], r["rationale"], rel_origin[rid]) for rid, r in rels.items()],
        load_vocabulary(document),
        load_document(document).text,
    )


def load_reading_file(path: str | Path) -> Reading:
    """Load a reading file saved anywhere (a student's, a classmate's), validated by the edition's rules."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataValidationError([Problem(str(path), "", "", "a readable reading file", exc.strerror or str(exc))]) from None
    except ValueError as exc:
        raise DataValidationError([Problem(str(path), "", "", "a JSON reading file", str(exc)[:120])]) from None
    if not isinstance(data, dict):
        raise DataValidationError([Problem(str(path), "", "", "a JSON object (a reading)", type(data).__name__)])
    return reading_from_data(data, str(path))


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "student"


class StudentReading:
    """A reading under construction: add units from quotes, relations between them, then check and save."""

    def __init__(self, student: str = "student", document_id: str | None = None, *, title: str | None = None):
        document_id = document_id or default_document()
        self.student = student
        self.document = document_id
        self.id = f"reading-{_slug(student)}"
        self.title = title or f"{student}'s reading"
        self.vocabulary = load_vocabulary(document_id)
        self.units: list[dict[str, Any]] = []
        self.relations: list[dict[str, Any]] = []
        self.main_conclusion: str | None = None
        self._next_unit = 1
        self._next_relation = 1

    def __repr__(self) -> str:
        return f"<StudentReading {self.id}: {len(self.units)} units, {len(self.relations)} relations>"

    def add_unit(self, quote: str, unit_type: str, *, label: str = "", rationale: str = "",
                 occurrence: int | None = None, paragraph: str | None = None) -> str:
        """Mark the words ``quote`` as a unit of ``unit_type``; return its new id (``s01``, ``s02`` …)."""
        if unit_type not in self.vocabulary.unit_types:
            raise QuoteError(f"no unit type {unit_type!r}; choose one of: {', '.join(self.vocabulary.unit_types)}")
        match = find_quote(quote, self.document, occurrence=occurrence, paragraph=paragraph)
        if match.paragraph is None:
            raise QuoteError(f"the quote at {match.start}–{match.end} does not lie inside one paragraph of the body: "
                             "mark units within one numbered paragraph")
        uid = f"s{self._next_unit:02d}"
        self._next_unit += 1
        words = " ".join(match.quote.split())
        self.units.append({"id": uid, "type": unit_type, "paragraph": match.paragraph, "start": match.start, "end": match.end,
                           "quote": match.quote, "label": label or (words if len(words) <= 60 else words[:59] + "…"),
                           "rationale": rationale or "(no rationale given yet)"})
        if unit_type == "conclusion" and self.main_conclusion is None:
            self.main_conclusion = uid
        return uid

    def remove_unit(self, unit_id: str) -> None:
        """Take a unit away, with every relation that mentions it."""
        self.units = [u for u in self.units if u["id"] != unit_id]
        self.relations = [r for r in self.relations if unit_id not in r["from"] and r["to"] != unit_id]
        if self.main_conclusion == unit_id:
            self.main_conclusion = None

    def add_relation(self, relation_type: str, sources: str | Sequence[str], target: str, *, rationale: str = "") -> str:
        """Join ``sources`` (one unit id or several) to ``target`` by a relation of the vocabulary; return its id."""
        if relation_type not in self.vocabulary.relation_types:
            raise QuoteError(f"no relation type {relation_type!r}; choose one of: {', '.join(self.vocabulary.relation_types)}")
        sources = [sources] if isinstance(sources, str) else list(sources)
        known = {u["id"] for u in self.units}
        for uid in [*sources, target]:
            if uid not in known:
                raise QuoteError(f"no unit {uid!r} in this reading; units: {', '.join(sorted(known)) or 'none yet'}")
        rid = f"t{self._next_relation:02d}"
        self._next_relation += 1
        self.relations.append({"id": rid, "type": relation_type, "from": sources, "to": target,
                               "rationale": rationale or "(no rationale given yet)"})
        return rid

    def to_data(self) -> dict[str, Any]:
        """The reading as reading-file data (same schema as the edition's readings)."""
        return {"id": self.id, "document": self.document, "title": self.title,
                "description": f"A reading of {self.document} made by {self.student} with the 'build your own reading' tool.",
                "annotator": STUDENT_ANNOTATOR, "coverage": "partial", "main_conclusion": self.main_conclusion or "",
                "units": [dict(u) for u in self.units], "relations": [dict(r, **{"from": list(r["from"])}) for r in self.relations]}

    def problems(self) -> list[Problem]:
        """What still breaks the edition's rules (an empty list: the reading is valid)."""
        return reading_problems(self.to_data(), f"{self.id}.json")

    def reading(self) -> Reading:
        """The checked, resolved reading (``DataValidationError`` while rules are broken)."""
        return reading_from_data(self.to_data(), f"{self.id}.json")

    def save(self, path: str | Path) -> Path:
        """Write the reading file (UTF-8 JSON); it is saved even while invalid, so work is not lost."""
        path = Path(path)
        path.write_text(json.dumps(self.to_data(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return path
