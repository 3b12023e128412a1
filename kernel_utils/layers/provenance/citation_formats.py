"""Citations of a bundled document for reference managers: BibTeX, CSL-JSON and RIS, each with its check.

The record comes from :mod:`kernel_utils.layers.provenance.citations` (which also writes the Chicago
note and bibliography); this module writes the machine-readable forms and checks each against its
format's rules: :func:`validate_csl_json` (the edition's own JSON Schema for CSL-JSON items,
``data/schemas/csl-json.schema.json``, written from the item types and variables of the CSL 1.0.2
specification), :func:`check_bibtex` and :func:`check_ris`.  :data:`FORMATS` and
:func:`format_citation` name all five forms.
"""

from __future__ import annotations

import json
import re
from typing import Callable

from kernel_utils.layers.provenance.citations import (
    CitationError,
    CitationRecord,
    chicago_bibliography,
    chicago_note,
)
from kernel_utils.store.paths import data_dir

__all__ = [
    "bibtex", "csl_json", "ris", "FORMATS", "format_citation", "validate_csl_json", "check_bibtex", "check_ris",
]


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
