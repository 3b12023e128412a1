"""The telegram as data: loading, structure, offsets, round trip, integrity checks."""

from __future__ import annotations

import dataclasses
import hashlib

import pytest

from kernel_utils import DataValidationError, TextIntegrityError, document_record, load_telegram
from conftest import DATA, SEED

TEXT_FILE = DATA / "documents" / "frus1950v07-d1077" / "text.txt"
SEED_SHA256 = "75a12b851369b09650653901d0a1c1cda8728ca560f25080c6425a9306b4442d"


def test_bundled_text_is_byte_identical_to_the_seed():
    raw = TEXT_FILE.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == SEED_SHA256
    assert not raw.endswith(b"\n")
    if SEED.is_file():  # the seed sits beside the repository on the team's machines and in CI
        assert raw == SEED.read_bytes()


def test_header_is_read_from_the_text():
    t = load_telegram()
    assert t.file_designation == "320.2/12–2050"
    assert t.doc_type == "Telegram"
    assert t.sender == "The Acting Secretary of State"
    assert t.recipient == "the United States Mission at the United Nations"
    assert t.classification == "top secret"
    assert t.precedence == "priority"
    assert t.telegram_number == "602"
    assert t.signature == "Webb"
    assert t.dateline is None and t.received is None  # not printed: not guessed


def test_paragraphs_points_and_page_break():
    t = load_telegram()
    assert [p.id for p in t.paragraphs] == [f"p{n:02d}" for n in range(1, 10)]
    assert {n: p.id for n, p in t.points.items()} == {1: "p02", 2: "p03", 3: "p04"}
    assert [(pb.page, t.text[pb.start:pb.end]) for pb in t.page_breaks] == [(1584, "[Page 1584]")]
    assert t.text[t.page_breaks[0].start - len("bring that about "):t.page_breaks[0].start] == "bring that about "
    assert t.pages == (1583, 1584)
    assert t.paragraph("p03").pages == (1583, 1584)
    assert t.paragraph("p02").pages == (1583,) and t.paragraph("p04").pages == (1584,)
    assert t.page_at(0) == 1583 and t.page_at(len(t.text) - 1) == 1584


def test_spans_point_into_the_verbatim_text():
    t = load_telegram()
    for p in t.paragraphs:
        assert t.text[p.start:p.end] == p.text
        assert "[Page" not in p.reading_text
    assert t.text[t.signature_span[0]:t.signature_span[1]] == "Webb"
    assert t.paragraph("p01").reading_text.startswith("602. In view of the undeniably heightened danger")
    assert "bring that about by peaceful means" in t.paragraph("p03").reading_text


def test_round_trip_rebuilds_the_verbatim_text_exactly():
    t = load_telegram()
    assert t.rebuild_text() == t.text


def test_reading_text_has_no_page_marker_and_ends_with_signature():
    t = load_telegram()
    assert "[Page" not in t.reading_text
    assert t.reading_text.endswith("\n\nWebb")


def test_structure_is_immutable():
    t = load_telegram()
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.signature = "Acheson"  # type: ignore[misc]
    assert isinstance(t.paragraphs, tuple)


def test_paragraph_table():
    frame = load_telegram().paragraph_table()
    assert list(frame.index) == [f"p{n:02d}" for n in range(1, 10)]
    assert frame.loc["p03", "first_page"] == 1583 and frame.loc["p03", "last_page"] == 1584
    assert frame.loc["p04", "point"] == 3
    assert frame["point"].isna().sum() == 6
    assert (frame["end"] > frame["start"]).all()


def test_unknown_paragraph_id_names_the_valid_ones():
    with pytest.raises(KeyError, match="p01"):
        load_telegram().paragraph("p99")


def test_document_record():
    r = document_record()
    assert r.date == "1950-12-20" and r.pages == (1583, 1584) and r.document_number == 1077
    assert r.url == "https://history.state.gov/historicaldocuments/frus1950v07/d1077"


@pytest.mark.parametrize(
    "damage, expected",
    [
        (lambda raw: raw[:-10], ["text.txt", "size", "3240 bytes", "3230 bytes", "sha256"]),
        (lambda raw: raw.replace(b"Webb", b"Wedd"), ["text.txt", "sha256"]),
        (lambda raw: raw + b"\n", ["size", "final newline"]),
    ],
    ids=["truncated", "altered", "final-newline-added"],
)
def test_damaged_text_is_refused_naming_file_and_difference(data_copy, damage, expected):
    target = data_copy / "documents" / "frus1950v07-d1077" / "text.txt"
    target.write_bytes(damage(target.read_bytes()))
    with pytest.raises(TextIntegrityError) as info:
        load_telegram()
    assert isinstance(info.value, DataValidationError)
    message = str(info.value)
    for words in expected:
        assert words in message
    assert "data/documents/frus1950v07-d1077/text.txt" in message


def test_missing_text_is_refused(data_copy):
    (data_copy / "documents" / "frus1950v07-d1077" / "text.txt").unlink()
    with pytest.raises(DataValidationError, match="text.txt.*no such file"):
        load_telegram()


@pytest.mark.parametrize("document_id", ["frus1950v07-d1077", "frus1950v07-d970"])
def test_each_bundled_document_title_is_its_address_line(document_id):
    """The record's title is the address line the parser reads from the text (a test of the real
    data rather than a data rule, so hostile-data tests may still poison titles)."""
    from kernel_utils import load_document

    doc = load_document(document_id)
    assert document_record(document_id).title == f"{doc.sender} to {doc.recipient}"


def test_second_document_is_read_from_its_own_text():
    from kernel_utils import load_document

    doc = load_document("frus1950v07-d970")
    assert (doc.file_designation, doc.doc_type, doc.telegram_number) == ("320/12–450", "Telegram", "Delga 369")
    assert doc.sender == "The United States Representative at the United Nations (Austin)"
    assert doc.received == "December 4—8:12 p. m." and doc.signature is None and doc.classification is None
    assert len(doc.paragraphs) == 6 and [pb.page for pb in doc.page_breaks] == [1379]
    assert doc.pages == (1378, 1379) and doc.paragraph("p05").pages == (1378, 1379)
    assert doc.rebuild_text() == doc.text
    record = document_record("frus1950v07-d970")
    assert record.date == "1950-12-04" and "inference" in record.pages_basis
