"""Decoding State Department decimal file designations, e.g. ``320.2/12–2050``.

A designation printed at the head of a FRUS document is the file the original
sits in: a decimal *file number* (its first digit is the *class*; the whole
number before any qualifier is the *subject*), sometimes a *qualifier*
(``501.BB Korea``, ``396.1–GE``, ``123 Henderson, Loy W.``), and after the
slash either a *date suffix* (month, a dash, then day and two-digit year run
together: ``12–2050`` is 20 December 1950, ``1–351`` is 3 January 1951) or,
in older files, a *serial number* (``763.72/13344``, ``793.94/9947a``).

FRUS prints the dash as an en dash (``12–2050``); other transcriptions use a
hyphen; both are accepted.  Anything else is refused with a
:class:`FileDesignationError` that names what was expected and what was found.

What a class digit *meant* is taken only from ``data/decimal_file_classes.json``,
where each meaning carries its sources; the meaning of a particular subject
number is not guessed.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Any, Iterator

from kernel_utils.errors import KernelUtilsError, Problem
from kernel_utils.store.evidence import SourceRef, check_source_refs, check_status_support, source_refs
from kernel_utils.store.validation import CheckContext, load_validated, register

__all__ = ["FileDesignation", "FileDesignationError", "decode_file_designation", "explain_file_designation", "DesignationPart", "DASHES"]

#: The dashes accepted between month and day in a date suffix: en dash (as FRUS prints it) and hyphen-minus.
DASHES = ("\u2013", "-")
_OTHER_DASHES = {"\u2014": "an em dash", "\u2012": "a figure dash", "\u2011": "a non-breaking hyphen", "\u2212": "a minus sign"}

FIRST_YEAR, LAST_YEAR = 1910, 1963  # the decimal file's years (data/decimal_file_classes.json, checked by a test)


class FileDesignationError(KernelUtilsError, ValueError):
    """A text that is not a well-formed decimal file designation."""

    def __init__(self, text: str, expected: str, found: str):
        self.text, self.expected, self.found = text, expected, found
        super().__init__(f"file designation {text!r}: expected {expected}; found {found}")


@dataclass(frozen=True)
class FileDesignation:
    """The parts of one decimal file designation."""

    raw: str
    prefix: str | None          # 'File No.' in the early FRUS volumes
    main_number: str            # three digits, sometimes a capital letter: '320', '295B'
    subdivision: str | None     # after the point: '2', '00', 'AD', '1163Am3'
    qualifier: str | None       # 'Korea', 'GE', 'Control (Korea)', 'Henderson, Loy W.'
    suffix: str | None          # after the slash: '12–2050', '13344'
    suffix_kind: str | None     # 'date', 'serial' or None (no slash)
    date: _dt.date | None
    serial: str | None
    dash: str | None            # the dash printed in a date suffix

    @property
    def class_digit(self) -> int:
        """The class: the first digit of the file number."""
        return int(self.main_number[0])

    @property
    def subject(self) -> str:
        """The decimal subject number: main number and subdivision ('320.2', '795.00', '357.AD')."""
        return self.main_number + (f".{self.subdivision}" if self.subdivision else "")

    @property
    def file_number(self) -> str:
        """Everything before the slash: subject and qualifier as printed ('501.BB Korea', '396.1–GE')."""
        head = re.split(r"\s*/", self.raw, maxsplit=1)[0]
        return re.sub(r"^File No\.\s*", "", head).strip()

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    def canonical(self, dash: str = "\u2013") -> str:
        """The designation rebuilt from its parts, with ``dash`` in a date suffix and no space before the slash."""
        text = (f"{self.prefix} " if self.prefix else "") + self.file_number
        if self.suffix_kind == "date" and self.date is not None:
            month, rest = re.split("[" + "".join(DASHES) + "]", self.suffix or "", maxsplit=1)
            text += f"/{month}{dash}{rest}"
        elif self.suffix is not None:
            text += f"/{self.suffix}"
        return text


_LOT = re.compile(r"\bLot\s+\d", re.IGNORECASE)
_DESIGNATION = re.compile(
    r"^(?:(?P<prefix>File No\.)\s*)?"
    r"(?P<main>\d{3}[A-Z]?)"
    r"(?:\.(?P<sub>[0-9A-Za-z]+))?"
    r"(?:(?P<sep>\s+|[\u2013-])(?P<qual>[^/]*?[^/\s]))?"
    r"(?:\s*/\s*(?P<suffix>.*))?$"
)
_DATE_SUFFIX = re.compile(r"^(?P<month>\d{1,2})(?P<dash>.)(?P<rest>\d{3,4})$")
_SERIAL = re.compile(r"^\d+[a-z]?$")


def _decode_suffix(text: str, suffix: str) -> tuple[str, _dt.date | None, str | None, str | None]:
    if suffix == "":
        raise FileDesignationError(text, "a date suffix (e.g. 12–2050) or a serial number after the slash", "nothing after the slash")
    if _SERIAL.match(suffix):
        return "serial", None, suffix, None
    m = _DATE_SUFFIX.match(suffix)
    if not m:
        for dash, name in _OTHER_DASHES.items():
            if dash in suffix:
                raise FileDesignationError(text, "an en dash (–) or a hyphen (-) between month and day", f"{name} in {suffix!r}")
        raise FileDesignationError(text, "after the slash a date suffix, month–day and two-digit year (12–2050, 1–351), or a serial number (13344, 9947a)", repr(suffix))
    if m["dash"] not in DASHES:
        raise FileDesignationError(text, "an en dash (–) or a hyphen (-) between month and day", f"{_OTHER_DASHES.get(m['dash'], repr(m['dash']))} in {suffix!r}")
    month, day, year = int(m["month"]), int(m["rest"][:-2]), 1900 + int(m["rest"][-2:])
    if not 1 <= month <= 12:
        raise FileDesignationError(text, "a month from 1 to 12 before the dash", f"{month} in {suffix!r}")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise FileDesignationError(text, f"a year the decimal file covers ({FIRST_YEAR}–{LAST_YEAR}) in the last two digits", f"{year} in {suffix!r}")
    try:
        date = _dt.date(year, month, day)
    except ValueError:
        raise FileDesignationError(text, "a real calendar date (month–day and two-digit year)", f"day {day} of month {month}, {year} in {suffix!r}") from None
    return "date", date, None, m["dash"]


def decode_file_designation(text: str) -> FileDesignation:
    """Split a decimal file designation into its parts and read its date suffix.

    >>> d = decode_file_designation("320.2/12–2050")
    >>> d.class_digit, d.subject, d.date.isoformat()
    (3, '320.2', '1950-12-20')

    Raises :class:`FileDesignationError` for anything that is not one (a lot file
    citation, a month 13, an em dash, an empty string ...).
    """
    if not isinstance(text, str):
        raise FileDesignationError(repr(text), "a text", type(text).__name__)
    stripped = text.strip()
    if not stripped:
        raise FileDesignationError(text, "a decimal file designation such as 320.2/12–2050", "an empty text")
    if _LOT.search(stripped):
        raise FileDesignationError(text, "a decimal file designation; this is a lot file citation (an office's own files), which has no decimal number", repr(stripped))
    m = _DESIGNATION.match(stripped)
    if not m:
        raise FileDesignationError(text, "a three-digit decimal file number first (e.g. 320.2, 795.00, 357.AD), then optionally a slash and a date suffix or serial", repr(stripped))
    suffix = m["suffix"]
    kind, date, serial, dash = (None, None, None, None) if suffix is None else _decode_suffix(text, suffix.strip())
    return FileDesignation(
        raw=stripped, prefix=m["prefix"], main_number=m["main"], subdivision=m["sub"], qualifier=m["qual"],
        suffix=None if suffix is None else suffix.strip(), suffix_kind=kind, date=date, serial=serial, dash=dash,
    )


# --------------------------------------------------------------------------- meanings, from the data
@dataclass(frozen=True)
class DesignationPart:
    """One part of a designation and what it means, with the status and sources of that meaning."""

    part: str
    text: str
    meaning: str
    status: str
    sources: tuple[SourceRef, ...]
    reasoning: str | None = None


def _classes() -> dict[str, Any]:
    return load_validated("decimal_file_classes.json")


def scheme_for(designation: FileDesignation) -> str | None:
    """The classification scheme in force in the year of a dated designation (None when undated)."""
    if designation.year is None:
        return None
    for scheme in _classes()["schemes"]:
        if scheme["first_year"] <= designation.year <= scheme["last_year"]:
            return scheme["id"]
    return None


def explain_file_designation(text: str | FileDesignation) -> tuple[DesignationPart, ...]:
    """What each part of a designation means, as far as the sources read say (else 'unknown')."""
    d = text if isinstance(text, FileDesignation) else decode_file_designation(text)
    data = _classes()
    scheme = scheme_for(d)
    parts: list[DesignationPart] = []
    if scheme:
        s = next(x for x in data["schemes"] if x["id"] == scheme)
        parts.append(DesignationPart("scheme", str(d.year), f"filed under the {scheme} version of the decimal scheme", "verified", source_refs(s["sources"])))
    meaning = next((c for c in data["classes"] if c["class"] == d.class_digit and c["scheme"] == scheme), None)
    if meaning:
        parts.append(DesignationPart("class", str(d.class_digit), meaning["meaning"], meaning["status"], source_refs(meaning["sources"]), meaning.get("reasoning")))
    else:
        parts.append(DesignationPart("class", str(d.class_digit), "unknown: no source read gives this class's meaning" + (f" in the {scheme} scheme" if scheme else ""), "unknown", ()))
    parts.append(DesignationPart("subject", d.subject, "unknown: the subject list of the manual was not read", "unknown", ()))
    if d.qualifier:
        parts.append(DesignationPart("qualifier", d.qualifier, "a qualifier printed after the subject number; its meaning is not decoded", "unknown", ()))
    if d.suffix_kind == "date" and d.date:
        rule = data["date_suffix"]
        parts.append(DesignationPart("date suffix", d.suffix or "", f"{d.date.day} {d.date.strftime('%B')} {d.date.year}", rule["status"], source_refs(rule["sources"])))
    elif d.suffix_kind == "serial":
        parts.append(DesignationPart("serial", d.suffix or "", "a serial number within the file, not a date", "inferred", (), "It has no dash, so it cannot be the month–day–year suffix the sources describe."))
    return tuple(parts)


def _check_classes(data: dict[str, Any], ctx: CheckContext) -> Iterator[Problem]:
    schemes = {s["id"] for s in data["schemes"]}
    for s in data["schemes"]:
        yield from check_source_refs(s["sources"], ctx, record=f"'{s['id']}'", field="sources")
        if s["first_year"] > s["last_year"]:
            yield Problem(ctx.file, f"'{s['id']}'", "last_year", f"a year not before first_year ({s['first_year']})", str(s["last_year"]))
    seen: set[tuple[str, int]] = set()
    for i, c in enumerate(data["classes"]):
        label = f"#{i + 1}"
        if c["scheme"] not in schemes:
            yield Problem(ctx.file, label, "scheme", "one of the schemes defined in this file (" + ", ".join(sorted(schemes)) + ")", repr(c["scheme"]))
        if (c["scheme"], c["class"]) in seen:
            yield Problem(ctx.file, label, "class", "each class once per scheme", f"class {c['class']} of {c['scheme']} again")
        seen.add((c["scheme"], c["class"]))
        yield from check_status_support(c["status"], c["sources"], c.get("reasoning"), c["meaning"], ctx, record=label, field="", value_field="meaning")
        yield from check_source_refs(c["sources"], ctx, record=label, field="sources")
    yield from check_source_refs(data["date_suffix"]["sources"], ctx, record="date_suffix", field="sources")


register("decimal_file_classes.json", "decimal_file_classes.schema.json", _check_classes, description="meanings of decimal file classes")
