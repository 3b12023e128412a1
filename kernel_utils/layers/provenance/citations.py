"""Citations of a bundled document in five forms: Chicago note and bibliography, BibTeX, CSL-JSON, RIS.

Every value comes from the data: the document's record (``document.json``:
title, date, web address, volume, document number, pages) and the publication
step of its provenance chain (series title, volume number and subject, editor,
publisher, place and year, each fact sourced).  Each form is checked against
its format's rules: :func:`validate_csl_json` (the edition's own JSON Schema for
CSL-JSON items, ``data/schemas/csl-json.schema.json``, written from the item types
and variables of the CSL 1.0.2 specification), :func:`check_bibtex`,
:func:`check_ris`, and the Chicago forms follow *The Chicago Manual of Style*
(17th ed.) on inclusive page numbers (9.61), volume numbers in arabic
numerals (14.119), and note versus bibliography punctuation (14.20–14.21).
"""

from __future__ import annotations

import datetime as _dt
import json
import re

from markupsafe import Markup
from dataclasses import dataclass
from typing import Callable

from kernel_utils.store.documents import DEFAULT_DOCUMENT, document_record
from kernel_utils.errors import KernelUtilsError
from kernel_utils.store.paths import data_dir

__all__ = [
    "CitationRecord", "citation_record", "chicago_note", "chicago_bibliography", "bibtex", "csl_json", "ris",
    "FORMATS", "format_citation", "validate_csl_json", "check_bibtex", "check_ris", "abbreviate_page_range",
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
    def parse(cls, name: str) -> "Person":
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
def citation_record(document_id: str = DEFAULT_DOCUMENT) -> CitationRecord:
    """Gather the citation data of a bundled document from its record and its provenance chain.

    The volume's facts (series, volume, editor, publisher, place, year) come from the publication
    step of the document's own chain, or, for a document that has none yet, from the chain of a
    bundled document of the same FRUS volume (:func:`~kernel_utils.layers.provenance.chain.volume_publication_document`).
    """
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


def citation_record_for_source(source_id: str, *, volume_document: str = DEFAULT_DOCUMENT) -> CitationRecord:
    """A citation record for another document of the same FRUS volume, from its entry in ``data/sources.json``.

    The volume's facts (series, editor, publisher, year) come from the publication step of
    ``volume_document``'s provenance chain; the document's title, number and address from the source
    entry.  Its date, pages and signer are not recorded, so they are left out rather than guessed.
    Raises :class:`CitationError` for a source that is not a document of that volume.
    """
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


# --------------------------------------------------------------------------- BibTeX
_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_TYPOGRAPHY = {"\u2013": "--", "\u2014": "---", "\u2019": "'", "\u2018": "`", "\u201c": "``", "\u201d": "''"}


def bibtex_escape(text: str) -> str:
    """Escape BibTeX/LaTeX special characters and spell typographic dashes and quotes the TeX way."""
    out = "".join(_BIBTEX_SPECIAL.get(ch, ch) for ch in text)
    for uni, tex in _TYPOGRAPHY.items():
        out = out.replace(uni, tex)
    return out


def bibtex(rec: CitationRecord) -> str:
    """An ``@incollection`` entry (a document in an edited volume), or, when the document's author is not
    recorded, an ``@inbook`` entry (the volume, with the document as its chapter) so that no required
    field is missing or invented.  Capitals in titles are protected with braces."""
    booktitle = "{" + bibtex_escape(f"{rec.series_title}, Volume {rec.volume}, {rec.volume_subject}") + "}"
    fields: list[tuple[str, str]] = []
    if rec.author:
        etype = "incollection"
        fields.append(("author", bibtex_escape(rec.author.inverted)))
        fields.append(("title", "{" + bibtex_escape(rec.title) + "}"))
        fields.append(("booktitle", booktitle))
    else:
        etype = "inbook"
        fields.append(("title", booktitle))
        fields.append(("chapter", "{" + bibtex_escape(rec.title) + "}"))
    fields.append(("editor", " and ".join(bibtex_escape(e.inverted) for e in rec.editors)))
    fields.append(("volume", bibtex_escape(rec.volume)))
    fields.append(("publisher", "{" + bibtex_escape(rec.publisher) + "}"))
    fields.append(("address", bibtex_escape(rec.place)))
    fields.append(("year", rec.year))
    if rec.first_page is not None:
        fields.append(("pages", f"{rec.first_page}--{rec.last_page}"))
    note = ", ".join(p for p in (rec.description[:1].upper() + rec.description[1:] if rec.description else "", rec.date_text, f"file {rec.file_designation}" if rec.file_designation else "", f"document {rec.document_number}") if p)
    fields.append(("note", bibtex_escape(note[:1].upper() + note[1:])))
    fields.append(("url", rec.url))
    width = max(len(name) for name, _ in fields)
    body = ",\n".join(f"  {name.ljust(width)} = {{{value}}}" for name, value in fields)
    return f"@{etype}{{{rec.key},\n{body}\n}}\n"


_BIBTEX_TYPES = {
    "article": {"author", "title", "journal", "year"},
    "book": {"title", "publisher", "year"},
    "booklet": {"title"},
    "inbook": {"title", "publisher", "year"},
    "incollection": {"author", "title", "booktitle", "publisher", "year"},
    "inproceedings": {"author", "title", "booktitle", "year"},
    "manual": {"title"},
    "mastersthesis": {"author", "title", "school", "year"},
    "misc": set(),
    "phdthesis": {"author", "title", "school", "year"},
    "proceedings": {"title", "year"},
    "techreport": {"author", "title", "institution", "year"},
    "unpublished": {"author", "title", "note"},
}


def check_bibtex(text: str) -> list[str]:
    """Problems with one BibTeX entry (empty list when it keeps the rules).

    Checks: a known entry type; a key of letters, digits and ``-_:.``; ``name = {value}`` fields,
    each name once; balanced braces; the type's required fields; no unescaped ``& % $ # _`` outside
    the url field; ``year`` of four digits; ``pages`` written with ``--``.
    """
    problems: list[str] = []
    m = re.match(r"^@(\w+)\{([^,\s]+),\n(.*)\n\}\n?$", text, re.S)
    if not m:
        return ["expected '@type{key,' on the first line, one field per line, and '}' on the last line"]
    etype, key, body = m.group(1).lower(), m.group(2), m.group(3)
    if etype not in _BIBTEX_TYPES:
        problems.append(f"unknown entry type @{etype}")
    if not re.fullmatch(r"[A-Za-z0-9_:.\-]+", key):
        problems.append(f"citation key {key!r} has characters BibTeX keys should not have")
    names: list[str] = []
    for line in body.split(",\n"):
        fm = re.fullmatch(r"\s*([a-z]+)\s*=\s*\{(.*)\}\s*", line, re.S)
        if not fm:
            problems.append(f"field line not of the form 'name = {{value}}': {line.strip()!r}")
            continue
        name, value = fm.groups()
        if name in names:
            problems.append(f"field {name!r} twice")
        names.append(name)
        depth = 0
        for i, ch in enumerate(value):
            if ch == "{" and (i == 0 or value[i - 1] != "\\"):
                depth += 1
            elif ch == "}" and (i == 0 or value[i - 1] != "\\"):
                depth -= 1
            if depth < 0:
                break
        if depth != 0:
            problems.append(f"unbalanced braces in field {name!r}")
        if name != "url":
            for special in "&%$#_":
                if re.search(r"(?<!\\)" + re.escape(special), value):
                    problems.append(f"unescaped {special!r} in field {name!r}")
        if name == "year" and not re.fullmatch(r"\d{4}", value):
            problems.append(f"year {value!r} is not four digits")
        if name == "pages" and re.search(r"\d[-\u2013]\d", value) and "--" not in value:
            problems.append(f"pages {value!r}: a range is written with '--'")
    missing = _BIBTEX_TYPES.get(etype, set()) - set(names)
    if etype == "inbook" and not ({"author", "editor"} & set(names)):
        missing.add("author or editor")
    if etype == "inbook" and not ({"chapter", "pages"} & set(names)):
        missing.add("chapter or pages")
    for name in sorted(missing):
        problems.append(f"@{etype} requires field {name!r}")
    return problems


# --------------------------------------------------------------------------- CSL-JSON
def csl_json(rec: CitationRecord) -> list[dict]:
    """A one-item CSL-JSON list (type 'chapter': a document in an edited volume)."""
    item: dict = {
        "id": rec.key,
        "type": "chapter",
        "title": rec.title,
        "container-title": f"{rec.series_title}, Volume {rec.volume}, {rec.volume_subject}",
        "volume": rec.volume,
        "editor": [{"family": e.family, "given": e.given} for e in rec.editors],
        "publisher": rec.publisher,
        "publisher-place": rec.place,
        "issued": {"date-parts": [[int(rec.year)]]},
        "number": rec.document_number,
        "URL": rec.url,
    }
    if rec.author:
        item["author"] = [{"family": rec.author.family, "given": rec.author.given}]
    if rec.genre:
        item["genre"] = rec.genre
    if rec.date:
        item["original-date"] = {"date-parts": [[rec.date.year, rec.date.month, rec.date.day]]}
    if rec.first_page is not None:
        item["page"] = f"{rec.first_page}-{rec.last_page}"
    note = "; ".join(p for p in (rec.description, f"file {rec.file_designation}" if rec.file_designation else "") if p)
    if note:
        item["note"] = note
    return [item]


#: The edition's JSON Schema for CSL-JSON (written from the CSL 1.0.2 specification; see its description).
CSL_SCHEMA = "csl-json.schema.json"


def _csl_schema() -> dict:
    return json.loads((data_dir() / "schemas" / CSL_SCHEMA).read_text(encoding="utf-8"))


def validate_csl_json(items: object) -> list[str]:
    """Problems found by validating ``items`` (a CSL-JSON list) against ``data/schemas/csl-json.schema.json``.

    Empty when valid; otherwise one line per problem, ``path: message`` (e.g. ``0/author/0: ...``).
    The schema keeps to the CSL 1.0.2 item types and variables and refuses any other key.
    """
    from kernel_utils.store.validation import _jsonschema

    validator = _jsonschema().Draft202012Validator(_csl_schema())
    out = []
    for error in sorted(validator.iter_errors(items), key=lambda e: [str(p) for p in e.absolute_path]):
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        out.append(f"{where}: {error.message}")
    return out


# --------------------------------------------------------------------------- RIS
RIS_TAGS = {
    "TY", "ER", "A1", "A2", "A3", "A4", "AB", "AD", "AN", "AU", "AV", "BT", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "CA", "CN",
    "CP", "CT", "CY", "DA", "DB", "DO", "DP", "ED", "EP", "ET", "ID", "IS", "J1", "J2", "JA", "JF", "JO", "KW", "L1", "L2", "L3", "L4",
    "LA", "LB", "LK", "M1", "M2", "M3", "N1", "N2", "NV", "OP", "PB", "PP", "PY", "RI", "RN", "RP", "SE", "SN", "SP", "ST", "T1", "T2",
    "T3", "TA", "TI", "TT", "U1", "U2", "U3", "U4", "U5", "UR", "VL", "VO", "Y1", "Y2",
}
RIS_TYPES = {
    "ABST", "ADVS", "AGGR", "ANCIENT", "ART", "BILL", "BLOG", "BOOK", "CASE", "CHAP", "CHART", "CLSWK", "COMP", "CONF", "CPAPER", "CTLG",
    "DATA", "DBASE", "DICT", "EBOOK", "ECHAP", "EDBOOK", "EJOUR", "ELEC", "ENCYC", "EQUA", "FIGURE", "GEN", "GOVDOC", "GRANT", "HEAR",
    "ICOMM", "INPR", "JFULL", "JOUR", "LEGAL", "MANSCPT", "MAP", "MGZN", "MPCT", "MULTI", "MUSIC", "NEWS", "PAMP", "PAT", "PCOMM", "RPRT",
    "SER", "SLIDE", "SOUND", "STAND", "STAT", "THES", "UNBILL", "UNPB", "VIDEO",
}


def ris(rec: CitationRecord) -> str:
    """A RIS record (type CHAP: a section of an edited book); lines 'XX  - value', first TY, last ER."""
    lines = [("TY", "CHAP")]
    if rec.author:
        lines.append(("AU", rec.author.inverted))
    lines.append(("TI", rec.title))
    lines.append(("T2", f"{rec.series_title}, Volume {rec.volume}, {rec.volume_subject}"))
    lines += [("A2", e.inverted) for e in rec.editors]
    lines.append(("VL", rec.volume))
    if rec.first_page is not None:
        lines += [("SP", str(rec.first_page)), ("EP", str(rec.last_page))]
    lines += [("PY", rec.year), ("PB", rec.publisher), ("CY", rec.place)]
    if rec.date:
        lines.append(("DA", f"{rec.date.year:04d}/{rec.date.month:02d}/{rec.date.day:02d}/"))
    lines.append(("M1", rec.document_number))
    note = "; ".join(p for p in (rec.description, rec.date_text, f"file {rec.file_designation}" if rec.file_designation else "", f"document {rec.document_number}") if p)
    lines.append(("N1", note))
    lines.append(("UR", rec.url))
    lines.append(("ER", ""))
    return "\n".join(f"{tag}  - {value}".rstrip() if tag == "ER" else f"{tag}  - {value}" for tag, value in lines) + "\n"


def check_ris(text: str) -> list[str]:
    """Problems with one RIS record (empty when it keeps the rules): every line 'XX  - value' with a
    known two-character tag; TY first with a known type; ER last and empty; PY a four-digit year;
    DA 'YYYY/MM/DD/'; SP/EP digits; no empty values other than ER."""
    problems = []
    lines = text.replace("\r\n", "\n").rstrip("\n").split("\n")
    for i, line in enumerate(lines, start=1):
        m = re.fullmatch(r"([A-Z][A-Z0-9])  - ?(.*)", line)
        if not m:
            problems.append(f"line {i}: not of the form 'XX  - value': {line!r}")
            continue
        tag, value = m.groups()
        if tag not in RIS_TAGS:
            problems.append(f"line {i}: unknown tag {tag}")
        if tag != "ER" and not value.strip():
            problems.append(f"line {i}: empty value for {tag}")
        if tag == "PY" and not re.fullmatch(r"\d{4}(/(\d{2})?/(\d{2})?/.*)?", value):
            problems.append(f"line {i}: PY {value!r} is not a four-digit year")
        if tag == "DA" and not re.fullmatch(r"\d{4}/(\d{2})?/(\d{2})?/.*", value):
            problems.append(f"line {i}: DA {value!r} is not YYYY/MM/DD/")
        if tag in ("SP", "EP") and not value.isdigit():
            problems.append(f"line {i}: {tag} {value!r} is not a page number")
    if not lines or not lines[0].startswith("TY  - "):
        problems.append("the first line must be the TY tag")
    elif lines[0][6:] not in RIS_TYPES:
        problems.append(f"unknown reference type {lines[0][6:]!r}")
    if not lines or lines[-1].rstrip() != "ER  -":
        problems.append("the last line must be 'ER  -' with no value")
    if sum(1 for line in lines if line.startswith("TY  - ")) != 1:
        problems.append("exactly one TY line per record")
    return problems


# --------------------------------------------------------------------------- dispatch
FORMATS: dict[str, tuple[str, Callable[[CitationRecord], str]]] = {
    "chicago-note": ("Chicago note", chicago_note),
    "chicago-bibliography": ("Chicago bibliography", chicago_bibliography),
    "bibtex": ("BibTeX", bibtex),
    "csl-json": ("CSL-JSON", lambda rec: json.dumps(csl_json(rec), ensure_ascii=False, indent=2) + "\n"),
    "ris": ("RIS", ris),
}


def format_citation(rec: CitationRecord, fmt: str) -> str:
    """The citation in one of :data:`FORMATS` ('chicago-note', 'chicago-bibliography', 'bibtex', 'csl-json', 'ris'), as plain text."""
    if fmt not in FORMATS:
        raise CitationError(f"unknown citation format {fmt!r}; formats: {', '.join(FORMATS)}")
    return FORMATS[fmt][1](rec)
