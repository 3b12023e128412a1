"""kernel_utils.store.documents and kernel_utils.store.entities on small made-up data folders.

Each test builds a throw-away data/ folder (the schemas copied, a made-up document, entities and
mentions written by the test) and asserts whole problems and whole records: the message is the
user interface, so every template is checked once, field for field.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from kernel_utils.errors import DataValidationError, Problem, TextIntegrityError
from kernel_utils.store import documents, entities, validation
from kernel_utils.store.documents import (
    BundledDocument,
    DocumentRecord,
    default_document,
    document_record,
    list_documents,
    load_document,
    load_dossier,
    load_telegram,
    text_integrity_problems,
)
from kernel_utils.store.evidence import SourceRef
from kernel_utils.store.validation import CheckContext
from kernel_utils.store.witness import Witness

SCHEMAS = Path(__file__).resolve().parents[2] / "data" / "schemas"

DOC_ID = "frus1999v01-d7"
DOC_FILE = f"data/documents/{DOC_ID}/document.json"
TEXT_FILE = f"data/documents/{DOC_ID}/text.txt"
URL = "https://history.state.gov/historicaldocuments/frus1999v01/d7"
#: A made-up telegram: heading, two paragraphs (a page marker inside the second), a signature.
TEXT = (
    "320/12–2050: Telegram\n"
    "The Secretary of State to the Embassy in Ruritania\n"
    "Washington, December 20, 1950—6 p. m.\n"
    "top secret\n"
    "12. First paragraph of the body, which runs on.\n"
    "Second paragraph [Page 12] goes over a page.\n"
    "Smith"
)


def sha(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def make_record(text: str = TEXT, **changes: Any) -> dict[str, Any]:
    """A valid document.json for ``text`` (top-level keys replaced by ``changes``)."""
    raw = text.encode("utf-8")
    record: dict[str, Any] = {
        "id": DOC_ID,
        "title": "The Secretary of State to the Embassy in Ruritania",
        "short_title": "Telegram 12, Washington to Ruritania",
        "text_file": "text.txt",
        "encoding": "utf-8",
        "final_newline": False,
        "size_bytes": len(raw),
        "sha256": sha(raw),
        "date": "1950-12-20",
        "date_basis": "the date code",
        "frus": {"volume_id": "frus1999v01", "volume_title": "A made-up volume", "document_number": 7,
                 "pages": [10, 11, 12], "pages_basis": "made up", "url": URL},
        "rights": "public domain",
        "retrieval": "written by the test",
        "sources": [{"source": "src-a", "evidence": "320/12–2050"}],
        "witness": {"kind": "web-page-text", "url": URL, "read_via": "the test", "characters": len(text),
                    "coverage": "complete"},
    }
    record.update(changes)
    return record


def frus(**changes: Any) -> dict[str, Any]:
    return {**make_record()["frus"], **changes}


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def write_document(root: Path, record: dict[str, Any], text: str | None = TEXT) -> None:
    folder = root / "documents" / record["id"]
    write_json(folder / "document.json", record)
    if text is not None:
        (folder / "text.txt").write_bytes(text.encode("utf-8"))


@pytest.fixture
def root(tmp_path, monkeypatch) -> Path:
    """A made-up data/ folder holding the schemas, the edition settings and one document."""
    data = tmp_path / "data"
    shutil.copytree(SCHEMAS, data / "schemas")
    write_json(data / "edition.json", {"default_document": DOC_ID})
    write_json(data / "sources.json", {"sources": [{"id": "src-a"}, {"id": "src-b"}]})
    write_document(data, make_record())
    monkeypatch.setenv("KERNEL_UTILS_DATA", str(data))
    validation._schema_registry.cache_clear()
    validation._LOAD_CACHE.clear()
    yield data
    validation._schema_registry.cache_clear()
    validation._LOAD_CACHE.clear()


def run(check, data: dict[str, Any], root: Path, file: str = DOC_FILE) -> list[Problem]:
    return list(check(data, CheckContext(root, file=file)))


# --------------------------------------------------------------------------- text integrity
def test_a_missing_text_is_one_problem_naming_the_file(root):
    assert text_integrity_problems(DOC_ID, {"size_bytes": 1, "sha256": "0"}, None) == [
        Problem(TEXT_FILE, "", "", "the verbatim text file", "no such file")]


def test_a_text_that_matches_its_record_has_no_problem(root):
    raw = b"abc\n"
    assert text_integrity_problems(DOC_ID, {"size_bytes": 4, "sha256": sha(raw)}, raw) == []
    assert text_integrity_problems(DOC_ID, {"size_bytes": 4, "sha256": sha(raw), "final_newline": True}, raw) == []
    assert text_integrity_problems(DOC_ID, {"size_bytes": 3, "sha256": sha(b"abc"), "final_newline": False}, b"abc") == []


def test_size_checksum_encoding_and_final_newline_are_each_named(root):
    raw = b"ab\xff\n"
    found = text_integrity_problems(DOC_ID, {"size_bytes": 3, "sha256": "0" * 64, "final_newline": False}, raw)
    assert found == [
        Problem(TEXT_FILE, "", "size", "3 bytes (document.json)", "4 bytes"),
        Problem(TEXT_FILE, "", "sha256", f"{'0' * 64} (document.json)", sha(raw)),
        Problem(TEXT_FILE, "byte 2", "encoding", "UTF-8 text", "bytes that are not UTF-8"),
        Problem(TEXT_FILE, "", "final newline", "no newline at the end (the text is kept byte for byte)", "a final newline"),
    ]


# --------------------------------------------------------------------------- the record's rules
def test_a_valid_record_passes_both_rules(root):
    assert run(documents._check_document, make_record(), root) == []
    assert run(documents._check_record_against_text, make_record(), root) == []


def test_an_id_that_is_not_the_folder_name_stops_the_document_check(root):
    data = make_record(id="frus1999v01-d8", sources=[{"source": "nowhere"}])
    assert run(documents._check_document, data, root) == [
        Problem(DOC_FILE, "", "id", "the name of the folder holding this document.json", "'frus1999v01-d8'")]


def test_a_folder_without_document_json_does_not_count_as_the_documents_folder(root):
    (root / "documents" / "frus1999v01-d8").mkdir()
    assert [p.field for p in run(documents._check_document, make_record(id="frus1999v01-d8"), root)] == ["id"]


def test_the_document_check_reads_the_text_it_names_and_reports_its_integrity(root):
    (root / "documents" / DOC_ID / "text.txt").write_bytes(b"changed")
    assert run(documents._check_document, make_record(), root) == [
        Problem(TEXT_FILE, "", "size", f"{len(TEXT.encode())} bytes (document.json)", "7 bytes"),
        Problem(TEXT_FILE, "", "sha256", f"{sha(TEXT.encode())} (document.json)", sha(b"changed")),
    ]
    (root / "documents" / DOC_ID / "text.txt").unlink()
    assert run(documents._check_document, make_record(), root) == [
        Problem(TEXT_FILE, "", "", "the verbatim text file", "no such file")]


def test_each_unknown_source_is_named_with_its_position(root):
    data = make_record(sources=[{"source": "src-a"}, {"source": "src-z"}])
    assert run(documents._check_document, data, root) == [
        Problem(DOC_FILE, "", "sources.1.source", "the id of an existing source in data/sources.json (e.g. src-a, src-b)", "'src-z'")]


def test_an_id_with_the_right_volume_but_the_wrong_number_blames_the_number(root):
    data = make_record(id="frus1999v01-d8", frus=frus(url="https://example.org/"))
    assert run(documents._check_record_against_text, data, root) == [
        Problem(DOC_FILE, "'frus1999v01-d8'", "frus.document_number", "the volume and number in the id 'frus1999v01-d8'",
                "'frus1999v01-d7' from frus.volume_id and frus.document_number")]


def test_an_id_with_another_volume_blames_the_volume(root):
    data = make_record(id="frus1999v02-d7")
    assert run(documents._check_record_against_text, data, root) == [
        Problem(DOC_FILE, "'frus1999v02-d7'", "frus.volume_id", "the volume and number in the id 'frus1999v02-d7'",
                "'frus1999v01-d7' from frus.volume_id and frus.document_number")]


def test_a_wrong_url_is_named_and_the_other_checks_go_on(root):
    data = make_record(frus=frus(url="https://history.state.gov/historicaldocuments/frus1999v01/d70", pages=[10, 12]))
    assert run(documents._check_record_against_text, data, root) == [
        Problem(DOC_FILE, repr(DOC_ID), "frus.url", URL, "'https://history.state.gov/historicaldocuments/frus1999v01/d70'"),
        Problem(DOC_FILE, repr(DOC_ID), "witness.url",
                "the web page read, https://history.state.gov/historicaldocuments/frus1999v01/d70 (frus.url)", repr(URL)),
        Problem(DOC_FILE, repr(DOC_ID), "frus.pages", "consecutive page numbers in ascending order", "[10, 12]"),
    ]


def test_a_missing_text_leaves_the_text_checks_to_the_integrity_rule(root):
    (root / "documents" / DOC_ID / "text.txt").unlink()
    assert run(documents._check_record_against_text, make_record(frus=frus(pages=[3, 1])), root) == []


def test_a_text_the_parser_refuses_is_reported_with_its_line(root):
    (root / "documents" / DOC_ID / "text.txt").write_text("320/1: Telegram\n[Page x] words", encoding="utf-8")
    assert run(documents._check_record_against_text, make_record(), root) == [
        Problem(TEXT_FILE, "line 2", "text", "a page marker of the form '[Page 123]'", "malformed page marker '[Page x]'")]


def test_a_parser_error_without_found_words_adds_nothing_to_the_message(root):
    (root / "documents" / DOC_ID / "text.txt").write_text("", encoding="utf-8")
    assert run(documents._check_record_against_text, make_record(), root) == [
        Problem(TEXT_FILE, "line 1", "text", "a FRUS document", "the text is empty")]


def test_witness_problems_are_reported_by_the_record_rule(root):
    data = make_record(witness={**make_record()["witness"], "characters": 5})
    assert run(documents._check_record_against_text, data, root) == [
        Problem(DOC_FILE, repr(DOC_ID), "witness.characters", f"the number of characters of text.txt ({len(TEXT)})", "5")]


def test_a_heading_field_that_differs_from_the_parsed_text_is_named(root):
    heading = {"sender": "The Secretary of State", "recipient": "the Embassy in Elbonia", "telegram_number": "13",
               "not_a_heading_field": "ignored"}
    assert run(documents._check_record_against_text, make_record(heading=heading), root) == [
        Problem(DOC_FILE, repr(DOC_ID), "heading.recipient", "what the parser reads from text.txt: 'the Embassy in Ruritania'",
                "'the Embassy in Elbonia'"),
        Problem(DOC_FILE, repr(DOC_ID), "heading.telegram_number", "what the parser reads from text.txt: '12'", "'13'"),
    ]


def test_every_heading_field_is_compared(root):
    parsed = {"file_designation": "320/12–2050", "doc_type": "Telegram", "sender": "The Secretary of State",
              "recipient": "the Embassy in Ruritania", "classification": "top secret", "precedence": None,
              "telegram_number": "12", "dateline": "Washington, December 20, 1950—6 p. m.", "received": None}
    assert documents.HEADING_FIELDS == tuple(parsed)
    assert run(documents._check_record_against_text, make_record(heading=parsed), root) == []
    wrong = {name: "x" for name in parsed}
    assert [p.field for p in run(documents._check_record_against_text, make_record(heading=wrong), root)] == [
        f"heading.{name}" for name in parsed]


def test_an_empty_heading_is_not_checked(root):
    assert run(documents._check_record_against_text, make_record(heading={}), root) == []


def test_pages_out_of_order_are_refused(root):
    assert run(documents._check_record_against_text, make_record(frus=frus(pages=[12, 11])), root) == [
        Problem(DOC_FILE, repr(DOC_ID), "frus.pages", "consecutive page numbers in ascending order", "[12, 11]")]


def test_pages_missing_a_marked_page_are_refused(root):
    text = TEXT.replace("Smith", "[Page 13] Smith")
    write_document(root, make_record(text), text)
    assert run(documents._check_record_against_text, make_record(text, frus=frus(pages=[11, 12])), root) == [
        Problem(DOC_FILE, repr(DOC_ID), "frus.pages", "every page the text marks ([Page 12, 13])", "[11, 12] without [13]")]


def test_pages_must_end_on_the_last_marked_page(root):
    text = TEXT.replace("Smith", "[Page 13] Smith")
    write_document(root, make_record(text), text)
    assert run(documents._check_record_against_text, make_record(text, frus=frus(pages=[11, 12, 13, 14])), root) == [
        Problem(DOC_FILE, repr(DOC_ID), "frus.pages", "to end on the last page the text marks (13)", "[11, 12, 13, 14]")]
    assert run(documents._check_record_against_text, make_record(text, frus=frus(pages=[11, 12, 13])), root) == []


def test_pages_must_begin_before_a_marker_inside_the_text(root):
    assert run(documents._check_record_against_text, make_record(frus=frus(pages=[12])), root) == [
        Problem(DOC_FILE, repr(DOC_ID), "frus.pages", "to begin before page 12, whose marker stands inside the text", "[12]")]
    assert run(documents._check_record_against_text, make_record(frus=frus(pages=[11, 12])), root) == []


def test_a_marker_before_the_first_paragraph_may_be_the_first_page(root):
    text = "320/12–2050: Telegram\n[Page 12]\nThe Secretary of State to the Embassy in Ruritania\nThe body of it."
    write_document(root, make_record(text), text)
    assert run(documents._check_record_against_text, make_record(text, frus=frus(pages=[12])), root) == []


def test_pages_of_a_text_without_markers_are_not_compared(root):
    text = TEXT.replace(" [Page 12]", "")
    write_document(root, make_record(text), text)
    assert run(documents._check_record_against_text, make_record(text, frus=frus(pages=[40, 41])), root) == []
    assert run(documents._check_record_against_text, make_record(text, frus={k: v for k, v in frus().items() if k != "pages"}), root) == []


@pytest.mark.parametrize("date", ["1950-12-17", "1950-12-20", "1950-12-23"])
def test_a_date_within_three_days_of_the_date_code_passes(root, date):
    assert run(documents._check_record_against_text, make_record(date=date), root) == []


@pytest.mark.parametrize("date", ["1950-12-16", "1950-12-24"])
def test_a_date_more_than_three_days_from_the_date_code_is_refused(root, date):
    assert run(documents._check_record_against_text, make_record(date=date), root) == [
        Problem(DOC_FILE, repr(DOC_ID), "date",
                "a date within 3 days of the file designation's date code '320/12–2050' (1950-12-20)", repr(date))]


def test_the_date_code_may_use_a_hyphen_and_a_one_digit_month(root):
    text = TEXT.replace("320/12–2050", "320/1-250")
    write_document(root, make_record(text), text)
    assert run(documents._check_record_against_text, make_record(text, date="1950-01-02"), root) == []
    assert [p.field for p in run(documents._check_record_against_text, make_record(text, date="1950-01-12"), root)] == ["date"]


def test_the_date_code_reads_its_year_in_the_records_century(root):
    text = TEXT.replace("320/12–2050", "320/12–2001")
    write_document(root, make_record(text), text)
    assert run(documents._check_record_against_text, make_record(text, date="2001-12-20"), root) == []


def test_no_date_code_or_no_date_or_an_impossible_code_says_nothing(root):
    assert run(documents._check_record_against_text, make_record(date=None), root) == []
    for designation in ("320/13–4050", "No code here"):
        text = TEXT.replace("320/12–2050", designation)
        write_document(root, make_record(text), text)
        assert run(documents._check_record_against_text, make_record(text, date="1950-06-01"), root) == []


def test_the_edition_names_a_bundled_document(root):
    (root / "documents" / "frus1999v01-d9").mkdir()
    (root / "documents" / "a-file.txt").write_text("not a folder", encoding="utf-8")
    assert run(documents._check_edition, {"default_document": DOC_ID}, root, file="data/edition.json") == []
    assert run(documents._check_edition, {"default_document": "nope"}, root, file="data/edition.json") == [
        Problem("data/edition.json", "", "default_document",
                "the id of an existing bundled document (a folder in data/documents/) (e.g. frus1999v01-d7, frus1999v01-d9)", "'nope'")]


# --------------------------------------------------------------------------- loading
def test_default_document_reads_the_edition_settings(root):
    assert default_document() == DOC_ID


def test_documents_are_listed_by_volume_then_number(root):
    for name in ("frus1999v01-d10", "frus1999v01-d9", "frus1998v01-d70"):
        write_json(root / "documents" / name / "document.json", {})
    (root / "documents" / "frus1999v01-d8").mkdir()  # no document.json: not a bundled document
    assert list_documents() == ["frus1998v01-d70", "frus1999v01-d7", "frus1999v01-d9", "frus1999v01-d10"]


def test_ids_without_a_number_sort_by_their_whole_name():
    assert documents._id_order("frus1950v07-d970") == ("frus1950v07", 970, "")
    assert documents._id_order("frus1950v07-dx") == ("frus1950v07-dx", 0, "frus1950v07-dx")
    assert documents._id_order("plain") == ("plain", 0, "plain")


def expected_record(**changes: Any) -> DocumentRecord:
    fields: dict[str, Any] = dict(
        id=DOC_ID, title="The Secretary of State to the Embassy in Ruritania", volume_id="frus1999v01",
        volume_title="A made-up volume", document_number=7, url=URL, pages=(10, 11, 12), pages_basis="made up",
        date="1950-12-20", date_basis="the date code", rights="public domain", retrieval="written by the test",
        sha256=sha(TEXT.encode()), size_bytes=len(TEXT.encode()), source_ids=("src-a",),
        short_title="Telegram 12, Washington to Ruritania",
        witness=Witness(kind="web-page-text", url=URL, read_via="the test", characters=len(TEXT), coverage="complete"),
    )
    fields.update(changes)
    return DocumentRecord(**fields)


def test_document_record_holds_every_field_of_document_json(root):
    assert document_record(DOC_ID) == expected_record()
    assert document_record() == expected_record()
    assert expected_record().label == "Telegram 12"


def test_a_minimal_record_gets_the_documented_defaults(root):
    record = make_record(sources=[{"source": "src-a"}, {"source": "src-b"}])
    for key in ("short_title", "date", "date_basis", "final_newline"):
        del record[key]
    record["frus"] = {k: v for k, v in frus().items() if k not in ("pages", "pages_basis")}
    record["witness"] = {**record["witness"], "coverage": "partial", "stops_at": "Smith", "note": "a note"}
    write_document(root, record)
    assert document_record(DOC_ID) == expected_record(
        pages=(), pages_basis="unknown", date=None, date_basis=None, short_title=None, source_ids=("src-a", "src-b"),
        witness=Witness(kind="web-page-text", url=URL, read_via="the test", characters=len(TEXT), coverage="partial",
                        stops_at="Smith", note="a note"))
    assert expected_record(short_title=None).label == "FRUS document 7"


def test_an_unknown_document_is_a_key_error_listing_the_bundled_ones(root):
    write_json(root / "documents" / "frus1999v01-d9" / "document.json", {})
    with pytest.raises(KeyError) as caught:
        document_record("frus1999v01-d8")
    assert caught.value.args == ("no bundled document 'frus1999v01-d8'; bundled: frus1999v01-d7, frus1999v01-d9",)


def test_an_altered_text_is_a_text_integrity_error(root):
    (root / "documents" / DOC_ID / "text.txt").write_bytes(TEXT.encode() + b" more")
    with pytest.raises(TextIntegrityError) as caught:
        document_record(DOC_ID)
    assert [(p.file, p.field) for p in caught.value.problems] == [
        (TEXT_FILE, "size"), (TEXT_FILE, "sha256"), (DOC_FILE, "witness.characters")]


def test_a_record_error_that_is_not_the_texts_stays_a_plain_validation_error(root):
    write_document(root, make_record(frus=frus(pages=[12, 11])))
    with pytest.raises(DataValidationError) as caught:
        document_record(DOC_ID)
    assert type(caught.value) is DataValidationError
    assert [p.field for p in caught.value.problems] == ["frus.pages"]


def test_load_document_parses_the_text_with_the_records_first_page(root):
    doc = load_document(DOC_ID)
    assert doc.text == TEXT
    assert doc.source == TEXT_FILE
    assert (doc.first_page, doc.first_page_basis) == (10, f"from documents/{DOC_ID}/document.json (see its pages_basis)")
    assert load_document().text == TEXT
    assert load_telegram().text == TEXT


def test_load_document_without_pages_infers_the_first_page_from_the_marker(root):
    record = make_record()
    record["frus"] = {k: v for k, v in frus().items() if k != "pages"}
    write_document(root, record)
    assert load_document(DOC_ID).first_page == 11


def test_load_document_rechecks_a_text_changed_after_its_record_was_read(root):
    document_record(DOC_ID)  # the record is now cached with the text it was checked against
    (root / "documents" / DOC_ID / "text.txt").write_bytes(b"changed")
    with pytest.raises(TextIntegrityError) as caught:
        load_document(DOC_ID)
    assert caught.value.problems == (
        Problem(TEXT_FILE, "", "size", f"{len(TEXT.encode())} bytes (document.json)", "7 bytes"),
        Problem(TEXT_FILE, "", "sha256", f"{sha(TEXT.encode())} (document.json)", sha(b"changed")),
    )
    (root / "documents" / DOC_ID / "text.txt").unlink()
    with pytest.raises(TextIntegrityError) as caught:
        load_document(DOC_ID)
    assert caught.value.problems == (Problem(TEXT_FILE, "", "", "the verbatim text file", "no such file"),)


def test_load_dossier_loads_every_document_with_its_witness(root):
    other_id = "frus1999v01-d10"
    other = make_record(id=other_id, frus=frus(document_number=10, url=URL.replace("d7", "d10")))
    other["witness"] = {**other["witness"], "url": URL.replace("d7", "d10"), "coverage": "partial", "stops_at": "Smith"}
    write_document(root, other)
    dossier = load_dossier()
    assert [entry.id for entry in dossier] == [DOC_ID, other_id]
    assert dossier[0] == BundledDocument(DOC_ID, expected_record(), dossier[0].document, expected_record().witness)
    assert dossier[0].document.text == TEXT and dossier[1].document.text == TEXT
    assert dossier[1].record.id == other_id and dossier[1].witness.stops_at == "Smith"
    assert [entry.partial for entry in dossier] == [False, True]
