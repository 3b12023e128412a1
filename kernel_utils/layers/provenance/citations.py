"""The citation record of a bundled document, and its Chicago note and bibliography.

Every value comes from the data: the document's record (``document.json``: title, date, web
address, volume, document number, pages) and the publication step of its provenance chain (series
title, volume number and subject, editor, publisher, place and year, each fact sourced).  The
Chicago forms follow *The Chicago Manual of Style* (17th ed.) on inclusive page numbers (9.61),
volume numbers in arabic numerals (14.119), and note versus bibliography punctuation (14.20–14.21).
The machine-readable forms (BibTeX, CSL-JSON, RIS) are in
:mod:`kernel_utils.layers.provenance.citation_formats`.
"""

from __future__ import annotations

import datetime as _dt
import re

from markupsafe import Markup
from dataclasses import dataclass

from kernel_utils.store.documents import default_document, document_record
from kernel_utils.errors import KernelUtilsError

__all__ = [
    "CitationRecord", "citation_record", "chicago_note", "chicago_bibliography", "abbreviate_page_range",
    "roman_to_int", "CitationError", "citation_record_for_source",
]

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


class CitationError(KernelUtilsError, ValueError):
    """A citation could not be built (missing data) or breaks its format's rules."""


@dataclass(frozen=True)
class Person:
    given: str
    family: str

    @classmethod
    def parse(cls, name: str) -> Person:
        """'James E. Webb' → given 'James E.', family 'Webb' (the last word is the family name)."""
        parts = name.split()
        if len(parts) < 2:
            raise CitationError(f"a personal name needs a given and a family name: {name!r}")
        return cls(" ".join(parts[:-1]), parts[-1])

    @property
    def inverted(self) -> str:
        return f"{self.family}, {self.given}"

    def __str__(self) -> str:
        return f"{self.given} {self.family}"


@dataclass(frozen=True)
class CitationRecord:
    """What a citation of one FRUS document needs, gathered from the data."""

    key: str
    title: str
    genre: str | None
    number: str | None
    date: _dt.date | None
    author: Person | None
    series_title: str
    volume: str
    volume_subject: str
    editors: tuple[Person, ...]
    publisher: str
    place: str
    year: str
    first_page: int | None
    last_page: int | None
    document_number: str
    url: str
    file_designation: str | None

    @property
    def volume_arabic(self) -> int:
        return roman_to_int(self.volume)

    @property
    def date_text(self) -> str | None:
        return f"{MONTHS[self.date.month - 1]} {self.date.day}, {self.date.year}" if self.date else None

    @property
    def description(self) -> str:
        """'telegram 602' (genre and number), or the genre alone."""
        parts = [p for p in ((self.genre or "").lower(), self.number) if p]
        return " ".join(parts)


def roman_to_int(numeral: str) -> int:
    """'VII' → 7 (Chicago prints volume numbers in arabic numerals)."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    if numeral.isdigit():
        return int(numeral)
    if not numeral or any(ch not in values for ch in numeral.upper()):
        raise CitationError(f"not a roman numeral: {numeral!r}")
    total = 0
    for ch, nxt in zip(numeral.upper(), numeral.upper()[1:] + " "):
        v = values[ch]
        total += -v if nxt in values and values[nxt] > v else v
    return total


def abbreviate_page_range(first: int, last: int) -> str:
    """Inclusive numbers as *The Chicago Manual of Style* 9.61 abbreviates them, joined by an en dash.

    Less than 100: all digits (3–10); 100 or a multiple of 100: all digits (100–104, 1100–1113);
    101–109 (in multiples of 100): the changed part only (101–8, 1103–4); 110–199 (in multiples of 100):
    two digits, or more as needed (321–28, 498–532, 1087–89, 1496–504, 11564–615, 1583–84).
    """
    if last < first:
        raise CitationError(f"a page range must not run backwards: {first}–{last}")
    if first == last:
        return str(first)
    if first < 100 or first % 100 == 0:
        return f"{first}–{last}"
    a, b = str(first), str(last)
    if len(a) != len(b):
        return f"{a}–{b}"
    rest = first % 100
    if rest < 10:
        keep = 1  # 101–109: only the changed part
    else:
        keep = 2
    # more digits as needed when the hundreds (or more) change
    while keep < len(b) and a[: len(a) - keep] != b[: len(b) - keep]:
        keep += 1
    tail = b[len(b) - keep:]
    if rest < 10:
        tail = tail.lstrip("0") or "0"
    return f"{a}–{tail}"


# --------------------------------------------------------------------------- building the record
def citation_record(document_id: str | None = None) -> CitationRecord:
    """Gather the citation data of a bundled document from its record and its provenance chain.

    The volume's facts (series, volume, editor, publisher, place, year) come from the publication
    step of the document's own chain, or, for a document that has none yet, from the chain of a
    bundled document of the same FRUS volume (:func:`~kernel_utils.layers.provenance.chain.volume_publication_document`).
    """
    document_id = document_id or default_document()
    from kernel_utils.store.documents import load_document
    from kernel_utils.store.entities import load_entities
    from kernel_utils.layers.provenance.chain import load_provenance

    from kernel_utils.layers.provenance.chain import volume_publication_document

    record = document_record(document_id)
    doc = load_document(document_id)
    volume_document = volume_publication_document(document_id) or document_id
    try:
        chain = load_provenance(volume_document)
        pub = chain.step("publication")
    except (KeyError, FileNotFoundError, KernelUtilsError) as exc:
        raise CitationError(f"{document_id}: no publication step in data/documents/{volume_document}/provenance.json to cite from ({exc})") from None

    def fact(name: str) -> str:
        try:
            f = pub.fact(name)
        except KeyError as exc:
            raise CitationError(f"data/documents/{volume_document}/provenance.json, step 'publication': {exc.args[0]}") from None
        if f.status == "unknown":
            raise CitationError(f"data/documents/{volume_document}/provenance.json, step 'publication', fact {name!r}: unknown, so it cannot be cited")
        return f.value

    author = None
    if doc.signature:
        named = [e for e in load_entities().values() if e.type == "person" and doc.signature in e.aliases]
        author = Person.parse(named[0].name) if len(named) == 1 else None
    pages = record.pages
    return CitationRecord(
        key=record.id, title=record.title, genre=doc.doc_type, number=doc.telegram_number,
        date=_dt.date.fromisoformat(record.date) if record.date and len(record.date) == 10 else None,
        author=author, series_title=fact("series_title"), volume=fact("volume_number"), volume_subject=fact("volume_subject"),
        editors=(Person.parse(fact("editor")),), publisher=fact("publisher"), place=fact("place_of_publication"), year=fact("year_of_publication"),
        first_page=pages[0] if pages else None, last_page=pages[-1] if pages else None,
        document_number=str(record.document_number), url=record.url, file_designation=doc.file_designation,
    )


def citation_record_for_source(source_id: str, *, volume_document: str | None = None) -> CitationRecord:
    """A citation record for another document of the same FRUS volume, from its entry in ``data/sources.json``.

    The volume's facts (series, editor, publisher, year) come from the publication step of
    ``volume_document``'s provenance chain; the document's title, number and address from the source
    entry.  Its date, pages and signer are not recorded, so they are left out rather than guessed.
    Raises :class:`CitationError` for a source that is not a document of that volume.
    """
    volume_document = volume_document or default_document()
    from kernel_utils.store.sources import load_sources

    sources = load_sources()
    if source_id not in sources:
        raise CitationError(f"no source {source_id!r} in data/sources.json")
    src = sources[source_id]
    volume = document_record(volume_document).volume_id
    m = re.fullmatch(r"https://history\.state\.gov/historicaldocuments/" + re.escape(volume) + r"/d(\d+)", src.url or "")
    if src.kind != "frus-document" or not m:
        raise CitationError(f"data/sources.json, record {source_id!r}: expected a document of {volume} (an address ending /{volume}/d<number>); found kind {src.kind!r}, address {src.url!r}")
    base = citation_record(volume_document)
    from dataclasses import replace

    return replace(base, key=source_id, title=src.title, genre=None, number=None, date=None, author=None, first_page=None, last_page=None,
                   document_number=m.group(1), url=src.url or "", file_designation=None)


# --------------------------------------------------------------------------- Chicago (segments: (text, italic))
Segments = list[tuple[str, bool]]


def _render(segments: Segments, html: bool) -> str:
    """The segments as plain text, or as HTML with italics: every segment escaped by construction
    (``Markup.format`` escapes its arguments), so no field can inject markup.  The HTML form is a
    :class:`~markupsafe.Markup` (a ``str``), so a template shows it as it is, without escaping it twice."""
    if not html:
        return "".join(text for text, _ in segments)
    return Markup("").join(Markup("<i>{}</i>").format(text) if italic else text for text, italic in segments)


def _pages(rec: CitationRecord) -> str | None:
    if rec.first_page is None:
        return None
    return abbreviate_page_range(rec.first_page, rec.last_page or rec.first_page)


def chicago_note(rec: CitationRecord, *, html: bool = False) -> str:
    """A Chicago full note: commas between elements, editor 'ed.', publication facts in parentheses.

    e.g. The Acting Secretary of State to the United States Mission at the United Nations, telegram 602,
    December 20, 1950, in *Foreign Relations of the United States, 1950*, vol. 7, *Korea*, ed. John P. Glennon
    (Washington: United States Government Printing Office, 1976), 1583–84, doc. 1077, https://….
    """
    head = ", ".join(p for p in (rec.title, rec.description, rec.date_text) if p)
    editors = " and ".join(str(e) for e in rec.editors)
    seg: Segments = [(head + ", in ", False), (rec.series_title, True), (f", vol. {rec.volume_arabic}, ", False), (rec.volume_subject, True)]
    tail = f", ed. {editors}" if editors else ""
    tail += f" ({rec.place}: {rec.publisher}, {rec.year})"
    pages = _pages(rec)
    if pages:
        tail += f", {pages}"
    tail += f", doc. {rec.document_number}, {rec.url}."
    seg.append((tail, False))
    return _render(seg, html)


def chicago_bibliography(rec: CitationRecord, *, html: bool = False) -> str:
    """A Chicago bibliography entry: periods between elements, 'edited by', page range before the imprint."""
    what = ", ".join(p for p in (rec.description[:1].upper() + rec.description[1:] if rec.description else "", rec.date_text) if p)
    head = ". ".join(p for p in (rec.title, what) if p)
    editors = " and ".join(str(e) for e in rec.editors)
    seg: Segments = [(head + ". In ", False), (rec.series_title, True), (f", vol. {rec.volume_arabic}, ", False), (rec.volume_subject, True)]
    tail = f", edited by {editors}" if editors else ""
    pages = _pages(rec)
    if pages:
        tail += f", {pages}"
    tail += f". {rec.place}: {rec.publisher}, {rec.year}. {rec.url}."
    seg.append((tail, False))
    return _render(seg, html)
