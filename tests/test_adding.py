"""``python -m kernel_utils add``: bundling a document from a page text or a TEI volume, offline."""

from __future__ import annotations

import json

import pytest

from kernel_utils.__main__ import main
from kernel_utils.store import adding
from kernel_utils.store.adding import (
    AddError,
    AddRequest,
    add_document,
    fetch_tei_volume,
    parse_document_id,
)
from kernel_utils.store.validation import validate_paths
from tests.conftest import ROOT

TEXTS = ROOT / "tests" / "fixtures" / "frus" / "texts"
TEI = ROOT / "tests" / "fixtures" / "tei"
TEI_TITLE = "Foreign Relations of the United States, 1930, Volume I (test title)"


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["add", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_a_partial_page_text(data_copy, capsys):
    source = TEXTS / "frus1950v07-d1051.txt"
    code, out, err = _cli(capsys, "frus1950v07-d1051", "--from", str(source))
    assert code == 0, err
    assert "partial witness" in out
    folder = data_copy / "documents" / "frus1950v07-d1051"
    assert (folder / "text.txt").read_bytes() == source.read_bytes()  # byte for byte
    record = json.loads((folder / "document.json").read_text(encoding="utf-8"))
    assert record["heading"]["telegram_number"] == "Delga 435"
    assert record["heading"]["file_designation"] == "557.AD/12–1450"
    assert record["title"] == "The United States Representative at the United Nations (Austin) to the Secretary of State"
    assert record["date"] == "1950-12-14" and "file designation 557.AD/12–1450" in record["date_basis"]
    witness = record["witness"]
    assert witness["coverage"] == "partial" and witness["characters"] == len(source.read_text(encoding="utf-8"))
    assert source.read_text(encoding="utf-8").endswith(witness["stops_at"])
    assert "nothing is claimed" in witness["note"]
    assert any(s["id"] == "frus1950v07-d1051" for s in json.loads((data_copy / "sources.json").read_text(encoding="utf-8"))["sources"])
    assert validate_paths() == []
    from kernel_utils import document_record, load_document

    document = load_document("frus1950v07-d1051")
    assert document.rebuild_text() == document.text
    assert document_record("frus1950v07-d1051").witness.is_partial


def test_a_short_page_text_is_a_complete_witness_and_dated_by_its_dateline(data_copy):
    record = add_document(AddRequest("frus1951v07p1-d158", text_file=TEXTS / "frus1951v07p1-d158.txt",
                                     volume_title="Foreign Relations of the United States, 1951, Korea and China, Volume VII, Part 1"))
    assert record["witness"]["coverage"] == "complete" and "stops_at" not in record["witness"]
    assert record["date"] == "1951-03-12" and "dateline" in record["date_basis"]
    assert record["frus"]["pages"] == [226, 227] and "begins on page 226 (an inference" in record["frus"]["pages_basis"]


def test_add_from_a_tei_volume(data_copy, capsys):
    code, _out, err = _cli(capsys, "frus1930v01-d14", "--tei", str(TEI / "frus1930v01-d14.xml"), "--volume-title", TEI_TITLE)
    assert code == 0, err
    folder = data_copy / "documents" / "frus1930v01-d14"
    record = json.loads((folder / "document.json").read_text(encoding="utf-8"))
    assert record["witness"]["kind"] == "tei-volume" and record["witness"]["coverage"] == "complete"
    assert record["witness"]["tei_div"] == "d14"
    assert record["witness"]["url"] == "https://github.com/HistoryAtState/frus/blob/master/volumes/frus1930v01.xml"
    assert record["heading"]["file_designation"] == "500.A15a3/671"
    assert record["heading"]["telegram_number"] == "42"
    assert record["date"] == "1930-02-07"
    from kernel_utils import load_document

    document = load_document("frus1930v01-d14")
    assert document.signature == "Stimson" and document.rebuild_text() == document.text


def test_fetch_downloads_once_into_the_cache(tmp_path):
    calls = []

    def download(url: str) -> bytes:
        calls.append(url)
        return (TEI / "frus1930v01-d14.xml").read_bytes()

    path = fetch_tei_volume("frus1930v01", cache_dir=tmp_path, download=download)
    again = fetch_tei_volume("frus1930v01", cache_dir=tmp_path, download=download)
    assert path == again == tmp_path / "frus1930v01.xml"
    assert calls == ["https://raw.githubusercontent.com/HistoryAtState/frus/master/volumes/frus1930v01.xml"]


def test_fetch_from_the_command_line_with_a_recorded_file(data_copy, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(adding, "_default_download", lambda url: (TEI / "frus1930v01-d14.xml").read_bytes())
    code, _out, err = _cli(capsys, "frus1930v01-d14", "--fetch", "--cache-dir", str(tmp_path), "--volume-title", TEI_TITLE)
    assert code == 0, err
    assert (tmp_path / "frus1930v01.xml").is_file()
    assert (data_copy / "documents" / "frus1930v01-d14" / "document.json").is_file()


def test_fetch_without_a_network_says_what_to_do(tmp_path, capsys, monkeypatch):
    def offline(url: str) -> bytes:
        raise OSError("Network is unreachable")

    monkeypatch.setattr(adding, "_default_download", offline)
    code, _out, err = _cli(capsys, "frus1930v01-d14", "--fetch", "--cache-dir", str(tmp_path))
    assert code == 1
    assert "download https://github.com/HistoryAtState/frus/blob/master/volumes/frus1930v01.xml by hand" in err
    assert "python -m kernel_utils add frus1930v01-d14 --tei frus1930v01.xml" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("argv, words", [
    (["frus1950v07-d1051", "--from", "no/such/file.txt"], "no such file"),
    (["frus1930v01-d14", "--tei", "no/such/volume.xml"], "no such file"),
    (["telegram-602", "--from", str(TEXTS / "frus1950v07-d1051.txt")], "unknown id 'telegram-602'"),
    (["frus1930v01-d99", "--tei", str(TEI / "frus1930v01-d14.xml"), "--volume-title", "x"], "unknown id 'frus1930v01-d99' in this volume"),
    (["frus1950v07-d1077", "--from", str(TEXTS / "frus1950v07-d1077.txt")], "already bundled"),
    (["frus1930v01-d14", "--tei", str(TEI / "frus1930v01-d14.xml")], "--volume-title"),
    (["frus1930v01-d14", "--tei", str(TEXTS / "frus1930v01-d14.txt")], "not a TEI volume"),
])
def test_errors_are_one_clear_line(data_copy, capsys, argv, words):
    code, _out, err = _cli(capsys, *argv)
    assert code == 1
    assert words in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not (data_copy / "documents" / "frus1930v01-d99").exists()


def test_a_text_that_is_not_a_frus_document(data_copy, tmp_path, capsys):
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Sir,\n\nThank you for your letter of the 3rd.\n\nYours, A. N. Other", encoding="utf-8")
    code, _out, err = _cli(capsys, "frus1950v07-d2000", "--from", str(letter))
    assert code == 1 and "not a FRUS document" in err and "no heading" in err
    assert not (data_copy / "documents" / "frus1950v07-d2000").exists()


def test_force_replaces_a_document_and_keeps_its_layers(data_copy):
    folder = data_copy / "documents" / "frus1950v07-d1077"
    layers = sorted(p.name for p in folder.iterdir())
    seed = (folder / "text.txt").read_bytes()
    with pytest.raises(AddError, match="already bundled"):
        add_document(AddRequest("frus1950v07-d1077", text_file=folder / "text.txt"))
    copy = data_copy.parent / "seed.txt"
    copy.write_bytes(seed)
    add_document(AddRequest("frus1950v07-d1077", text_file=copy, coverage="complete", force=True))
    assert sorted(p.name for p in folder.iterdir()) == layers
    assert (folder / "text.txt").read_bytes() == seed


def test_a_record_that_fails_validation_leaves_nothing_behind(data_copy, monkeypatch):
    sources_before = (data_copy / "sources.json").read_bytes()
    monkeypatch.setattr(adding, "RIGHTS", "")  # an empty rights statement breaks the schema
    from kernel_utils.errors import DataValidationError

    with pytest.raises(DataValidationError, match="rights"):
        add_document(AddRequest("frus1950v07-d1051", text_file=TEXTS / "frus1950v07-d1051.txt"))
    assert not (data_copy / "documents" / "frus1950v07-d1051").exists()
    assert (data_copy / "sources.json").read_bytes() == sources_before


@pytest.mark.parametrize("document_id, expected", [
    ("frus1950v07-d1054", ("frus1950v07", 1054)),
    ("frus1951v07p1-d17", ("frus1951v07p1", 17)),
    ("frus1955-57v23p2-d23", ("frus1955-57v23p2", 23)),
])
def test_document_ids(document_id, expected):
    assert parse_document_id(document_id) == expected


@pytest.mark.parametrize("document_id", ["d1054", "frus1950v07", "frus1950v07-d0", "frus1950v07-d12a", "FRUS1950v07-d1"])
def test_bad_document_ids(document_id):
    with pytest.raises(AddError, match="frusVOLUME-dN"):
        parse_document_id(document_id)


def test_the_volume_title_comes_from_the_tei_header(data_copy, tmp_path):
    xml = (TEI / "frus1930v01-d14.xml").read_text(encoding="utf-8")
    div = xml[xml.index('<div type="document"'): xml.rindex("</div>") + len("</div>")]
    volume = tmp_path / "frus1930v01.xml"
    volume.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0">'
        '<teiHeader><fileDesc><titleStmt><title type="complete">A Made-Up Volume\n   Title</title></titleStmt></fileDesc></teiHeader>'
        f"<text><body>{div}</body></text></TEI>", encoding="utf-8")
    record = add_document(AddRequest("frus1930v01-d14", tei_file=volume))
    assert record["frus"]["volume_title"] == "A Made-Up Volume Title"
