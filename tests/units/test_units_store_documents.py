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
from data_folder import reading_data_from

from kernel_utils.errors import DataValidationError, Problem, TextIntegrityError
from kernel_utils.store import documents, entities
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
    "12. First paragraph of the body, which names Ruritania.\n"
    "Ruritania begins the second [Page 12] and goes over a page.\n"
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
        "frus": {
            "volume_id": "frus1999v01",
            "volume_title": "A made-up volume",
            "document_number": 7,
            "pages": [10, 11, 12],
            "pages_basis": "made up",
            "url": URL,
        },
        "rights": "public domain",
        "retrieval": "written by the test",
        "sources": [{"source": "src-a", "evidence": "320/12–2050"}],
        "witness": {
            "kind": "web-page-text",
            "url": URL,
            "read_via": "the test",
            "characters": len(text),
            "coverage": "complete",
        },
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
    with reading_data_from(data, monkeypatch):
        yield data


def run(check, data: dict[str, Any], root: Path, file: str = DOC_FILE) -> list[Problem]:
    return list(check(data, CheckContext(root, file=file)))


# --------------------------------------------------------------------------- text integrity
def test_a_missing_text_is_one_problem_naming_the_file(root):
    assert text_integrity_problems(DOC_ID, {"size_bytes": 1, "sha256": "0"}, None) == [
        Problem(TEXT_FILE, "", "", "the verbatim text file", "no such file")
    ]


def test_a_text_that_matches_its_record_has_no_problem(root):
    raw = b"abc\n"
    assert text_integrity_problems(DOC_ID, {"size_bytes": 4, "sha256": sha(raw)}, raw) == []
    assert text_integrity_problems(DOC_ID, {"size_bytes": 4, "sha256": sha(raw), "final_newline": True}, raw) == []
    assert (
        text_integrity_problems(DOC_ID, {"size_bytes": 3, "sha256": sha(b"abc"), "final_newline": False}, b"abc") == []
    )


def test_size_checksum_encoding_and_final_newline_are_each_named(root):
    raw = b"ab\xff\n"
    found = text_integrity_problems(DOC_ID, {"size_bytes": 3, "sha256": "0" * 64, "final_newline": False}, raw)
    assert found == [
        Problem(TEXT_FILE, "", "size", "3 bytes (document.json)", "4 bytes"),
        Problem(TEXT_FILE, "", "sha256", f"{'0' * 64} (document.json)", sha(raw)),
        Problem(TEXT_FILE, "byte 2", "encoding", "UTF-8 text", "bytes that are not UTF-8"),
        Problem(
            TEXT_FILE, "", "final newline", "no newline at the end (the text is kept byte for byte)", "a final newline"
        ),
    ]


# --------------------------------------------------------------------------- the record's rules
def test_a_valid_record_passes_both_rules(root):
    assert run(documents._check_document, make_record(), root) == []
    assert run(documents._check_record_against_text, make_record(), root) == []


def test_an_id_that_is_not_the_folder_name_stops_the_document_check(root):
    data = make_record(id="frus1999v01-d8", sources=[{"source": "nowhere"}])
    assert run(documents._check_document, data, root) == [
        Problem(DOC_FILE, "", "id", "the name of the folder holding this document.json", "'frus1999v01-d8'")
    ]


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
        Problem(TEXT_FILE, "", "", "the verbatim text file", "no such file")
    ]


def test_each_unknown_source_is_named_with_its_position(root):
    data = make_record(sources=[{"source": "src-a"}, {"source": "src-z"}])
    assert run(documents._check_document, data, root) == [
        Problem(
            DOC_FILE,
            "",
            "sources.1.source",
            "the id of an existing source in data/sources.json (e.g. src-a, src-b)",
            "'src-z'",
        )
    ]


def test_an_id_with_the_right_volume_but_the_wrong_number_blames_the_number(root):
    data = make_record(id="frus1999v01-d8", frus=frus(url="https://example.org/"))
    assert run(documents._check_record_against_text, data, root) == [
        Problem(
            DOC_FILE,
            "'frus1999v01-d8'",
            "frus.document_number",
            "the volume and number in the id 'frus1999v01-d8'",
            "'frus1999v01-d7' from frus.volume_id and frus.document_number",
        )
    ]


def test_an_id_with_another_volume_blames_the_volume(root):
    data = make_record(id="frus1999v02-d7")
    assert run(documents._check_record_against_text, data, root) == [
        Problem(
            DOC_FILE,
            "'frus1999v02-d7'",
            "frus.volume_id",
            "the volume and number in the id 'frus1999v02-d7'",
            "'frus1999v01-d7' from frus.volume_id and frus.document_number",
        )
    ]


def test_a_wrong_url_is_named_and_the_other_checks_go_on(root):
    data = make_record(frus=frus(url="https://history.state.gov/historicaldocuments/frus1999v01/d70", pages=[10, 12]))
    assert run(documents._check_record_against_text, data, root) == [
        Problem(
            DOC_FILE, repr(DOC_ID), "frus.url", URL, "'https://history.state.gov/historicaldocuments/frus1999v01/d70'"
        ),
        Problem(
            DOC_FILE,
            repr(DOC_ID),
            "witness.url",
            "the web page read, https://history.state.gov/historicaldocuments/frus1999v01/d70 (frus.url)",
            repr(URL),
        ),
        Problem(DOC_FILE, repr(DOC_ID), "frus.pages", "consecutive page numbers in ascending order", "[10, 12]"),
    ]


def test_a_missing_text_leaves_the_text_checks_to_the_integrity_rule(root):
    (root / "documents" / DOC_ID / "text.txt").unlink()
    assert run(documents._check_record_against_text, make_record(frus=frus(pages=[3, 1])), root) == []


def test_a_text_the_parser_refuses_is_reported_with_its_line(root):
    (root / "documents" / DOC_ID / "text.txt").write_text("320/1: Telegram\n[Page x] words", encoding="utf-8")
    assert run(documents._check_record_against_text, make_record(), root) == [
        Problem(
            TEXT_FILE, "line 2", "text", "a page marker of the form '[Page 123]'", "malformed page marker '[Page x]'"
        )
    ]


def test_a_parser_error_without_found_words_adds_nothing_to_the_message(root):
    (root / "documents" / DOC_ID / "text.txt").write_text("", encoding="utf-8")
    assert run(documents._check_record_against_text, make_record(), root) == [
        Problem(TEXT_FILE, "line 1", "text", "a FRUS document", "the text is empty")
    ]


def test_witness_problems_are_reported_by_the_record_rule(root):
    data = make_record(witness={**make_record()["witness"], "characters": 5})
    assert run(documents._check_record_against_text, data, root) == [
        Problem(
            DOC_FILE, repr(DOC_ID), "witness.characters", f"the number of characters of text.txt ({len(TEXT)})", "5"
        )
    ]


def test_a_heading_field_that_differs_from_the_parsed_text_is_named(root):
    heading = {
        "sender": "The Secretary of State",
        "recipient": "the Embassy in Elbonia",
        "telegram_number": "13",
        "not_a_heading_field": "ignored",
    }
    assert run(documents._check_record_against_text, make_record(heading=heading), root) == [
        Problem(
            DOC_FILE,
            repr(DOC_ID),
            "heading.recipient",
            "what the parser reads from text.txt: 'the Embassy in Ruritania'",
            "'the Embassy in Elbonia'",
        ),
        Problem(DOC_FILE, repr(DOC_ID), "heading.telegram_number", "what the parser reads from text.txt: '12'", "'13'"),
    ]


def test_every_heading_field_is_compared(root):
    parsed = {
        "file_designation": "320/12–2050",
        "doc_type": "Telegram",
        "sender": "The Secretary of State",
        "recipient": "the Embassy in Ruritania",
        "classification": "top secret",
        "precedence": None,
        "telegram_number": "12",
        "dateline": "Washington, December 20, 1950—6 p. m.",
        "received": None,
    }
    assert documents.HEADING_FIELDS == tuple(parsed)
    assert run(documents._check_record_against_text, make_record(heading=parsed), root) == []
    wrong = {name: "x" for name in parsed}
    assert [p.field for p in run(documents._check_record_against_text, make_record(heading=wrong), root)] == [
        f"heading.{name}" for name in parsed
    ]


def test_an_empty_heading_is_not_checked(root):
    assert run(documents._check_record_against_text, make_record(heading={}), root) == []


def test_pages_out_of_order_are_refused(root):
    assert run(documents._check_record_against_text, make_record(frus=frus(pages=[12, 11])), root) == [
        Problem(DOC_FILE, repr(DOC_ID), "frus.pages", "consecutive page numbers in ascending order", "[12, 11]")
    ]


def test_pages_missing_a_marked_page_are_refused(root):
    text = TEXT.replace("Smith", "[Page 13] Smith")
    write_document(root, make_record(text), text)
    assert run(documents._check_record_against_text, make_record(text, frus=frus(pages=[11, 12])), root) == [
        Problem(
            DOC_FILE, repr(DOC_ID), "frus.pages", "every page the text marks ([Page 12, 13])", "[11, 12] without [13]"
        )
    ]


def test_pages_must_end_on_the_last_marked_page(root):
    text = TEXT.replace("Smith", "[Page 13] Smith")
    write_document(root, make_record(text), text)
    assert run(documents._check_record_against_text, make_record(text, frus=frus(pages=[11, 12, 13, 14])), root) == [
        Problem(DOC_FILE, repr(DOC_ID), "frus.pages", "to end on the last page the text marks (13)", "[11, 12, 13, 14]")
    ]
    assert run(documents._check_record_against_text, make_record(text, frus=frus(pages=[11, 12, 13])), root) == []


def test_pages_must_begin_before_a_marker_inside_the_text(root):
    assert run(documents._check_record_against_text, make_record(frus=frus(pages=[12])), root) == [
        Problem(
            DOC_FILE, repr(DOC_ID), "frus.pages", "to begin before page 12, whose marker stands inside the text", "[12]"
        )
    ]
    assert run(documents._check_record_against_text, make_record(frus=frus(pages=[11, 12])), root) == []


def test_a_marker_before_the_first_paragraph_may_be_the_first_page(root):
    text = "320/12–2050: Telegram\n[Page 12]\nThe Secretary of State to the Embassy in Ruritania\nThe body of it."
    write_document(root, make_record(text), text)
    assert run(documents._check_record_against_text, make_record(text, frus=frus(pages=[12])), root) == []


def test_pages_of_a_text_without_markers_are_not_compared(root):
    text = TEXT.replace(" [Page 12]", "")
    write_document(root, make_record(text), text)
    assert run(documents._check_record_against_text, make_record(text, frus=frus(pages=[40, 41])), root) == []
    assert (
        run(
            documents._check_record_against_text,
            make_record(text, frus={k: v for k, v in frus().items() if k != "pages"}),
            root,
        )
        == []
    )


@pytest.mark.parametrize("date", ["1950-12-17", "1950-12-20", "1950-12-23"])
def test_a_date_within_three_days_of_the_date_code_passes(root, date):
    assert run(documents._check_record_against_text, make_record(date=date), root) == []


@pytest.mark.parametrize("date", ["1950-12-16", "1950-12-24"])
def test_a_date_more_than_three_days_from_the_date_code_is_refused(root, date):
    assert run(documents._check_record_against_text, make_record(date=date), root) == [
        Problem(
            DOC_FILE,
            repr(DOC_ID),
            "date",
            "a date within 3 days of the file designation's date code '320/12–2050' (1950-12-20)",
            repr(date),
        )
    ]


def test_the_date_code_may_use_a_hyphen_and_a_one_digit_month(root):
    text = TEXT.replace("320/12–2050", "320/1-250")
    write_document(root, make_record(text), text)
    assert run(documents._check_record_against_text, make_record(text, date="1950-01-02"), root) == []
    assert [p.field for p in run(documents._check_record_against_text, make_record(text, date="1950-01-12"), root)] == [
        "date"
    ]


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
        Problem(
            "data/edition.json",
            "",
            "default_document",
            "the id of an existing bundled document (a folder in data/documents/) (e.g. frus1999v01-d7, frus1999v01-d9)",
            "'nope'",
        )
    ]


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
        id=DOC_ID,
        title="The Secretary of State to the Embassy in Ruritania",
        volume_id="frus1999v01",
        volume_title="A made-up volume",
        document_number=7,
        url=URL,
        pages=(10, 11, 12),
        pages_basis="made up",
        date="1950-12-20",
        date_basis="the date code",
        rights="public domain",
        retrieval="written by the test",
        sha256=sha(TEXT.encode()),
        size_bytes=len(TEXT.encode()),
        source_ids=("src-a",),
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
        pages=(),
        pages_basis="unknown",
        date=None,
        date_basis=None,
        short_title=None,
        source_ids=("src-a", "src-b"),
        witness=Witness(
            kind="web-page-text",
            url=URL,
            read_via="the test",
            characters=len(TEXT),
            coverage="partial",
            stops_at="Smith",
            note="a note",
        ),
    )
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
        (TEXT_FILE, "size"),
        (TEXT_FILE, "sha256"),
        (DOC_FILE, "witness.characters"),
    ]


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
    assert (doc.first_page, doc.first_page_basis) == (
        10,
        f"from documents/{DOC_ID}/document.json (see its pages_basis)",
    )
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
    other_text = OTHER_TEXT.replace("One paragraph", "A paragraph")
    other = make_record(
        other_text,
        id=other_id,
        frus={k: v for k, v in frus(document_number=10, url=URL.replace("d7", "d10")).items() if k != "pages"},
    )
    other["witness"] = {**other["witness"], "url": URL.replace("d7", "d10"), "coverage": "partial", "stops_at": "Smith"}
    write_document(root, other, other_text)
    dossier = load_dossier()
    assert [entry.id for entry in dossier] == [DOC_ID, other_id]
    assert dossier[0] == BundledDocument(DOC_ID, expected_record(), dossier[0].document, expected_record().witness)
    assert dossier[0].document.text == TEXT and dossier[1].document.text == other_text
    assert dossier[1].record.id == other_id and dossier[1].witness.stops_at == "Smith"
    assert [entry.partial for entry in dossier] == [False, True]


# =========================================================================== entities
PEOPLE = "data/entities/people.json"
MENTIONS = f"data/documents/{DOC_ID}/mentions.json"


def person(id: str = "smith", name: str = "John Smith", **changes: Any) -> dict[str, Any]:
    """A person whose full name stands in the evidence of the role's source."""
    entity: dict[str, Any] = {
        "id": id,
        "name": name,
        "type": "person",
        "role_in_dec_1950": {
            "text": "Signs the telegram.",
            "status": "verified",
            "sources": [{"source": "src-a", "evidence": f"Mr. {name} signed"}],
        },
    }
    entity.update(changes)
    return entity


def role(
    status: str = "verified", text: str = "Signs the telegram.", sources: Any = None, **extra: Any
) -> dict[str, Any]:
    return {
        "text": text,
        "status": status,
        "sources": [{"source": "src-a", "evidence": "x"}] if sources is None else sources,
        **extra,
    }


def check_names(entity: dict[str, Any], root: Path) -> list[Problem]:
    return list(entities.check_name_expansion(entity, CheckContext(root, file=PEOPLE), record="'smith'"))


def test_entity_ids_in_files_reads_every_file_raw_and_skips_what_it_cannot_read(root):
    assert entities.entity_ids_in_files(CheckContext(root)) == {}
    write_json(
        root / "entities" / "a.json", {"entities": [{"id": "x"}, {"id": "y"}, {"name": "no id"}, {"id": 3}, "text"]}
    )
    write_json(root / "entities" / "b.json", {"entities": [{"id": "x"}]})
    write_json(root / "entities" / "c.json", [{"id": "c"}])
    write_json(root / "entities" / "d.json", {"entities": {"id": "d"}})
    (root / "entities" / "e.json").write_text("{not json", encoding="utf-8")
    write_json(root / "entities" / "f.txt", {"entities": [{"id": "f"}]})
    assert entities.entity_ids_in_files(CheckContext(root)) == {
        "x": ["data/entities/a.json", "data/entities/b.json"],
        "y": ["data/entities/a.json"],
    }


def test_a_verified_full_name_must_stand_in_the_evidence(root):
    assert check_names(person(), root) == []
    named_elsewhere = person(role_in_dec_1950=role(sources=[{"source": "src-a", "evidence": "Smith signed"}]))
    assert check_names(named_elsewhere, root) == [
        Problem(
            PEOPLE,
            "'smith'",
            "name",
            "a name stated in the evidence of name_sources or role sources (else name_status 'inferred' with name_basis)",
            "'John Smith'",
        )
    ]


def test_the_name_may_stand_in_name_sources_with_other_white_space(root):
    entity = person(
        name="John  Smith",
        role_in_dec_1950=role(sources=["not a reference", {"source": "src-a"}]),
        name_sources=[{"source": "src-b", "evidence": "by John\nSmith"}],
    )
    assert check_names(entity, root) == []
    assert [p.field for p in check_names({**entity, "name_sources": [{"source": "src-b"}]}, root)] == ["name"]


def test_a_person_without_a_role_is_checked_only_when_the_name_is_claimed_verified(root):
    entity = person()
    del entity["role_in_dec_1950"]
    assert check_names(entity, root) == []
    assert [p.field for p in check_names({**entity, "name_status": "verified"}, root)] == ["name"]
    assert (
        check_names(
            {**entity, "name_status": "verified", "name_sources": [{"source": "s", "evidence": "John Smith"}]}, root
        )
        == []
    )


def test_an_inferred_role_leaves_the_name_unclaimed(root):
    entity = person(role_in_dec_1950=role(status="inferred", sources=[{"source": "src-a", "evidence": "Smith"}]))
    assert check_names(entity, root) == []


def test_an_inferred_name_needs_its_basis(root):
    entity = person(name_status="inferred", role_in_dec_1950=role(sources=[]))
    assert check_names(entity, root) == [
        Problem(
            PEOPLE, "'smith'", "name_basis", "what the sources give and where the inferred expansion comes from", "none"
        )
    ]
    assert check_names({**entity, "name_basis": "the surname only; the first name from elsewhere"}, root) == []


def test_names_of_other_kinds_of_entity_are_not_checked(root):
    assert check_names(person(type="organization", role_in_dec_1950=role(sources=[])), root) == []


def check_entities(records: list[dict[str, Any]], root: Path) -> list[Problem]:
    return run(entities._check_entities, {"entities": records}, root, file=PEOPLE)


def test_a_well_formed_entity_file_has_no_problem(root):
    write_json(root / "entities" / "people.json", {"entities": [person()]})
    modern = {
        "value": "Smyth",
        "status": "verified",
        "basis": "b",
        "sources": [{"source": "src-a", "evidence": "Smyth"}],
    }
    assert check_entities([person(aliases=["Smith", "John Smith"], modern_spelling=modern)], root) == []


def test_an_id_defined_in_other_files_names_them_once_each(root):
    write_json(root / "entities" / "people.json", {"entities": [person()]})
    write_json(root / "entities" / "b.json", {"entities": [person(), person()]})
    write_json(root / "entities" / "c.json", {"entities": [person()]})
    assert check_entities([person()], root) == [
        Problem(
            PEOPLE,
            "'smith'",
            "id",
            "an entity id used in no other file of data/entities/",
            "'smith', also defined in data/entities/b.json, data/entities/c.json",
        )
    ]


def test_a_duplicate_id_within_the_file_is_named(root):
    assert check_entities([person(), person()], root) == [
        Problem(PEOPLE, "#2", "id", "a unique entity id", "'smith' again (first used by entity #1)")
    ]


def test_the_role_needs_the_support_its_status_claims(root):
    assert check_entities(
        [person(role_in_dec_1950=role(sources=[]), name_sources=[{"source": "src-a", "evidence": "John Smith"}])], root
    ) == [
        Problem(
            PEOPLE,
            "'smith'",
            "role_in_dec_1950.sources",
            "at least one source for a statement whose status is verified",
            "no source",
        )
    ]
    assert check_entities([person(role_in_dec_1950=role(status="unknown", sources=[]))], root) == [
        Problem(
            PEOPLE,
            "'smith'",
            "role_in_dec_1950.text",
            "'unknown' for a statement whose status is unknown",
            "'Signs the telegram.'",
        )
    ]
    inferred = role(status="inferred", sources=[{"source": "src-a", "evidence": "x"}])
    assert [p.field for p in check_entities([person(role_in_dec_1950=inferred)], root)] == [
        "role_in_dec_1950.reasoning"
    ]
    assert check_entities([person(role_in_dec_1950={**inferred, "reasoning": "because"})], root) == []


def test_the_sources_of_role_and_name_are_checked(root):
    entity = person(
        role_in_dec_1950=role(sources=[{"source": "src-z", "evidence": "John Smith"}]),
        name_sources=[{"source": "src-a"}],
    )
    assert check_entities([entity], root) == [
        Problem(
            PEOPLE,
            "'smith'",
            "role_in_dec_1950.sources.0.source",
            "the id of an existing source in data/sources.json (e.g. src-a, src-b)",
            "'src-z'",
        ),
        Problem(PEOPLE, "'smith'", "name_sources.0.evidence", "the source's own words as evidence", "no evidence"),
    ]


def test_a_verified_modern_spelling_needs_a_source(root):
    modern = {"value": "Smyth", "status": "verified", "basis": "b"}
    assert check_entities([person(modern_spelling=modern)], root) == [
        Problem(
            PEOPLE,
            "'smith'",
            "modern_spelling.sources",
            "a source read that uses the modern spelling (status verified)",
            "no source",
        )
    ]
    assert check_entities([person(modern_spelling={**modern, "status": "inferred"})], root) == []
    assert check_entities(
        [person(modern_spelling={**modern, "sources": [{"source": "src-z", "evidence": "Smyth"}]})], root
    ) == [
        Problem(
            PEOPLE,
            "'smith'",
            "modern_spelling.sources.0.source",
            "the id of an existing source in data/sources.json (e.g. src-a, src-b)",
            "'src-z'",
        )
    ]


def test_an_alias_listed_twice_is_named(root):
    assert check_entities([person(aliases=["Smith", "Smith"])], root) == [
        Problem(PEOPLE, "'smith'", "aliases", "each alias once", "['Smith', 'Smith']")
    ]


def mention(id: str, entity: str, quote: str, start: int | None = None, end: int | None = None) -> dict[str, Any]:
    start = TEXT.index(quote) if start is None else start
    return {
        "id": id,
        "entity": entity,
        "start": start,
        "end": start + len(quote) if end is None else end,
        "quote": quote,
    }


def check_mentions(data: dict[str, Any], root: Path, file: str = MENTIONS) -> list[Problem]:
    return run(entities._check_mentions, data, root, file=file)


def test_mentions_are_checked_against_entities_and_the_text(root):
    write_json(root / "entities" / "people.json", {"entities": [person(), person("jones")]})
    good = mention("m1", "smith", "Smith")
    assert check_mentions({"document": DOC_ID, "mentions": [good]}, root) == []
    data = {
        "document": DOC_ID,
        "mentions": [good, mention("m2", "nobody", "Smith"), mention("m3", "smith", "Smith", start=0), good],
    }
    assert check_mentions(data, root) == [
        Problem(MENTIONS, "#4", "id", "a unique mention id", "'m1' again (first used by mention #1)"),
        Problem(
            MENTIONS,
            "'m2'",
            "entity",
            "the id of an existing entity in data/entities/*.json (e.g. jones, smith)",
            "'nobody'",
        ),
        Problem(
            MENTIONS,
            "'m3'",
            "quote",
            "the words the text has at 0–5: '320/1'",
            f"'Smith' (the quoted words stand at {TEXT.index('Smith')}–{len(TEXT)})",
        ),
    ]


def test_mentions_of_a_document_without_text_say_so(root):
    (root / "documents" / DOC_ID / "text.txt").unlink()
    assert check_mentions({"document": DOC_ID, "mentions": [mention("m1", "smith", "Smith")]}, root) == [
        Problem(MENTIONS, "'m1'", "entity", "the id of an existing entity in data/entities/*.json (e.g. )", "'smith'"),
        Problem(MENTIONS, "'m1'", "document", "a bundled document whose text can be read", repr(DOC_ID)),
    ]


def test_mentions_must_name_the_folder_they_stand_in(root):
    data = {"document": "frus1999v01-d8", "mentions": [mention("m1", "nobody", "Smith")]}
    assert check_mentions(data, root) == [
        Problem(
            MENTIONS,
            "",
            "document",
            "the id of the document folder holding this file ('frus1999v01-d7')",
            "'frus1999v01-d8'",
        )
    ]
    assert check_mentions(data, root, file="mentions.json") == [
        Problem(
            "mentions.json", "", "document", "the id of the document folder holding this file ('')", "'frus1999v01-d8'"
        )
    ]


# --------------------------------------------------------------------------- loading entities and mentions
def entity_data(root: Path) -> None:
    """Two entity files and the mentions of the made-up document."""
    state = {
        "id": "state",
        "name": "Secretary of State",
        "type": "organization",
        "aliases": ["Secretary of State"],
        "role_in_dec_1950": role(status="inferred", reasoning="from the heading"),
        "implied": True,
        "note": "a note",
        "modern_spelling": {"value": "SecState", "status": "inferred", "basis": "an abbreviation"},
    }
    smith = person(aliases=["Smith"], name_status="inferred", name_basis="the signature")
    write_json(root / "entities" / "people.json", {"entities": [smith, state]})
    write_json(
        root / "entities" / "places.json",
        {
            "entities": [
                {
                    "id": "ruritania",
                    "name": "Ruritania",
                    "type": "state",
                    "aliases": ["Ruritania"],
                    "role_in_dec_1950": role(),
                }
            ]
        },
    )
    second = TEXT.index("Ruritania begins")
    write_json(
        root / "documents" / DOC_ID / "mentions.json",
        {
            "document": DOC_ID,
            "mentions": [
                mention("m4", "smith", "Smith"),
                mention("m3", "ruritania", "Ruritania", start=second),
                mention("m2", "ruritania", "Ruritania begins", start=second),
                mention("m1", "state", "Secretary of State"),
                mention("m0", "ruritania", "Ruritania", start=second),
            ],
        },
    )


def test_entity_files_are_listed_in_name_order(root):
    assert entities.entity_files() == []
    entity_data(root)
    (root / "entities" / "notes.txt").write_text("not an entity file", encoding="utf-8")
    assert entities.entity_files() == ["entities/people.json", "entities/places.json"]


def test_load_entities_merges_the_files_into_whole_records(root):
    entity_data(root)
    loaded = entities.load_entities()
    assert list(loaded) == ["smith", "state", "ruritania"]
    assert loaded["smith"] == entities.Entity(
        id="smith",
        name="John Smith",
        type="person",
        role="Signs the telegram.",
        role_status="verified",
        role_sources=(SourceRef("src-a", "Mr. John Smith signed", None),),
        role_reasoning=None,
        aliases=("Smith",),
        implied=False,
        note=None,
        file=PEOPLE,
        name_status="inferred",
        name_basis="the signature",
    )
    assert loaded["state"] == entities.Entity(
        id="state",
        name="Secretary of State",
        type="organization",
        role="Signs the telegram.",
        role_status="inferred",
        role_sources=(SourceRef("src-a", "x", None),),
        role_reasoning="from the heading",
        aliases=("Secretary of State",),
        implied=True,
        note="a note",
        file=PEOPLE,
        modern_spelling="SecState",
        modern_spelling_status="inferred",
        modern_spelling_basis="an abbreviation",
    )
    assert loaded["ruritania"].file == "data/entities/places.json"


def test_an_entity_without_aliases_or_flags_gets_the_defaults(root):
    write_json(root / "entities" / "people.json", {"entities": [person()]})
    assert entities.load_entities()["smith"] == entities.Entity(
        id="smith",
        name="John Smith",
        type="person",
        role="Signs the telegram.",
        role_status="verified",
        role_sources=(SourceRef("src-a", "Mr. John Smith signed", None),),
        role_reasoning=None,
        aliases=(),
        implied=False,
        note=None,
        file=PEOPLE,
    )


def test_mentions_load_in_text_order_longest_first_then_by_id(root):
    entity_data(root)
    second = TEXT.index("Ruritania begins")
    expected = (
        entities.Mention(
            "m1", "state", TEXT.index("Secretary"), TEXT.index("Secretary") + 18, "Secretary of State", DOC_ID
        ),
        entities.Mention("m2", "ruritania", second, second + 16, "Ruritania begins", DOC_ID),
        entities.Mention("m0", "ruritania", second, second + 9, "Ruritania", DOC_ID),
        entities.Mention("m3", "ruritania", second, second + 9, "Ruritania", DOC_ID),
        entities.Mention("m4", "smith", TEXT.index("Smith"), len(TEXT), "Smith", DOC_ID),
    )
    assert entities.load_mentions(DOC_ID) == expected
    assert entities.load_mentions() == expected


def test_aliases_are_found_as_whole_words_only():
    assert entities.alias_occurrences("Korea’s Korean NKorea Korea", "Korea") == [(0, 5), (22, 27)]
    assert entities.alias_occurrences("U.S. and UxSx", "U.S.") == [(0, 4)]


def test_unannotated_occurrences_lists_each_alias_without_a_mention(root):
    entity_data(root)
    first = TEXT.index("Ruritania")
    named = TEXT.index("Ruritania.")
    assert entities.unannotated_occurrences(DOC_ID) == [
        ("ruritania", "Ruritania", first, first + 9),
        ("ruritania", "Ruritania", named, named + 9),
    ]
    assert entities.unannotated_occurrences() == entities.unannotated_occurrences(DOC_ID)


def test_the_mentions_table_places_each_mention_in_head_paragraph_or_signature(root):
    entity_data(root)
    table = entities.mentions_table(DOC_ID)
    assert list(table.columns) == ["entity", "name", "type", "quote", "start", "end", "paragraph"]
    assert table.index.name == "id"
    rows = {
        mid: (row["entity"], row["name"], row["type"], row["quote"], row["paragraph"]) for mid, row in table.iterrows()
    }
    assert rows == {
        "m1": ("state", "Secretary of State", "organization", "Secretary of State", "head"),
        "m2": ("ruritania", "Ruritania", "state", "Ruritania begins", "p02"),
        "m0": ("ruritania", "Ruritania", "state", "Ruritania", "p02"),
        "m3": ("ruritania", "Ruritania", "state", "Ruritania", "p02"),
        "m4": ("smith", "John Smith", "person", "Smith", "signature"),
    }
    assert list(table.index) == ["m1", "m2", "m0", "m3", "m4"]
    assert [int(v) for v in table["start"]] == [m.start for m in entities.load_mentions(DOC_ID)]
    assert [int(v) for v in table["end"]] == [m.end for m in entities.load_mentions(DOC_ID)]
    assert list(entities.mentions_table().index) == list(table.index)


OTHER_ID = "frus1999v01-d9"
#: A second made-up document, not the edition's default: one paragraph between heading and signature.
OTHER_TEXT = "320/12–2050: Telegram\nThe Secretary of State to the Embassy in Ruritania\nOne paragraph only, about Ruritania.\nSmith"


def add_other_document(root: Path, mentions: list[dict[str, Any]]) -> None:
    url = URL.replace("d7", "d9")
    record = make_record(
        OTHER_TEXT, id=OTHER_ID, frus={k: v for k, v in frus(document_number=9, url=url).items() if k != "pages"}
    )
    record["witness"] = {**record["witness"], "url": url}
    write_document(root, record, OTHER_TEXT)
    write_json(root / "documents" / OTHER_ID / "mentions.json", {"document": OTHER_ID, "mentions": mentions})


def test_unannotated_occurrences_reads_the_document_asked_for_not_the_default(root):
    entity_data(root)
    head = OTHER_TEXT.index("Ruritania")
    add_other_document(
        root, [{"id": "o1", "entity": "ruritania", "start": head, "end": head + 9, "quote": "Ruritania"}]
    )
    body = OTHER_TEXT.index("Ruritania.")
    assert entities.unannotated_occurrences(OTHER_ID) == [
        ("smith", "Smith", len(OTHER_TEXT) - 5, len(OTHER_TEXT)),
        ("state", "Secretary of State", 26, 44),
        ("ruritania", "Ruritania", body, body + 9),
    ]


def test_the_mentions_table_of_a_one_paragraph_document_other_than_the_default(root):
    entity_data(root)
    head, body, sign = OTHER_TEXT.index("Secretary"), OTHER_TEXT.index("Ruritania."), len(OTHER_TEXT) - 5
    add_other_document(
        root,
        [
            {"id": "o1", "entity": "state", "start": head, "end": head + 18, "quote": "Secretary of State"},
            {"id": "o2", "entity": "ruritania", "start": body, "end": body + 9, "quote": "Ruritania"},
            {"id": "o3", "entity": "smith", "start": sign, "end": sign + 5, "quote": "Smith"},
        ],
    )
    table = entities.mentions_table(OTHER_ID)
    assert list(table.index) == ["o1", "o2", "o3"]
    assert list(table["paragraph"]) == ["head", "p01", "signature"]


def test_the_mentions_table_of_a_document_without_mentions_is_empty_with_its_columns(root):
    entity_data(root)
    add_other_document(root, [])
    table = entities.mentions_table(OTHER_ID)
    assert len(table) == 0
    assert list(table.columns) == ["entity", "name", "type", "quote", "start", "end", "paragraph"]
    assert table.index.name == "id"


@pytest.mark.parametrize("name", ["XX", "None"])
def test_a_reference_without_evidence_supports_no_name(root, name):
    entity = person(name=name, role_in_dec_1950=role(sources=[{"source": "src-a"}]))
    assert [p.field for p in check_names(entity, root)] == ["name"]


def test_the_entity_rule_checks_a_persons_full_name(root):
    entity = person(role_in_dec_1950=role(sources=[{"source": "src-a", "evidence": "Smith signed"}]))
    assert check_entities([entity], root) == [
        Problem(
            PEOPLE,
            "'smith'",
            "name",
            "a name stated in the evidence of name_sources or role sources (else name_status 'inferred' with name_basis)",
            "'John Smith'",
        )
    ]


def test_the_document_of_mentions_is_the_folder_just_above_the_file_however_deep(root):
    data = {"document": DOC_ID, "mentions": []}
    assert check_mentions(data, root, file=f"copy/of/data/documents/{DOC_ID}/mentions.json") == []
    assert check_mentions(data, root, file=f"{DOC_ID}/mentions.json") == []


def test_a_marker_inside_the_first_paragraph_needs_an_earlier_first_page(root):
    text = TEXT.replace(" [Page 12]", "").replace("First paragraph", "First [Page 12] paragraph")
    write_document(root, make_record(text), text)
    assert [
        p.expected for p in run(documents._check_record_against_text, make_record(text, frus=frus(pages=[12])), root)
    ] == ["to begin before page 12, whose marker stands inside the text"]


def test_a_marker_opening_the_first_paragraph_may_be_the_first_page(root):
    text = TEXT.replace(" [Page 12]", "").replace("12. First", "[Page 12] 12. First")
    write_document(root, make_record(text), text)
    assert run(documents._check_record_against_text, make_record(text, frus=frus(pages=[12])), root) == []


def test_the_number_is_read_after_the_last_d_marker():
    assert documents._id_order("frus1950-dv07-d5") == ("frus1950-dv07", 5, "")
