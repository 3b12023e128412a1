"""Bundled FRUS documents: the verbatim text, its integrity record, and the parsed structure.

``data/documents/<id>/text.txt`` is the verbatim text, never edited;
``document.json`` beside it records its size and SHA-256 and where it comes
from.  :func:`load_document` refuses a text that differs from that record
(truncated, altered, re-encoded) and names the file and what differs.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from dataclasses import dataclass
from typing import Any, Iterator

from kernel_utils.errors import DataValidationError, FrusParseError, Problem, TextIntegrityError
from kernel_utils.text.parser import FrusDocument, parse_frus_text
from kernel_utils.store.paths import data_dir, display_path
from kernel_utils.store.validation import CheckContext, check_reference, load_validated, register
from kernel_utils.store.witness import Witness, witness_from_record, witness_problems

__all__ = ["DEFAULT_DOCUMENT", "BundledDocument", "DocumentRecord", "document_record", "load_document", "load_dossier",
           "load_telegram", "list_documents", "text_integrity_problems"]

#: The edition's own document: telegram 602 of 20 December 1950.
DEFAULT_DOCUMENT = "frus1950v07-d1077"


@dataclass(frozen=True)
class DocumentRecord:
    """Where a bundled text comes from (the contents of ``document.json``)."""

    id: str
    title: str
    volume_id: str
    volume_title: str
    document_number: int
    url: str
    pages: tuple[int, ...]
    pages_basis: str
    date: str | None
    date_basis: str | None
    rights: str
    retrieval: str
    sha256: str
    size_bytes: int
    source_ids: tuple[str, ...]
    short_title: str | None = None
    #: What witness was read and how much of it (see :mod:`kernel_utils.store.witness`).
    witness: Witness | None = None


def text_integrity_problems(document_id: str, record: dict[str, Any], raw: bytes | None) -> list[Problem]:
    """Compare the bytes of ``text.txt`` with the size and checksum its record promises."""
    file = display_path(data_dir() / "documents" / document_id / "text.txt")
    if raw is None:
        return [Problem(file, "", "", "the verbatim text file", "no such file")]
    problems = []
    if len(raw) != record["size_bytes"]:
        problems.append(Problem(file, "", "size", f"{record['size_bytes']} bytes (document.json)", f"{len(raw)} bytes"))
    digest = hashlib.sha256(raw).hexdigest()
    if digest != record["sha256"]:
        problems.append(Problem(file, "", "sha256", f"{record['sha256']} (document.json)", digest))
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(file, f"byte {exc.start}", "encoding", "UTF-8 text", "bytes that are not UTF-8"))
    if record.get("final_newline") is False and raw.endswith(b"\n"):
        problems.append(Problem(file, "", "final newline", "no newline at the end (the text is kept byte for byte)", "a final newline"))
    return problems


def _check_document(data: dict[str, Any], ctx: CheckContext) -> Iterator[Problem]:
    folder = ctx.root / "documents" / data["id"]
    if not (ctx.root / "documents" / data["id"] / "document.json").is_file():
        yield Problem(ctx.file, "", "id", "the name of the folder holding this document.json", repr(data["id"]))
        return
    path = folder / data["text_file"]
    raw = path.read_bytes() if path.is_file() else None
    yield from text_integrity_problems(data["id"], data, raw)
    known = ctx.source_ids()
    for i, ref in enumerate(data["sources"]):
        yield from check_reference(ref["source"], known, file=ctx.file, record="", field=f"sources.{i}.source", what="source in data/sources.json")


#: "320.2/12–2050": a decimal file number ending in the month–day–year code of its date.
_DATE_CODE = re.compile(r"/(?P<month>\d{1,2})[–-](?P<day>\d{1,2})(?P<year>\d{2})$")
#: How far the date may lie from the file designation's date code (which is often the day of
#: receipt or filing, a day or two after the date of sending).
_DATE_CODE_TOLERANCE_DAYS = 3


def _check_record_against_text(data: dict[str, Any], ctx: CheckContext) -> Iterator[Problem]:
    """The record agrees with its id and with what the parser reads from the text.

    * ``id`` is ``<volume_id>-d<document_number>`` and ``url`` the history.state.gov address of it;
    * the text parses (a :class:`FrusParseError` is reported with its line);
    * ``frus.pages`` are consecutive, hold every ``[Page N]`` of the text and end on the last one,
      and the document begins before its first marker;
    * ``date`` lies within a few days of the date code of the file designation ("12–2050").
    """
    frus = data["frus"]
    expected_id = f"{frus['volume_id']}-d{frus['document_number']}"
    if data["id"] != expected_id:
        field_name = "frus.document_number" if data["id"].startswith(frus["volume_id"] + "-d") else "frus.volume_id"
        yield Problem(ctx.file, repr(data["id"]), field_name, f"the volume and number in the id {data['id']!r}", f"{expected_id!r} from frus.volume_id and frus.document_number")
        return
    expected_url = f"https://history.state.gov/historicaldocuments/{frus['volume_id']}/d{frus['document_number']}"
    if frus["url"] != expected_url:
        yield Problem(ctx.file, repr(data["id"]), "frus.url", expected_url, repr(frus["url"]))
    text = ctx.document_text(data["id"])
    if text is None:
        return  # the integrity check reports the missing or undecodable text
    try:
        doc = parse_frus_text(text, source=display_path(ctx.root / "documents" / data["id"] / "text.txt"))
    except FrusParseError as exc:
        yield Problem(exc.source, f"line {exc.line}", "text", exc.expected, exc.message + (f" {exc.found!r}" if exc.found else ""))
        return
    yield from witness_problems(data, text, ctx.file)
    yield from _heading_problems(data, doc, ctx.file)
    pages = frus.get("pages")
    markers = [pb.page for pb in doc.page_breaks]
    if pages:
        if pages != list(range(pages[0], pages[0] + len(pages))):
            yield Problem(ctx.file, repr(data["id"]), "frus.pages", "consecutive page numbers in ascending order", repr(pages))
        elif markers:
            missing = [m for m in markers if m not in pages]
            if missing:
                yield Problem(ctx.file, repr(data["id"]), "frus.pages", f"every page the text marks ([Page {', '.join(map(str, markers))}])", f"{pages} without {missing}")
            elif pages[-1] != max(markers):
                yield Problem(ctx.file, repr(data["id"]), "frus.pages", f"to end on the last page the text marks ({max(markers)})", repr(pages))
            elif doc.paragraphs and doc.page_breaks[0].start > doc.paragraphs[0].start and pages[0] >= markers[0]:
                yield Problem(ctx.file, repr(data["id"]), "frus.pages", f"to begin before page {markers[0]}, whose marker stands inside the text", repr(pages))
    code = _DATE_CODE.search(doc.file_designation or "")
    if code and data.get("date"):
        try:
            recorded = _dt.date.fromisoformat(data["date"])
            coded = _dt.date(recorded.year - recorded.year % 100 + int(code["year"]), int(code["month"]), int(code["day"]))
        except ValueError:
            return  # a malformed date is the schema's to report; an impossible code says nothing
        if abs((recorded - coded).days) > _DATE_CODE_TOLERANCE_DAYS:
            yield Problem(ctx.file, repr(data["id"]), "date", f"a date within {_DATE_CODE_TOLERANCE_DAYS} days of the file designation's date code {doc.file_designation!r} ({coded.isoformat()})", repr(data["date"]))


#: The ``heading`` fields of a record and the parsed attributes they must equal.
HEADING_FIELDS = ("file_designation", "doc_type", "sender", "recipient", "classification", "precedence",
                  "telegram_number", "dateline", "received")


def _heading_problems(data: dict[str, Any], doc: FrusDocument, file: str) -> Iterator[Problem]:
    """A recorded ``heading`` says what the parser reads from the text, field by field (never hand-typed)."""
    heading = data.get("heading")
    if not heading:
        return
    for name in HEADING_FIELDS:
        if name in heading and heading[name] != getattr(doc, name):
            yield Problem(file, repr(data["id"]), f"heading.{name}", f"what the parser reads from text.txt: {getattr(doc, name)!r}", repr(heading[name]))


register("documents/*/document.json", "document.schema.json", _check_document, _check_record_against_text, description="a bundled document's record")


def list_documents() -> list[str]:
    """Ids of the bundled documents (the dossier), sorted; :func:`load_dossier` loads them all."""
    folder = data_dir() / "documents"
    return sorted((p.name for p in folder.iterdir() if (p / "document.json").is_file()), key=_id_order)


def _id_order(document_id: str) -> tuple[str, int, str]:
    """Volume, then document number as a number (d970 before d1013)."""
    volume, _, number = document_id.rpartition("-d")
    return (volume, int(number), "") if number.isdigit() else (document_id, 0, document_id)


def _record(document_id: str) -> DocumentRecord:
    if document_id not in list_documents():
        raise KeyError(f"no bundled document {document_id!r}; bundled: {', '.join(list_documents())}")
    try:
        data = load_validated(f"documents/{document_id}/document.json")
    except DataValidationError as exc:  # the record's rule also checks the text's size and checksum
        if any(p.file.endswith("/text.txt") for p in exc.problems):
            raise TextIntegrityError(exc.problems) from None
        raise
    frus = data["frus"]
    return DocumentRecord(
        id=data["id"], title=data["title"], volume_id=frus["volume_id"], volume_title=frus["volume_title"],
        document_number=frus["document_number"], url=frus["url"], pages=tuple(frus.get("pages", ())),
        pages_basis=frus.get("pages_basis", "unknown"), date=data.get("date"), date_basis=data.get("date_basis"),
        rights=data["rights"], retrieval=data["retrieval"], sha256=data["sha256"], size_bytes=data["size_bytes"],
        source_ids=tuple(ref["source"] for ref in data["sources"]), short_title=data.get("short_title"),
        witness=witness_from_record(data),
    )


def load_document(document_id: str = DEFAULT_DOCUMENT) -> FrusDocument:
    """Load a bundled document's verbatim text, check it against its record, and parse it.

    Raises :class:`~kernel_utils.errors.TextIntegrityError` (a DataValidationError) when the text is
    missing, truncated or altered (the message names the file, the expected and
    the found size and checksum), and :class:`~kernel_utils.errors.FrusParseError`
    when the parser cannot read it.
    """
    record = _record(document_id)
    path = data_dir() / "documents" / document_id / "text.txt"
    raw = path.read_bytes() if path.is_file() else None
    problems = text_integrity_problems(document_id, {"size_bytes": record.size_bytes, "sha256": record.sha256}, raw)
    if problems:
        raise TextIntegrityError(problems)
    assert raw is not None
    first_page = record.pages[0] if record.pages else None
    return parse_frus_text(
        raw.decode("utf-8"), source=display_path(path), first_page=first_page,
        first_page_basis=f"from documents/{document_id}/document.json (see its pages_basis)",
    )


def load_telegram() -> FrusDocument:
    """Telegram 602 of 20 December 1950, parsed from its verbatim text (see :func:`load_document`)."""
    return load_document(DEFAULT_DOCUMENT)


def document_record(document_id: str = DEFAULT_DOCUMENT) -> DocumentRecord:
    """The provenance record of a bundled document (``document.json``), validated."""
    return _record(document_id)


@dataclass(frozen=True)
class BundledDocument:
    """A bundled document as the edition holds it: validated record, parsed text, and its witness."""

    id: str
    record: DocumentRecord
    document: FrusDocument
    witness: Witness

    @property
    def partial(self) -> bool:
        """True when the text read stops part-way through the document (a partial witness)."""
        return self.witness.is_partial


def load_dossier() -> list[BundledDocument]:
    """Every bundled document, each validated, parsed and labelled with its witness and coverage.

    Raises :class:`~kernel_utils.errors.DataValidationError` if a record has no witness.
    """
    out = []
    for document_id in list_documents():
        record = _record(document_id)
        if record.witness is None:
            raise DataValidationError([Problem(f"data/documents/{document_id}/document.json", repr(document_id), "witness", "a witness record", "none")])
        out.append(BundledDocument(document_id, record, load_document(document_id), record.witness))
    return out
