"""Bundled FRUS documents: the verbatim text, its integrity record, and the parsed structure.

``data/documents/<id>/text.txt`` is the verbatim text, never edited;
``document.json`` beside it records its size and SHA-256 and where it comes
from.  :func:`load_document` refuses a text that differs from that record
(truncated, altered, re-encoded) and names the file and what differs.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Iterator

from .errors import DataValidationError, Problem
from .frus_text import FrusDocument, parse_frus_text
from .paths import data_dir, display_path
from .validation import CheckContext, check_reference, load_validated, register

__all__ = ["DEFAULT_DOCUMENT", "DocumentRecord", "document_record", "load_document", "load_telegram", "list_documents", "text_integrity_problems"]

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


register("documents/*/document.json", "document.schema.json", _check_document, description="a bundled document's record")


def list_documents() -> list[str]:
    """Ids of the bundled documents."""
    folder = data_dir() / "documents"
    return sorted(p.name for p in folder.iterdir() if (p / "document.json").is_file())


def _record(document_id: str) -> DocumentRecord:
    if document_id not in list_documents():
        raise KeyError(f"no bundled document {document_id!r}; bundled: {', '.join(list_documents())}")
    data = load_validated(f"documents/{document_id}/document.json")
    frus = data["frus"]
    return DocumentRecord(
        id=data["id"], title=data["title"], volume_id=frus["volume_id"], volume_title=frus["volume_title"],
        document_number=frus["document_number"], url=frus["url"], pages=tuple(frus.get("pages", ())),
        pages_basis=frus.get("pages_basis", "unknown"), date=data.get("date"), date_basis=data.get("date_basis"),
        rights=data["rights"], retrieval=data["retrieval"], sha256=data["sha256"], size_bytes=data["size_bytes"],
        source_ids=tuple(ref["source"] for ref in data["sources"]), short_title=data.get("short_title"),
    )


def load_document(document_id: str = DEFAULT_DOCUMENT) -> FrusDocument:
    """Load a bundled document's verbatim text, check it against its record, and parse it.

    Raises :class:`~kernel_utils.errors.DataValidationError` when the text is
    missing, truncated or altered (the message names the file, the expected and
    the found size and checksum), and :class:`~kernel_utils.errors.FrusParseError`
    when the parser cannot read it.
    """
    record = _record(document_id)
    path = data_dir() / "documents" / document_id / "text.txt"
    raw = path.read_bytes() if path.is_file() else None
    problems = text_integrity_problems(document_id, {"size_bytes": record.size_bytes, "sha256": record.sha256}, raw)
    if problems:
        raise DataValidationError(problems)
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
