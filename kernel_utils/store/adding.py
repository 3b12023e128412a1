"""Add a FRUS document to the edition: ``python -m kernel_utils add ID --from FILE | --tei VOLUME.xml``.

The text is kept exactly as read (a page text byte for byte; a TEI division as
:func:`kernel_utils.text.tei.import_tei` renders it) in ``data/documents/ID/text.txt``, and its
record ``document.json`` is written from what the library's parser reads in it — title, sender,
recipient, telegram number, pages, date and the basis of each — never typed by hand.  The record
says exactly what witness was read and how much of it (:mod:`kernel_utils.store.witness`).  The
new files are validated with the rules every data file obeys; if they fail, nothing is left behind.

Every failure is an :class:`AddError` with one plain line: a missing file, an id that is not of the
form ``frusVOLUME-dN`` or not in the TEI volume, a text that is not a FRUS document, a document
already bundled (unless ``force``), no network for ``--fetch``.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kernel_utils.errors import (
    DataValidationError,
    FrusParseError,
    KernelUtilsError,
    TeiError,
)
from kernel_utils.store.paths import data_dir, display_path
from kernel_utils.store.witness import (
    STOP_WORDS_LENGTH,
    WitnessReading,
    parse_witness_text,
    stop_words,
)
from kernel_utils.text.parser import FrusDocument

__all__ = [
    "PAGE_TEXT_LIMIT",
    "AddError",
    "AddRequest",
    "add_document",
    "fetch_tei_volume",
    "parse_document_id",
    "record_for",
    "tei_volume_url",
]

#: A stored page text keeps about the first 2,000 characters of a page; one this long may stop part-way.
PAGE_TEXT_LIMIT = 1900
_VOLUME = re.compile(r"^frus\d{4}(?:-\d{2,4})?v\d{2}(?:p\d)?[a-z0-9]*$")
_ID = re.compile(r"^(?P<volume>frus[a-z0-9-]+?)-d(?P<number>[1-9]\d*)$")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")
_FULL_DATE = re.compile(r"(?P<month>" + "|".join(_MONTH_NAMES) + r")\s+(?P<day>\d{1,2}),\s+(?P<year>\d{4})")
_DATE_CODE = re.compile(r"/(?P<month>\d{1,2})[–-](?P<day>\d{1,2})(?P<year>\d{2})$")
TEI_RAW_URL = "https://raw.githubusercontent.com/HistoryAtState/frus/master/volumes/{volume}.xml"
TEI_PAGE_URL = "https://github.com/HistoryAtState/frus/blob/master/volumes/{volume}.xml"
RIGHTS = ("A FRUS document is a work of the United States Government and is in the public domain in the United "
          "States (17 U.S.C. § 105); the Office of the Historian's web edition and TEI volumes are likewise public domain.")


class AddError(KernelUtilsError):
    """A document could not be added; the message is one line that says why and what to do."""


@dataclass(frozen=True)
class AddRequest:
    """What to add and from which witness (the ``add`` command's arguments)."""

    document_id: str
    text_file: Path | None = None
    tei_file: Path | None = None
    tei_document: str | None = None
    coverage: str = "auto"  # auto | complete | partial (page texts; a TEI division is complete)
    read_via: str | None = None
    note: str | None = None
    volume_title: str | None = None
    force: bool = False


def parse_document_id(document_id: str) -> tuple[str, int]:
    """``frus1950v07-d1054`` → (``frus1950v07``, 1054); :class:`AddError` for any other shape."""
    match = _ID.match(document_id or "")
    if not match or not _VOLUME.match(match["volume"]):
        raise AddError(f"unknown id {document_id!r}: expected a FRUS document id of the form frusVOLUME-dN "
                       "as history.state.gov writes it (e.g. frus1950v07-d1054)")
    return match["volume"], int(match["number"])


def tei_volume_url(volume_id: str) -> str:
    """The public address of a volume's TEI in the Office of the Historian's repository."""
    return TEI_PAGE_URL.format(volume=volume_id)


def _default_download(url: str) -> bytes:
    import urllib.request

    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read()


def fetch_tei_volume(volume_id: str, *, cache_dir: Path | None = None,
                     download: Callable[[str], bytes] | None = None, document_id: str = "ID") -> Path:
    """The TEI file of a volume, downloaded once from HistoryAtState/frus into a cache folder.

    ``cache_dir`` defaults to ``~/.cache/kernel_utils/tei``; ``download`` (a function of the URL
    returning bytes) is there for tests.  Without a network, :class:`AddError` says how to do it by hand.
    """
    cache = Path(cache_dir) if cache_dir else Path.home() / ".cache" / "kernel_utils" / "tei"
    target = cache / f"{volume_id}.xml"
    if target.is_file() and target.stat().st_size > 0:
        return target
    url = TEI_RAW_URL.format(volume=volume_id)
    try:
        data = (download or _default_download)(url)
    except OSError as exc:  # URLError, timeouts and refused connections are OSErrors
        reason = getattr(exc, "reason", None) or exc
        raise AddError(f"cannot download {url} ({reason}); without a network, download {tei_volume_url(volume_id)} "
                       f"by hand and run: python -m kernel_utils add {document_id} --tei {volume_id}.xml") from None
    if not data.lstrip().startswith(b"<"):
        raise AddError(f"{url} did not return XML; download {tei_volume_url(volume_id)} by hand and run: "
                       f"python -m kernel_utils add {document_id} --tei {volume_id}.xml")
    cache.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".xml.part")
    partial.write_bytes(data)
    partial.replace(target)
    return target


# --------------------------------------------------------------------------- reading the witness
def _read_page_text(path: Path) -> tuple[bytes, str]:
    if not path.is_file():
        raise AddError(f"{path}: no such file (give the page text to add with --from FILE)")
    raw = path.read_bytes()
    try:
        return raw, raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AddError(f"{path}: not UTF-8 text (byte {exc.start}); save the page text as UTF-8") from None


def _coverage(request: AddRequest, text: str) -> str:
    if request.coverage in ("complete", "partial"):
        return request.coverage
    return "partial" if len(text) >= PAGE_TEXT_LIMIT else "complete"


def _read(request: AddRequest, volume_id: str, number: int) -> tuple[bytes, WitnessReading, dict[str, Any], str | None]:
    """The witness's bytes, its reading, its witness record and (TEI) its date."""
    if request.tei_file is not None:
        return _read_tei(request, Path(request.tei_file), volume_id, number)
    assert request.text_file is not None
    raw, reading, witness = _read_page(request, Path(request.text_file), volume_id, number)
    return raw, reading, witness, None


def _read_tei(request: AddRequest, path: Path, volume_id: str, number: int) -> tuple[bytes, WitnessReading, dict[str, Any], str | None]:
    if not path.is_file():
        raise AddError(f"{path}: no such file (give a HistoryAtState/frus volume with --tei FILE.xml, or use --fetch)")
    from kernel_utils.text.tei import import_tei

    div = request.tei_document or f"d{number}"
    try:
        imported = import_tei(path, div, label=path.name)
        text = imported.document.text
        reading = parse_witness_text(text, source=f"{path.name}#{div}", partial=False)
    except TeiError as exc:
        if "no <div type='document'" in str(exc):
            raise AddError(f"unknown id {request.document_id!r} in this volume: {exc}") from None
        raise AddError(f"{path}: not a TEI volume the importer can read ({exc})") from None
    except FrusParseError as exc:  # as for a page text: one AddError, the parser's message inside it
        raise AddError(f"{path}, division {div}: not a FRUS document the parser can read ({exc})") from None
    witness = {"kind": "tei-volume", "url": tei_volume_url(volume_id),
               "read_via": request.read_via or f"the TEI file {path.name}, division {div}, rendered as text by kernel_utils.text.tei.import_tei",
               "characters": len(text), "coverage": "complete", "tei_div": div,
               "note": request.note or "The whole document division of the TEI volume; the text is the library's rendering of it "
                                       "in the page-text layout, not a copy of the web page or the printed page."}
    return text.encode("utf-8"), reading, witness, imported.date


def _read_page(request: AddRequest, path: Path, volume_id: str, number: int) -> tuple[bytes, WitnessReading, dict[str, Any]]:
    raw, text = _read_page_text(path)
    coverage = _coverage(request, text)
    try:
        reading = parse_witness_text(text, source=path.name, partial=coverage == "partial")
    except FrusParseError as exc:
        raise AddError(f"{path}: not a FRUS document the parser can read ({exc})") from None
    witness: dict[str, Any] = {"kind": "web-page-text", "url": f"https://history.state.gov/historicaldocuments/{volume_id}/d{number}",
                               "read_via": request.read_via or f"a page text given to 'python -m kernel_utils add --from' ({path.name})",
                               "characters": len(text), "coverage": coverage}
    if coverage == "partial":
        witness["stops_at"] = stop_words(text, STOP_WORDS_LENGTH)
    note = request.note or _default_note(coverage, len(text))
    if reading.caveats:
        note += " The parser's reading: " + "; ".join(reading.caveats) + "."
    witness["note"] = note
    return raw, reading, witness


def _default_note(coverage: str, characters: int) -> str:
    if coverage == "partial":
        return (f"The text read stops part-way through the document, after {characters:,} characters; the rest of the "
                "document (later paragraphs, signature, footnotes) is not read and nothing is claimed about it.")
    return ("The text read is taken as the whole text of the web page; it is a witness of the web rendering, "
            "not of the printed page.")


def _check_is_frus(doc: FrusDocument, where: str) -> None:
    kinds = {line.kind for line in doc.header_lines}
    if "heading" not in kinds and "address" not in kinds:
        raise AddError(f"{where}: not a FRUS document: the parser finds no heading (a file designation such as "
                       "'795.00/12–1850: Telegram' or 'NNN. Telegram From … to …') and no address line ('X to Y')")


# --------------------------------------------------------------------------- the record
def _title(doc: FrusDocument) -> str:
    address = next((line.value for line in doc.header_lines if line.kind == "address"), None)
    if address is not None:
        return re.sub(r"(?<=[A-Za-z)\].’])\s?\d{1,3}$", "", re.sub(r"\s+", " ", address)).strip()
    heading = next(line.value for line in doc.header_lines if line.kind == "heading")
    return re.sub(r"\s+", " ", heading).strip()


def _date(doc: FrusDocument, tei_date: str | None, century: int) -> tuple[str | None, str]:
    dateline = _FULL_DATE.search(doc.dateline or "")
    if dateline:
        month = _MONTH_NAMES.index(dateline["month"]) + 1
        return _dt.date(int(dateline["year"]), month, int(dateline["day"])).isoformat(), f"Read from the dateline {doc.dateline!r} of the text read."
    code = _DATE_CODE.search(doc.file_designation or "")
    if code:
        year = century + int(code["year"])
        value: str | None
        try:
            value = _dt.date(year, int(code["month"]), int(code["day"])).isoformat()
        except ValueError:
            value = None
        if value:
            basis = (f"Read from the date suffix of the file designation {doc.file_designation} (month {int(code['month'])}, "
                     f"day {int(code['day'])}, year {code['year']}); such a file date is often the day of receipt or filing, "
                     "which may differ from the day of sending.")
            if doc.received:
                basis += f" The text's receipt line reads “[Received {doc.received}]”."
            basis += " The text read shows no dateline; the web rendering may drop one, so the printed dateline is unknown." if not doc.dateline else ""
            return value, basis
    if tei_date:
        return tei_date[:10], "Read from the TEI division's date (<date when> of its dateline, else frus:doc-dateTime-min)."
    return None, "The text read gives no date (no dateline, no dated file designation)."


def _pages(doc: FrusDocument, partial: bool) -> tuple[list[int] | None, str]:
    markers = [pb.page for pb in doc.page_breaks]
    if not markers:
        return None, "The text read has no page marker, so the printed pages are not known from it."
    inside = bool(doc.paragraphs) and doc.page_breaks[0].start > doc.paragraphs[0].start
    first = markers[0] - 1 if inside else markers[0]
    pages = list(range(first, max(markers) + 1))
    marks = ", ".join(f"[Page {m}]" for m in markers)
    basis = f"The text's page marker(s) {marks}"
    if inside:
        basis += f" stand inside the text, so the document begins on page {first} (an inference from the first marker)"
    else:
        basis += f" stand before the body, so the document begins on page {first}"
    basis += f" and the text read ends on page {max(markers)}."
    if partial:
        basis += " The witness is partial: the document may run on to later pages, which are not known from it."
    return pages, basis


def _short_title(doc: FrusDocument, date: str | None) -> str:
    number = doc.telegram_number
    kind = (doc.doc_type or "Document").strip()
    kind = kind[:1].upper() + kind[1:]
    label = (f"{kind} {number}" if number[:1].isdigit() else number) if number else kind
    if date:
        d = _dt.date.fromisoformat(date)
        label += f", {d.day} {_MONTH_NAMES[d.month - 1]} {d.year}"
    return label


def record_for(document_id: str, raw: bytes, reading: WitnessReading, witness: dict[str, Any], *,
               volume_title: str, tei_date: str | None, retrieval: str) -> dict[str, Any]:
    """The ``document.json`` record of a witness, every field from the parse of its text."""
    volume_id, number = parse_document_id(document_id)
    doc = reading.document
    date, date_basis = _date(doc, tei_date, century=int(volume_id[4:6]) * 100)
    pages, pages_basis = _pages(doc, reading.partial)
    frus: dict[str, Any] = {"volume_id": volume_id, "volume_title": volume_title, "document_number": number}
    if pages:
        frus["pages"] = pages
    frus["pages_basis"] = pages_basis
    frus["url"] = f"https://history.state.gov/historicaldocuments/{volume_id}/d{number}"
    heading_line = next(line.value for line in doc.header_lines if line.kind in ("heading", "address"))
    record: dict[str, Any] = {
        "id": document_id, "title": _title(doc), "short_title": _short_title(doc, date),
        "text_file": "text.txt", "encoding": "utf-8", "final_newline": raw.endswith(b"\n"),
        "size_bytes": len(raw), "sha256": hashlib.sha256(raw).hexdigest(),
    }
    if date:
        record["date"] = date
    record["date_basis"] = date_basis
    record["frus"] = frus
    record["heading"] = {name: getattr(doc, name) for name in ("file_designation", "doc_type", "sender", "recipient",
                                                               "classification", "precedence", "telegram_number",
                                                               "dateline", "received")}
    record["rights"] = RIGHTS
    record["retrieval"] = retrieval
    record["sources"] = [{"source": document_id, "evidence": re.sub(r"\s+", " ", heading_line).strip()}]
    record["witness"] = witness
    return record


# --------------------------------------------------------------------------- writing
def _volume_title(request: AddRequest, volume_id: str, root: Path) -> str:
    if request.volume_title:
        return request.volume_title
    for path in sorted((root / "documents").glob("*/document.json")):
        try:
            frus = json.loads(path.read_text(encoding="utf-8")).get("frus", {})
        except (OSError, ValueError):
            continue
        if frus.get("volume_id") == volume_id and frus.get("volume_title"):
            return frus["volume_title"]
    if request.tei_file is not None:
        from lxml import etree

        try:
            tree = etree.parse(str(request.tei_file), parser=etree.XMLParser(resolve_entities=False, no_network=True))
            titles = tree.xpath("//*[local-name()='titleStmt']/*[local-name()='title'][@type='complete']")
        except etree.XMLSyntaxError:
            titles = []
        if titles:
            return re.sub(r"\s+", " ", "".join(titles[0].itertext())).strip()
    raise AddError(f"no title known for the volume {volume_id} (no bundled document of it, none in the TEI header): "
                   "give it with --volume-title, as the volume's own title page or bibliography has it")


def _ensure_source(root: Path, record: dict[str, Any], witness: dict[str, Any]) -> bool:
    """Add a sources.json entry for the document if it has none; True when one was added."""
    path = root / "sources.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    if any(s.get("id") == record["id"] for s in data["sources"]):
        return False
    frus = record["frus"]
    how_much = (f"a partial witness: the first {witness['characters']:,} characters, stopping at “…{witness['stops_at']}”"
                if witness["coverage"] == "partial" else f"a complete witness ({witness['characters']:,} characters)")
    data["sources"].append({
        "id": record["id"], "kind": "frus-document",
        "title": f"{record['title']} ({record['short_title']})",
        "url": frus["url"],
        "citation": f"{frus['volume_title']}, document {frus['document_number']}.",
        "read_note": f"Read via {witness['read_via']}: {how_much}. Bundled as data/documents/{record['id']}/text.txt.",
    })
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return True


def add_document(request: AddRequest, *, root: Path | None = None) -> dict[str, Any]:
    """Write ``data/documents/ID/`` from a witness, validate it, and return the record written.

    Raises :class:`AddError` (one line) for a bad request, and
    :class:`~kernel_utils.errors.DataValidationError` if the written record fails validation (in
    which case the folder, and any sources.json entry added, are removed again).
    """
    volume_id, number = parse_document_id(request.document_id)
    if (request.text_file is None) == (request.tei_file is None):
        raise AddError("give exactly one witness: --from PAGE_TEXT, or --tei VOLUME.xml (or --fetch)")
    root = root or data_dir()
    folder = root / "documents" / request.document_id
    if (folder / "document.json").exists() and not request.force:
        raise AddError(f"{request.document_id} is already bundled ({display_path(folder)}); use --force to replace it")
    raw, reading, witness, tei_date = _read(request, volume_id, number)
    _check_is_frus(reading.document, str(request.text_file or request.tei_file))
    volume_title = _volume_title(request, volume_id, root)
    source = request.text_file or request.tei_file
    retrieval = (f"{witness['read_via']}; written to text.txt byte for byte by 'python -m kernel_utils add' from "
                 f"{Path(str(source)).name}, which also wrote this record from the parser's reading of the text.")
    if request.volume_title:
        retrieval += " The volume title was given to the command (--volume-title)."
    record = record_for(request.document_id, raw, reading, witness, volume_title=volume_title,
                        tei_date=tei_date, retrieval=retrieval)
    backup = None
    if folder.exists():
        backup = folder.with_name(folder.name + ".replaced")
        shutil.rmtree(backup, ignore_errors=True)
        folder.rename(backup)
    sources_before = (root / "sources.json").read_bytes()
    folder.mkdir(parents=True)
    (folder / "text.txt").write_bytes(raw)
    (folder / "document.json").write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    _ensure_source(root, record, witness)
    from kernel_utils.store.validation import validate_paths

    problems = validate_paths([folder / "document.json", root / "sources.json"])
    if problems:
        shutil.rmtree(folder)
        (root / "sources.json").write_bytes(sources_before)
        if backup is not None:
            backup.rename(folder)
        raise DataValidationError(problems)
    if backup is not None:
        for extra in backup.iterdir():  # keep the layers built on the document (provenance, mentions, …)
            if extra.name not in ("text.txt", "document.json"):
                extra.rename(folder / extra.name)
        shutil.rmtree(backup)
    return record
