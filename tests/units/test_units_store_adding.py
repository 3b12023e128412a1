"""Small made-up cases for ``kernel_utils.store.adding`` (the ``add`` command) and
``kernel_utils.store.witness``: every message template, every record field, every boundary.

Everything runs offline on made-up page texts in temporary folders (the downloader is a
function given to :func:`fetch_tei_volume`, or monkeypatched); the only real file read is the
small TEI fixture ``tests/fixtures/tei/frus1930v01-d14.xml``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import urllib.error
from dataclasses import replace
from pathlib import Path

import pytest

from kernel_utils.errors import DataValidationError, FrusParseError, Problem
from kernel_utils.store import adding, witness
from kernel_utils.store.adding import (
    PAGE_TEXT_LIMIT,
    RIGHTS,
    AddError,
    AddRequest,
    add_document,
    fetch_tei_volume,
    parse_document_id,
    record_for,
    tei_volume_url,
)
from kernel_utils.store.paths import display_path
from kernel_utils.store.witness import (
    Witness,
    parse_witness_text,
    stop_words,
    witness_from_record,
    witness_problems,
)
from kernel_utils.text.model import HeaderLine, PageBreak
from kernel_utils.text.parser import parse_frus_text
from tests.conftest import ROOT

TEI = ROOT / "tests" / "fixtures" / "tei" / "frus1930v01-d14.xml"
KOREA = "Foreign Relations of the United States, 1950, Korea, Volume VII"
HEADING = "795.00/12–1850: Telegram\n\nThe Secretary of State to the Embassy in India\n\n"
#: A made-up telegram: heading, address, dateline, two paragraphs with a page marker between them, signature.
TELEGRAM = (
    HEADING + "Washington, December 18, 1950—7 p.m.\n\n916. First paragraph of the telegram.\n\n"
    "[Page 12]\n\nSecond paragraph.\n\nAcheson\n"
)
RAW_URL = "https://raw.githubusercontent.com/HistoryAtState/frus/master/volumes/frus1930v01.xml"
PAGE_URL = "https://github.com/HistoryAtState/frus/blob/master/volumes/frus1930v01.xml"


def _page(folder: Path, text: str, name: str = "page.txt") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _doc(text: str = TELEGRAM):
    return parse_frus_text(text, source="t.txt")


def _message(excinfo) -> str:
    return str(excinfo.value)


# --------------------------------------------------------------------------- ids and URLs
def test_an_id_of_another_shape_names_the_expected_form():
    with pytest.raises(AddError) as excinfo:
        parse_document_id("d1054")
    assert _message(excinfo) == (
        "unknown id 'd1054': expected a FRUS document id of the form frusVOLUME-dN "
        "as history.state.gov writes it (e.g. frus1950v07-d1054)"
    )


def test_no_id_at_all_is_refused_with_the_same_message():
    with pytest.raises(AddError, match=r"^unknown id None: expected a FRUS document id"):
        parse_document_id(None)  # type: ignore[arg-type]


def test_an_id_whose_volume_part_is_not_a_frus_volume_is_refused():
    with pytest.raises(AddError, match="unknown id 'frusabc-d1'"):
        parse_document_id("frusabc-d1")


def test_the_number_of_a_document_id_is_an_int():
    assert parse_document_id("frus1950v07-d7") == ("frus1950v07", 7)


def test_the_tei_volume_url_is_the_github_page_of_the_volume():
    assert tei_volume_url("frus1930v01") == PAGE_URL


# --------------------------------------------------------------------------- fetching a TEI volume
def _never(url: str) -> bytes:
    raise AssertionError(f"no download expected ({url})")


def test_a_cached_volume_is_used_without_downloading(tmp_path):
    (tmp_path / "frus1930v01.xml").write_bytes(b"<")  # one byte is enough to count as cached
    assert fetch_tei_volume("frus1930v01", cache_dir=tmp_path, download=_never) == tmp_path / "frus1930v01.xml"


def test_an_empty_cached_file_is_downloaded_again(tmp_path):
    (tmp_path / "frus1930v01.xml").write_bytes(b"")
    calls = []

    def download(url: str) -> bytes:
        calls.append(url)
        return b"  \n<TEI/>"

    path = fetch_tei_volume("frus1930v01", cache_dir=tmp_path, download=download)
    assert calls == [RAW_URL]
    assert path.read_bytes() == b"  \n<TEI/>"  # leading blanks before the XML are fine
    assert sorted(p.name for p in tmp_path.iterdir()) == ["frus1930v01.xml"]  # no .part file left


def test_the_cache_folder_is_made_with_its_parents(tmp_path):
    cache = tmp_path / "a" / "b"
    path = fetch_tei_volume("frus1930v01", cache_dir=cache, download=lambda url: b"<TEI/>")
    assert path == cache / "frus1930v01.xml" and path.read_bytes() == b"<TEI/>"
    (cache / "frus1930v02.xml").write_bytes(b"")
    assert fetch_tei_volume("frus1930v02", cache_dir=cache, download=lambda url: b"<x/>").read_bytes() == b"<x/>"


def test_the_default_cache_is_in_the_home_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    path = fetch_tei_volume("frus1930v01", download=lambda url: b"<TEI/>")
    assert path == tmp_path / ".cache" / "kernel_utils" / "tei" / "frus1930v01.xml"
    assert path.read_bytes() == b"<TEI/>"


def test_the_default_downloader_is_used_only_when_none_is_given(tmp_path, monkeypatch):
    monkeypatch.setattr(adding, "_default_download", _never)
    assert fetch_tei_volume("frus1930v01", cache_dir=tmp_path, download=lambda url: b"<TEI/>").is_file()
    monkeypatch.setattr(adding, "_default_download", lambda url: b"<TEI n='default'/>")
    assert fetch_tei_volume("frus1930v02", cache_dir=tmp_path).read_bytes() == b"<TEI n='default'/>"


def test_no_network_says_how_to_add_the_volume_by_hand(tmp_path):
    def offline(url: str) -> bytes:
        raise urllib.error.URLError("no route to host")

    with pytest.raises(AddError) as excinfo:
        fetch_tei_volume("frus1930v01", cache_dir=tmp_path, download=offline, document_id="frus1930v01-d14")
    assert _message(excinfo) == (
        f"cannot download {RAW_URL} (no route to host); without a network, download {PAGE_URL} "
        "by hand and run: python -m kernel_utils add frus1930v01-d14 --tei frus1930v01.xml"
    )
    assert excinfo.value.__cause__ is None and excinfo.value.__suppress_context__


def test_an_os_error_without_a_reason_is_shown_itself_and_the_id_defaults_to_a_placeholder(tmp_path):
    def refused(url: str) -> bytes:
        raise ConnectionRefusedError("refused")

    with pytest.raises(AddError) as excinfo:
        fetch_tei_volume("frus1930v01", cache_dir=tmp_path, download=refused)
    assert _message(excinfo) == (
        f"cannot download {RAW_URL} (refused); without a network, download {PAGE_URL} "
        "by hand and run: python -m kernel_utils add ID --tei frus1930v01.xml"
    )


def test_an_answer_that_is_not_xml_is_refused_and_not_cached(tmp_path):
    with pytest.raises(AddError) as excinfo:
        fetch_tei_volume(
            "frus1930v01", cache_dir=tmp_path, download=lambda url: b"Not Found <html>", document_id="frus1930v01-d3"
        )
    assert _message(excinfo) == (
        f"{RAW_URL} did not return XML; download {PAGE_URL} by hand and run: "
        "python -m kernel_utils add frus1930v01-d3 --tei frus1930v01.xml"
    )
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- reading a page text
def test_a_missing_page_text_is_named(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(AddError) as excinfo:
        adding._read_page_text(missing)
    assert _message(excinfo) == f"{missing}: no such file (give the page text to add with --from FILE)"


def test_a_page_text_that_is_not_utf8_names_the_byte(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"abc\xe9")
    with pytest.raises(AddError) as excinfo:
        adding._read_page_text(path)
    assert _message(excinfo) == f"{path}: not UTF-8 text (byte 3); save the page text as UTF-8"


def test_a_page_text_is_read_as_bytes_and_text(tmp_path):
    path = _page(tmp_path, "Wörter\n")
    assert adding._read_page_text(path) == ("Wörter\n".encode(), "Wörter\n")


@pytest.mark.parametrize("length, expected", [(PAGE_TEXT_LIMIT - 1, "complete"), (PAGE_TEXT_LIMIT, "partial")])
def test_automatic_coverage_turns_partial_at_the_page_text_limit(length, expected):
    assert PAGE_TEXT_LIMIT == 1900
    assert adding._coverage(AddRequest("frus1950v07-d1"), "x" * length) == expected


@pytest.mark.parametrize("given, length", [("complete", 5000), ("partial", 10)])
def test_a_coverage_given_overrides_the_length(given, length):
    assert adding._coverage(AddRequest("frus1950v07-d1", coverage=given), "x" * length) == given


def test_the_default_notes_say_what_was_read():
    assert adding._default_note("partial", 1998) == (
        "The text read stops part-way through the document, after 1,998 characters; the rest of the "
        "document (later paragraphs, signature, footnotes) is not read and nothing is claimed about it."
    )
    assert adding._default_note("complete", 1998) == (
        "The text read is taken as the whole text of the web page; it is a witness of the web rendering, "
        "not of the printed page."
    )


def test_a_text_with_a_heading_only_or_an_address_only_is_a_frus_document():
    adding._check_is_frus(_doc("795.00/12–1850: Telegram\n\n916. A paragraph of text here."), "a.txt")
    adding._check_is_frus(
        _doc("The Secretary of State to the Embassy in India\n\n916. A paragraph of text here."), "b.txt"
    )


def test_a_text_without_heading_or_address_is_not_a_frus_document():
    letter = replace(_doc(), header_lines=(HeaderLine("dateline", "Washington, December 18, 1950", 0, 29),))
    with pytest.raises(AddError) as excinfo:
        adding._check_is_frus(letter, "letter.txt")
    assert _message(excinfo) == (
        "letter.txt: not a FRUS document: the parser finds no heading (a file designation such as "
        "'795.00/12–1850: Telegram' or 'NNN. Telegram From … to …') and no address line ('X to Y')"
    )


# --------------------------------------------------------------------------- the record's fields
def _with_lines(*lines: tuple[str, str]):
    return replace(_doc(), header_lines=tuple(HeaderLine(kind, value, 0, len(value)) for kind, value in lines))


@pytest.mark.parametrize(
    "address, title",
    [
        ("The Secretary of State to the Embassy in India 1", "The Secretary of State to the Embassy in India"),
        ("The Secretary of State to the Embassy in the USSR 12", "The Secretary of State to the Embassy in the USSR"),
        ("The Secretary  of State\nto the Embassy in India", "The Secretary of State to the Embassy in India"),
        ("The Ambassador in India (Henderson)23", "The Ambassador in India (Henderson)"),
        ("Memorandum by the Secretary of State 1950", "Memorandum by the Secretary of State 1950"),
    ],
)
def test_the_title_is_the_address_without_its_footnote_number(address, title):
    assert adding._title(_with_lines(("heading", "795.00/12–1850: Telegram"), ("address", address))) == title


def test_without_an_address_the_title_is_the_heading_with_spaces_collapsed():
    assert (
        adding._title(_with_lines(("heading", " 916.  Telegram\nFrom X "), ("dateline", "Washington")))
        == "916. Telegram From X"
    )


def _dated(dateline=None, designation=None, received=None):
    return replace(_doc(), dateline=dateline, file_designation=designation, received=received)


def test_a_dateline_with_a_full_date_dates_the_document():
    assert adding._date(_dated("Washington, December 18, 1950—7 p.m.", "795.00/1–251"), None, 1900) == (
        "1950-12-18",
        "Read from the dateline 'Washington, December 18, 1950—7 p.m.' of the text read.",
    )
    assert adding._date(_dated("New Delhi, January 2, 1951."), None, 1900)[0] == "1951-01-02"


def test_the_file_designation_dates_a_text_without_a_dateline():
    assert adding._date(_dated(None, "795.00/12–1850"), None, 1900) == (
        "1950-12-18",
        "Read from the date suffix of the file designation 795.00/12–1850 (month 12, day 18, year 50); such a file "
        "date is often the day of receipt or filing, which may differ from the day of sending. The text read shows "
        "no dateline; the web rendering may drop one, so the printed dateline is unknown.",
    )


def test_a_receipt_line_is_quoted_and_a_dateline_without_a_full_date_is_not_called_missing():
    value, basis = adding._date(_dated("Tokyo, undated", "611.95/3-451", "March 4—9:12 a.m."), None, 1900)
    assert value == "1951-03-04"
    assert basis == (
        "Read from the date suffix of the file designation 611.95/3-451 (month 3, day 4, year 51); such a "
        "file date is often the day of receipt or filing, which may differ from the day of sending. "
        "The text's receipt line reads “[Received March 4—9:12 a.m.]”."
    )


def test_the_century_comes_from_the_caller():
    assert adding._date(_dated(None, "795.00/12–1850"), None, 1800)[0] == "1850-12-18"


def test_an_impossible_file_date_falls_back_to_the_tei_date_or_to_none():
    doc = _dated(None, "795.00/13–4250")
    assert adding._date(doc, "1950-12-20T10:00:00", 1900) == (
        "1950-12-20",
        "Read from the TEI division's date (<date when> of its dateline, else frus:doc-dateTime-min).",
    )
    assert adding._date(doc, None, 1900) == (
        None,
        "The text read gives no date (no dateline, no dated file designation).",
    )
    assert adding._date(_dated(None, None), None, 1900) == (
        None,
        "The text read gives no date (no dateline, no dated file designation).",
    )


def test_no_page_marker_no_pages():
    assert adding._pages(replace(_doc(), page_breaks=()), partial=True) == (
        None,
        "The text read has no page marker, so the printed pages are not known from it.",
    )


def test_a_marker_inside_the_text_means_the_document_began_a_page_earlier():
    assert adding._pages(_doc(), partial=False) == (
        [11, 12],
        (
            "The text's page marker(s) [Page 12] stand inside the text, so the document begins on page 11 "
            "(an inference from the first marker) and the text read ends on page 12."
        ),
    )


def test_markers_before_and_inside_the_body_and_a_partial_witness():
    doc = _doc(HEADING + "[Page 12]\n\n916. A paragraph.\n\n[Page 13]\n\nMore.\n\n[Page 14]\n\nAcheson")
    assert adding._pages(doc, partial=True) == (
        [12, 13, 14],
        (
            "The text's page marker(s) [Page 12], [Page 13], [Page 14] stand before the body, so the document begins on "
            "page 12 and the text read ends on page 14. The witness is partial: the document may run on to later pages, "
            "which are not known from it."
        ),
    )


def test_a_marker_at_the_very_start_of_the_first_paragraph_stands_before_the_body():
    doc = _doc()
    first = doc.paragraphs[0]
    at_start = replace(
        doc, page_breaks=(PageBreak(30, first.start, first.start + 9), PageBreak(31, first.end, first.end + 9))
    )
    assert adding._pages(at_start, partial=False)[0] == [30, 31]


def test_markers_in_a_text_without_paragraphs_stand_before_the_body():
    assert adding._pages(replace(_doc(), paragraphs=()), partial=False)[0] == [12]


@pytest.mark.parametrize(
    "number, doc_type, date, label",
    [
        ("916", "Telegram", "1950-12-18", "Telegram 916, 18 December 1950"),
        ("Delga 435", "Telegram", "1950-12-14", "Delga 435, 14 December 1950"),
        ("7A", "telegram", None, "Telegram 7A"),
        ("A7", "Telegram", "1951-01-09", "A7, 9 January 1951"),
        (None, "  memorandum of conversation ", None, "Memorandum of conversation"),
        (None, None, "1950-02-01", "Document, 1 February 1950"),
    ],
)
def test_the_short_title(number, doc_type, date, label):
    assert adding._short_title(replace(_doc(), telegram_number=number, doc_type=doc_type), date) == label


# --------------------------------------------------------------------------- record_for directly
def _reading(text: str, partial: bool = False):
    return parse_witness_text(text, source="t.txt", partial=partial)


def test_a_record_without_pages_or_date_leaves_those_fields_out():
    text = "The Secretary of State to the  Embassy in India\n\n916. A paragraph of text here."
    raw = text.encode("utf-8")
    record = record_for(
        "frus1950v07-d5", raw, _reading(text), {"kind": "x"}, volume_title="V", tei_date=None, retrieval="r"
    )
    assert record == {
        "id": "frus1950v07-d5",
        "title": "The Secretary of State to the Embassy in India",
        "short_title": "Document 916",
        "text_file": "text.txt",
        "encoding": "utf-8",
        "final_newline": False,
        "size_bytes": len(raw),
        "sha256": hashlib.sha256(raw).hexdigest(),
        "date_basis": "The text read gives no date (no dateline, no dated file designation).",
        "frus": {
            "volume_id": "frus1950v07",
            "volume_title": "V",
            "document_number": 5,
            "pages_basis": "The text read has no page marker, so the printed pages are not known from it.",
            "url": "https://history.state.gov/historicaldocuments/frus1950v07/d5",
        },
        "heading": {
            "file_designation": None,
            "doc_type": None,
            "sender": "The Secretary of State",
            "recipient": "the  Embassy in India",
            "classification": None,
            "precedence": None,
            "telegram_number": "916",
            "dateline": None,
            "received": None,
        },
        "rights": RIGHTS,
        "retrieval": "r",
        "sources": [{"source": "frus1950v07-d5", "evidence": "The Secretary of State to the Embassy in India"}],
        "witness": {"kind": "x"},
    }


def test_the_century_of_a_file_date_is_the_volume_year_century():
    text = "795.00/12–1850: Telegram\n\n916. A paragraph of text here."
    record = record_for(
        "frus1850v07-d5", text.encode(), _reading(text), {}, volume_title="V", tei_date=None, retrieval="r"
    )
    assert record["date"] == "1850-12-18"
    record = record_for(
        "frus1950v07-d5", text.encode(), _reading(text), {}, volume_title="V", tei_date=None, retrieval="r"
    )
    assert record["date"] == "1950-12-18"
    assert record["sources"] == [{"source": "frus1950v07-d5", "evidence": "795.00/12–1850: Telegram"}]


def test_a_partial_reading_makes_the_pages_basis_say_so():
    record = record_for(
        "frus1950v07-d5",
        TELEGRAM.encode(),
        _reading(TELEGRAM, partial=True),
        {},
        volume_title="V",
        tei_date=None,
        retrieval="r",
    )
    assert record["frus"]["pages"] == [11, 12]
    assert record["frus"]["pages_basis"].endswith(
        " The witness is partial: the document may run on to later pages, which are not known from it."
    )


# --------------------------------------------------------------------------- add_document, end to end
def _entry(data_copy: Path, document_id: str) -> dict:
    sources = json.loads((data_copy / "sources.json").read_text(encoding="utf-8"))["sources"]
    return next(s for s in sources if s["id"] == document_id)


def test_adding_a_complete_page_text_writes_this_record_and_source(data_copy, tmp_path):
    page = _page(tmp_path, TELEGRAM)
    record = add_document(AddRequest("frus1950v07-d2001", text_file=page))
    raw = TELEGRAM.encode("utf-8")
    read_via = "a page text given to 'python -m kernel_utils add --from' (page.txt)"
    expected = {
        "id": "frus1950v07-d2001",
        "title": "The Secretary of State to the Embassy in India",
        "short_title": "Telegram 916, 18 December 1950",
        "text_file": "text.txt",
        "encoding": "utf-8",
        "final_newline": True,
        "size_bytes": len(raw),
        "sha256": hashlib.sha256(raw).hexdigest(),
        "date": "1950-12-18",
        "date_basis": "Read from the dateline 'Washington, December 18, 1950—7 p.m.' of the text read.",
        "frus": {
            "volume_id": "frus1950v07",
            "volume_title": KOREA,
            "document_number": 2001,
            "pages": [11, 12],
            "pages_basis": (
                "The text's page marker(s) [Page 12] stand inside the text, so the document begins on page 11 "
                "(an inference from the first marker) and the text read ends on page 12."
            ),
            "url": "https://history.state.gov/historicaldocuments/frus1950v07/d2001",
        },
        "heading": {
            "file_designation": "795.00/12–1850",
            "doc_type": "Telegram",
            "sender": "The Secretary of State",
            "recipient": "the Embassy in India",
            "classification": None,
            "precedence": None,
            "telegram_number": "916",
            "dateline": "Washington, December 18, 1950—7 p.m.",
            "received": None,
        },
        "rights": RIGHTS,
        "retrieval": (
            f"{read_via}; written to text.txt byte for byte by 'python -m kernel_utils add' from page.txt, "
            "which also wrote this record from the parser's reading of the text."
        ),
        "sources": [{"source": "frus1950v07-d2001", "evidence": "795.00/12–1850: Telegram"}],
        "witness": {
            "kind": "web-page-text",
            "url": "https://history.state.gov/historicaldocuments/frus1950v07/d2001",
            "read_via": read_via,
            "characters": len(TELEGRAM),
            "coverage": "complete",
            "note": (
                "The text read is taken as the whole text of the web page; it is a witness of the web rendering, "
                "not of the printed page."
            ),
        },
    }
    assert record == expected
    folder = data_copy / "documents" / "frus1950v07-d2001"
    assert sorted(p.name for p in folder.iterdir()) == ["document.json", "text.txt"]
    assert (folder / "text.txt").read_bytes() == raw
    assert (folder / "document.json").read_text(encoding="utf-8") == json.dumps(
        expected, ensure_ascii=False, indent=2
    ) + "\n"
    assert _entry(data_copy, "frus1950v07-d2001") == {
        "id": "frus1950v07-d2001",
        "kind": "frus-document",
        "title": "The Secretary of State to the Embassy in India (Telegram 916, 18 December 1950)",
        "url": "https://history.state.gov/historicaldocuments/frus1950v07/d2001",
        "citation": f"{KOREA}, document 2001.",
        "read_note": (
            f"Read via {read_via}: a complete witness ({len(TELEGRAM)} characters). "
            "Bundled as data/documents/frus1950v07-d2001/text.txt."
        ),
    }
    sources_text = (data_copy / "sources.json").read_text(encoding="utf-8")
    assert sources_text == json.dumps(json.loads(sources_text), ensure_ascii=False, indent=2) + "\n"


def test_adding_a_partial_page_text_records_where_it_stops_and_what_the_cut_damaged(data_copy, tmp_path):
    text = (
        HEADING
        + "Washington, December 18, 1950—7 p.m.\n\n916. First paragraph of the telegram.\n\nSecond paragraph that stops mid-wo"
    )
    page = _page(tmp_path, text, "cut.txt")
    record = add_document(AddRequest("frus1950v07-d2002", text_file=page, coverage="partial", volume_title="A Volume"))
    witness_record = record["witness"]
    assert witness_record == {
        "kind": "web-page-text",
        "url": "https://history.state.gov/historicaldocuments/frus1950v07/d2002",
        "read_via": "a page text given to 'python -m kernel_utils add --from' (cut.txt)",
        "characters": len(text),
        "coverage": "partial",
        "stops_at": stop_words(text, 60),
        "note": (
            f"The text read stops part-way through the document, after {len(text)} characters; the rest of the "
            "document (later paragraphs, signature, footnotes) is not read and nothing is claimed about it. "
            "The parser's reading: the witness stops inside paragraph p02: its text is cut off there."
        ),
    }
    assert witness_record["stops_at"] == "of the telegram.\n\nSecond paragraph that stops mid-wo"
    assert record["frus"]["volume_title"] == "A Volume"
    assert record["retrieval"].endswith(
        " which also wrote this record from the parser's reading of the text. "
        "The volume title was given to the command (--volume-title)."
    )
    assert _entry(data_copy, "frus1950v07-d2002")["read_note"] == (
        f"Read via a page text given to 'python -m kernel_utils add --from' (cut.txt): a partial witness: the first "
        f"{len(text)} characters, stopping at “…{witness_record['stops_at']}”. Bundled as data/documents/frus1950v07-d2002/text.txt."
    )


def test_words_given_replace_the_defaults_and_the_parsers_caveats_follow_any_note(data_copy, tmp_path):
    page = _page(tmp_path, TELEGRAM)
    caveat = (
        " The parser's reading: the last line 'Acheson' stands where the witness stops: it may be a cut-off line, "
        "not a signature, and is not recorded as one."
    )
    record = add_document(
        AddRequest(
            "frus1950v07-d2003", text_file=page, coverage="partial", read_via="the search tool", note="Read by hand."
        )
    )
    assert record["witness"]["read_via"] == "the search tool" and record["witness"]["note"] == "Read by hand." + caveat
    assert record["retrieval"].startswith("the search tool; written to text.txt")
    record = add_document(AddRequest("frus1950v07-d2004", text_file=page, coverage="partial"))
    assert record["witness"]["note"] == adding._default_note("partial", len(TELEGRAM)) + caveat


def test_a_page_text_the_parser_cannot_read_is_refused(data_copy, tmp_path):
    page = _page(tmp_path, "795.00/12–1850: Telegram\n\n")
    with pytest.raises(FrusParseError) as parsed:
        parse_witness_text("795.00/12–1850: Telegram\n\n", source="page.txt", partial=False)
    with pytest.raises(AddError) as excinfo:
        add_document(AddRequest("frus1950v07-d2005", text_file=page))
    assert _message(excinfo) == f"{page}: not a FRUS document the parser can read ({parsed.value})"
    assert not (data_copy / "documents" / "frus1950v07-d2005").exists()


def test_a_text_that_is_not_a_frus_document_names_the_file(data_copy, tmp_path):
    letter = _page(tmp_path, "Dear Sir,\n\nThank you for your letter of the 3rd.\n\nYours, A. N. Other", "letter.txt")
    with pytest.raises(
        AddError, match=r"^(.*)letter\.txt: not a FRUS document: the parser finds no heading"
    ) as excinfo:
        add_document(AddRequest("frus1950v07-d2006", text_file=letter))
    assert _message(excinfo).startswith(f"{letter}: ")


@pytest.mark.parametrize("text_file, tei_file", [(None, None), ("a.txt", "b.xml")])
def test_exactly_one_witness_is_needed(data_copy, text_file, tei_file):
    with pytest.raises(AddError) as excinfo:
        add_document(AddRequest("frus1950v07-d2007", text_file=text_file, tei_file=tei_file))
    assert _message(excinfo) == "give exactly one witness: --from PAGE_TEXT, or --tei VOLUME.xml (or --fetch)"


def test_a_bundled_document_is_not_replaced_without_force(data_copy, tmp_path):
    page = _page(tmp_path, TELEGRAM)
    add_document(AddRequest("frus1950v07-d2008", text_file=page))
    folder = data_copy / "documents" / "frus1950v07-d2008"
    with pytest.raises(AddError) as excinfo:
        add_document(AddRequest("frus1950v07-d2008", text_file=page))
    assert (
        _message(excinfo) == f"frus1950v07-d2008 is already bundled ({display_path(folder)}); use --force to replace it"
    )


def test_a_folder_without_a_record_is_filled_without_force(data_copy, tmp_path):
    folder = data_copy / "documents" / "frus1950v07-d2009"
    folder.mkdir()
    (folder / "notes.txt").write_text("kept", encoding="utf-8")
    add_document(AddRequest("frus1950v07-d2009", text_file=_page(tmp_path, TELEGRAM)))
    assert sorted(p.name for p in folder.iterdir()) == ["document.json", "notes.txt", "text.txt"]
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "kept"
    assert not (folder.parent / "frus1950v07-d2009.replaced").exists()


def test_force_replaces_the_text_and_record_and_keeps_the_other_layers(data_copy, tmp_path):
    add_document(AddRequest("frus1950v07-d2010", text_file=_page(tmp_path, TELEGRAM)))
    folder = data_copy / "documents" / "frus1950v07-d2010"
    (folder / "mentions.json").write_text("{}", encoding="utf-8")
    stale = folder.parent / "frus1950v07-d2010.replaced"  # left by an interrupted earlier run
    stale.mkdir()
    (stale / "old.txt").write_text("old", encoding="utf-8")
    shorter = TELEGRAM.replace("Second paragraph.", "Second paragraph, revised.")
    record = add_document(AddRequest("frus1950v07-d2010", text_file=_page(tmp_path, shorter, "new.txt"), force=True))
    assert sorted(p.name for p in folder.iterdir()) == ["document.json", "mentions.json", "text.txt"]
    assert (folder / "text.txt").read_text(encoding="utf-8") == shorter
    assert json.loads((folder / "document.json").read_text(encoding="utf-8")) == record
    assert record["witness"]["characters"] == len(shorter)
    assert not stale.exists()


def test_a_refused_replacement_restores_the_document_as_it_was(data_copy, tmp_path, monkeypatch):
    add_document(AddRequest("frus1950v07-d2011", text_file=_page(tmp_path, TELEGRAM)))
    folder = data_copy / "documents" / "frus1950v07-d2011"
    (folder / "mentions.json").write_text("{}", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    sources_before = (data_copy / "sources.json").read_bytes()
    monkeypatch.setattr(adding, "RIGHTS", "")  # an empty rights statement breaks the schema
    with pytest.raises(DataValidationError) as excinfo:
        add_document(
            AddRequest("frus1950v07-d2011", text_file=_page(tmp_path, TELEGRAM + "More.\n", "new.txt"), force=True)
        )
    assert excinfo.value.problems and any(p.field == "rights" for p in excinfo.value.problems)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert (data_copy / "sources.json").read_bytes() == sources_before
    assert not (folder.parent / "frus1950v07-d2011.replaced").exists()


def test_a_refused_new_document_removes_its_source_entry_again(data_copy, tmp_path, monkeypatch):
    sources_before = (data_copy / "sources.json").read_bytes()
    monkeypatch.setattr(adding, "RIGHTS", "")
    with pytest.raises(DataValidationError):
        add_document(AddRequest("frus1950v07-d2012", text_file=_page(tmp_path, TELEGRAM)))
    assert (data_copy / "sources.json").read_bytes() == sources_before
    assert sorted(p.name for p in (data_copy / "documents").iterdir()) == sorted(
        p.name for p in (ROOT / "data" / "documents").iterdir()
    )


def test_a_root_outside_the_data_folder_is_refused_and_left_clean(data_copy, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(data_copy / "sources.json", elsewhere / "sources.json")
    before = (elsewhere / "sources.json").read_bytes()
    with pytest.raises(DataValidationError, match="inside the data folder"):
        add_document(
            AddRequest("frus1950v07-d2013", text_file=_page(tmp_path, TELEGRAM), volume_title="V"), root=elsewhere
        )
    assert list((elsewhere / "documents").iterdir()) == []
    assert (elsewhere / "sources.json").read_bytes() == before
    assert not (data_copy / "documents" / "frus1950v07-d2013").exists()


def test_a_source_entry_is_added_once(data_copy):
    record = {
        "id": "frus1950v07-d1077",
        "title": "T",
        "short_title": "S",
        "frus": {"url": "u", "volume_title": "V", "document_number": 1077},
    }
    w = {"coverage": "complete", "characters": 1234, "read_via": "r"}
    before = (data_copy / "sources.json").read_bytes()
    assert adding._ensure_source(data_copy, record, w) is False  # the edition's own document has one already
    assert (data_copy / "sources.json").read_bytes() == before
    record["id"] = "frus1950v07-d2014"
    assert adding._ensure_source(data_copy, record, w) is True
    assert _entry(data_copy, "frus1950v07-d2014") == {
        "id": "frus1950v07-d2014",
        "kind": "frus-document",
        "title": "T (S)",
        "url": "u",
        "citation": "V, document 1077.",
        "read_note": "Read via r: a complete witness (1,234 characters). Bundled as data/documents/frus1950v07-d2014/text.txt.",
    }
    assert adding._ensure_source(data_copy, record, w) is False


# --------------------------------------------------------------------------- the volume title
def test_the_volume_title_comes_from_a_bundled_document_of_the_volume_skipping_unreadable_ones(data_copy):
    broken = data_copy / "documents" / "aaa-broken"
    broken.mkdir()
    (broken / "document.json").write_text("{", encoding="utf-8")
    untitled = data_copy / "documents" / "aab-untitled"
    untitled.mkdir()
    (untitled / "document.json").write_text(
        json.dumps({"frus": {"volume_id": "frus1950v07", "volume_title": ""}}), encoding="utf-8"
    )
    other = data_copy / "documents" / "aac-no-frus"
    other.mkdir()
    (other / "document.json").write_text("{}", encoding="utf-8")
    assert adding._volume_title(AddRequest("frus1950v07-d1"), "frus1950v07", data_copy) == KOREA
    assert adding._volume_title(AddRequest("frus1950v07-d1", volume_title="Given"), "frus1950v07", data_copy) == "Given"


def _volume(tmp_path: Path, header: str, name: str = "frus1930v01.xml") -> Path:
    xml = TEI.read_text(encoding="utf-8")
    div = xml[xml.index('<div type="document"') : xml.rindex("</div>") + len("</div>")]
    path = tmp_path / name
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" '
        f'xmlns:frus="http://history.state.gov/frus/ns/1.0"><teiHeader><fileDesc>{header}</fileDesc></teiHeader>'
        f"<text><body>{div}</body></text></TEI>",
        encoding="utf-8",
    )
    return path


def test_the_volume_title_comes_from_the_complete_title_of_the_tei_header(data_copy, tmp_path):
    volume = _volume(
        tmp_path,
        '<titleStmt><title type="short">Short</title><title type="complete">A <hi>Made-Up</hi>\n  Volume '
        '</title><title type="complete">Second</title></titleStmt>',
    )
    assert (
        adding._volume_title(AddRequest("frus1930v01-d14", tei_file=volume), "frus1930v01", data_copy)
        == "A Made-Up Volume"
    )


def test_entities_in_the_tei_header_are_not_expanded(data_copy, tmp_path):
    volume = tmp_path / "frus1930v01.xml"
    volume.write_text(
        '<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY v "Volume VII">]><TEI><teiHeader><titleStmt>'
        '<title type="complete">A &v; Title</title></titleStmt></teiHeader></TEI>',
        encoding="utf-8",
    )
    assert (
        adding._volume_title(AddRequest("frus1930v01-d14", tei_file=volume), "frus1930v01", data_copy) == "A &v; Title"
    )


def test_no_volume_title_anywhere_says_how_to_give_one(data_copy, tmp_path):
    message = (
        "no title known for the volume frus1930v01 (no bundled document of it, none in the TEI header): "
        "give it with --volume-title, as the volume's own title page or bibliography has it"
    )
    volume = _volume(tmp_path, '<titleStmt><title type="short">Short</title></titleStmt>')
    with pytest.raises(AddError) as excinfo:
        adding._volume_title(AddRequest("frus1930v01-d14", tei_file=volume), "frus1930v01", data_copy)
    assert _message(excinfo) == message
    broken = _page(tmp_path, "<TEI><unclosed>", "broken.xml")
    with pytest.raises(AddError) as excinfo:
        adding._volume_title(AddRequest("frus1930v01-d14", tei_file=broken), "frus1930v01", data_copy)
    assert _message(excinfo) == message
    with pytest.raises(AddError) as excinfo:
        adding._volume_title(AddRequest("frus1930v01-d14", text_file=Path("x.txt")), "frus1930v01", data_copy)
    assert _message(excinfo) == message


# --------------------------------------------------------------------------- a TEI witness
def test_adding_from_a_tei_volume_writes_this_witness(data_copy, tmp_path):
    volume = _volume(tmp_path, '<titleStmt><title type="complete">A Made-Up Volume</title></titleStmt>')
    record = add_document(AddRequest("frus1930v01-d15", tei_file=volume, tei_document="d14"))
    text = (data_copy / "documents" / "frus1930v01-d15" / "text.txt").read_text(encoding="utf-8")
    read_via = "the TEI file frus1930v01.xml, division d14, rendered as text by kernel_utils.text.tei.import_tei"
    assert record["witness"] == {
        "kind": "tei-volume",
        "url": PAGE_URL,
        "read_via": read_via,
        "characters": len(text),
        "coverage": "complete",
        "tei_div": "d14",
        "note": (
            "The whole document division of the TEI volume; the text is the library's rendering of it in the "
            "page-text layout, not a copy of the web page or the printed page."
        ),
    }
    assert (
        record["size_bytes"] == len(text.encode("utf-8"))
        and record["sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
    )
    assert record["retrieval"] == (
        f"{read_via}; written to text.txt byte for byte by 'python -m kernel_utils add' from "
        "frus1930v01.xml, which also wrote this record from the parser's reading of the text."
    )
    assert record["frus"]["volume_title"] == "A Made-Up Volume"
    assert record["date"] == "1930-02-07"
    assert "partial" not in record["frus"]["pages_basis"]
    assert _entry(data_copy, "frus1930v01-d15")["read_note"] == (
        f"Read via {read_via}: a complete witness ({len(text):,} characters). Bundled as data/documents/frus1930v01-d15/text.txt."
    )


def test_a_tei_witness_takes_the_words_given_for_it(data_copy, tmp_path):
    record = add_document(
        AddRequest("frus1930v01-d14", tei_file=TEI, volume_title="V", read_via="a copy", note="A note.")
    )
    assert record["witness"]["read_via"] == "a copy" and record["witness"]["note"] == "A note."
    assert record["witness"]["tei_div"] == "d14"


def test_tei_errors_are_one_plain_line(data_copy, tmp_path):
    missing = tmp_path / "none.xml"
    with pytest.raises(AddError) as excinfo:
        add_document(AddRequest("frus1930v01-d14", tei_file=missing))
    assert (
        _message(excinfo)
        == f"{missing}: no such file (give a HistoryAtState/frus volume with --tei FILE.xml, or use --fetch)"
    )
    with pytest.raises(AddError) as excinfo:
        add_document(AddRequest("frus1930v01-d99", tei_file=TEI, volume_title="V"))
    assert _message(excinfo) == (
        "unknown id 'frus1930v01-d99' in this volume: frus1930v01-d14.xml: no <div type='document' xml:id='d99'>; "
        "documents found: d14"
    )
    not_tei = _page(tmp_path, "795.00/12–1850: Telegram", "page.xml")
    with pytest.raises(AddError) as excinfo:
        add_document(AddRequest("frus1930v01-d14", tei_file=not_tei, volume_title="V"))
    assert _message(excinfo).startswith(f"{not_tei}: not a TEI volume the importer can read (")


# --------------------------------------------------------------------------- witness records
FULL = {
    "kind": "web-page-text",
    "url": "u",
    "read_via": "r",
    "characters": 12,
    "coverage": "partial",
    "stops_at": "s",
    "note": "n",
}


def test_a_witness_record_is_read_field_by_field():
    assert witness_from_record({"witness": FULL}) == Witness("web-page-text", "u", "r", 12, "partial", "s", "n")
    short = {k: v for k, v in FULL.items() if k not in ("stops_at", "note")}
    assert witness_from_record({"witness": short}) == Witness("web-page-text", "u", "r", 12, "partial", None, None)
    assert witness_from_record({}) is None and witness_from_record({"witness": {}}) is None


@pytest.mark.parametrize(
    "text, length, expected",
    [
        ("a" * 60, 60, "a" * 60),  # no longer than the limit: all of it
        ("ab cdefghij", 11, "ab cdefghij"),  # exactly the limit, a space near the start: still all
        ("x " + "b" * 59, 60, "b" * 59),  # the tail starts with a space: dropped
        ("xx" + "a" * 29 + " " + "b" * 28, 58, "a" * 29 + " " + "b" * 28),  # a space at half the length is not near
        ("xx" + "a" * 29 + " " + "b" * 30, 60, "b" * 30),  # a space just before half is near
        ("x" * 10 + "abc def", 7, "abc def"),  # odd length: half rounds down (a space at 3 is not before it)
        ("x" * 10 + "ab cdefg", 8, "cdefg"),
        ("x" * 10 + "a b c" + "d" * 15, 20, "b c" + "d" * 15),  # the first space, not the last
        ("x" * 10 + "aaaaaaa bb" + "c" * 13, 24, "bb" + "c" * 13),  # a space a third of the way in is still near
    ],
)
def test_stop_words_boundaries(text, length, expected):
    assert stop_words(text, length) == expected


def test_stop_words_default_length_is_sixty():
    assert stop_words("y" * 100) == "y" * 60


def _problems(data, text, file="f.json"):
    return list(witness_problems(data, text, file))


def test_no_witness_or_no_text_no_problems():
    assert _problems({"id": "d"}, "text") == []
    assert _problems({"id": "d", "witness": FULL}, None) == []


def test_a_wrong_character_count_is_one_problem():
    w = {"kind": "tei-volume", "url": "u", "read_via": "r", "characters": 3, "coverage": "complete"}
    assert _problems({"id": "d1", "witness": w}, "four") == [
        Problem("f.json", "'d1'", "witness.characters", "the number of characters of text.txt (4)", "3")
    ]
    assert _problems({"witness": dict(w, characters=4)}, "four") == []


def test_a_partial_witness_without_stops_at_and_one_with_wrong_words():
    w = {"kind": "tei-volume", "url": "u", "read_via": "r", "characters": 4, "coverage": "partial"}
    assert _problems({"witness": w}, "four") == [
        Problem("f.json", "''", "witness.stops_at", "the last words of a partial witness (where it stops)", "nothing")
    ]
    assert _problems({"id": "d2", "witness": dict(w, stops_at="fiv")}, "four") == [
        Problem("f.json", "'d2'", "witness.stops_at", "the words the text ends with: 'four'", "'fiv'")
    ]
    assert _problems({"id": "d2", "witness": dict(w, stops_at="our")}, "four") == []


def test_a_complete_witness_has_no_stopping_point():
    w = {"kind": "tei-volume", "url": "u", "read_via": "r", "characters": 4, "coverage": "complete", "stops_at": "our"}
    assert _problems({"id": "d3", "witness": w}, "four") == [
        Problem(
            "f.json",
            "'d3'",
            "witness.stops_at",
            "no stopping point for a complete witness (coverage 'complete')",
            "'our'",
        )
    ]


def test_a_web_page_witness_is_the_page_of_the_record():
    w = {"kind": "web-page-text", "url": "https://a/1", "read_via": "r", "characters": 4, "coverage": "complete"}
    assert _problems({"id": "d4", "witness": w, "frus": {"url": "https://a/2"}}, "four") == [
        Problem("f.json", "'d4'", "witness.url", "the web page read, https://a/2 (frus.url)", "'https://a/1'")
    ]
    assert _problems({"id": "d4", "witness": w, "frus": {"url": "https://a/1"}}, "four") == []
    assert _problems({"id": "d4", "witness": w}, "four") == []
    assert _problems({"id": "d4", "witness": dict(w, kind="tei-volume"), "frus": {"url": "https://a/2"}}, "four") == []


# --------------------------------------------------------------------------- reading a witness's text
def test_the_reading_passes_source_and_first_page_to_the_parser():
    reading = parse_witness_text(TELEGRAM, source="s.txt", partial=False, first_page=5)
    assert reading.document.source == "s.txt" and reading.document.text == TELEGRAM
    assert (reading.document.first_page, reading.document.first_page_basis) == (5, "given")
    assert (
        parse_witness_text(
            TELEGRAM, source="s", partial=False, first_page=5, first_page_basis="b"
        ).document.first_page_basis
        == "b"
    )
    assert reading.partial is False and reading.cut_paragraph is None and reading.caveats == ()


def test_a_whole_text_the_parser_cannot_read_raises_the_parsers_own_error():
    bad = "795.00/12–1850: Telegram\n\n"
    with pytest.raises(FrusParseError) as direct:
        parse_frus_text(bad, source="s.txt")
    with pytest.raises(FrusParseError) as excinfo:
        parse_witness_text(bad, source="s.txt", partial=False)
    assert str(excinfo.value) == str(direct.value)


def test_a_partial_text_the_parser_cannot_read_keeps_every_detail_of_the_error():
    bad = HEADING + "916. A paragraph.\n\n[Page twelve]\n\nMore."
    with pytest.raises(FrusParseError) as direct:
        parse_frus_text(bad, source="s.txt")
    with pytest.raises(FrusParseError) as excinfo:
        parse_witness_text(bad, source="s.txt", partial=True)
    error, original = excinfo.value, direct.value
    assert original.found == "[Page twelve]" and original.line == 7
    assert error.message == "malformed page marker (a partial witness: the text stops part-way)"
    assert (error.line, error.expected, error.source, error.found) == (
        original.line,
        original.expected,
        original.source,
        original.found,
    )
    assert error.__cause__ is None and error.__suppress_context__


def test_a_partial_text_cut_inside_a_paragraph():
    text = HEADING + "916. A paragraph.\n\nCut off mid-wo\n\n"
    reading = parse_witness_text(text, source="s", partial=True)
    assert reading.partial is True and reading.cut_paragraph == "p02"
    assert reading.caveats == ("the witness stops inside paragraph p02: its text is cut off there",)
    assert reading.document is not None and reading.document.text == text


def test_a_partial_text_ending_on_a_signature_like_line():
    text = HEADING + "[Page 12]\n\n916. A paragraph.\n\nAcheson"
    reading = parse_witness_text(text, source="s", partial=True)
    assert reading.document.signature == "Acheson"
    assert reading.caveats == (
        "the last line 'Acheson' stands where the witness stops: it may be a cut-off line, "
        "not a signature, and is not recorded as one",
    )
    assert reading.cut_paragraph is None and reading.signature is None


def test_a_partial_text_ending_inside_the_footnotes():
    text = HEADING + "916. A paragraph.\n\nAcheson\n\n  1. Repeated to London.\n  2. Sent to Paris.\n  3. Not pri"
    reading = parse_witness_text(text, source="s", partial=True)
    assert [line.kind for line in reading.document.furniture_lines] == ["footnote", "footnote", "footnote"]
    assert reading.caveats == (
        "the witness stops inside the footnotes: the last footnote is cut off, later ones are not read",
    )
    whole = parse_witness_text(text, source="s", partial=False)
    assert whole.caveats == () and whole.signature == "Acheson"


def _parsed_as(monkeypatch, doc) -> None:
    monkeypatch.setattr(witness, "parse_frus_text", lambda text, **kwargs: doc)


def test_only_a_footnote_as_last_furniture_line_is_a_cut_footnote(monkeypatch):
    doc = _doc(HEADING + "916. A paragraph.")
    end = len(doc.text)
    lines = (
        HeaderLine("footnote", "1. A note.", 0, 5),
        HeaderLine("omission", "[Omission]", 5, 10),
        HeaderLine("footnote", "2. Cu", 10, end),
    )
    _parsed_as(monkeypatch, replace(doc, paragraphs=(), furniture_lines=lines))
    assert parse_witness_text(doc.text, source="s", partial=True).caveats == (
        "the witness stops inside the footnotes: the last footnote is cut off, later ones are not read",
    )
    closing = (
        HeaderLine("footnote", "1. A note.", 0, 5),
        HeaderLine("footnote", "2. Note.", 5, 10),
        HeaderLine("closing", "End", 10, end),
    )
    _parsed_as(monkeypatch, replace(doc, paragraphs=(), furniture_lines=closing))
    reading = parse_witness_text(doc.text, source="s", partial=True)
    assert reading.caveats == () and reading.cut_paragraph is None


def test_a_tei_witness_is_complete_so_its_pages_are_not_called_partial(data_copy):
    volume = TEI.with_name("frus1930v01-d3.xml")
    record = add_document(AddRequest("frus1930v01-d3", tei_file=volume, volume_title="V"))
    assert record["frus"]["pages"] == [6, 7]
    assert record["frus"]["pages_basis"] == (
        "The text's page marker(s) [Page 7] stand inside the text, so the document begins on page 6 "
        "(an inference from the first marker) and the text read ends on page 7."
    )


def test_the_tei_date_dates_a_text_that_gives_no_date_itself():
    text = "The Secretary of State to the Embassy in India\n\n916. A paragraph of text here."
    record = record_for(
        "frus1930v01-d5",
        text.encode(),
        _reading(text),
        {},
        volume_title="V",
        tei_date="1930-02-07T12:00:00",
        retrieval="r",
    )
    assert record["date"] == "1930-02-07" and record["short_title"] == "Document 916, 7 February 1930"


def test_several_caveats_of_the_parser_are_joined_in_the_note(data_copy, tmp_path, monkeypatch):
    reading = witness.WitnessReading(
        _doc(), partial=True, cut_paragraph=None, caveats=("first caveat", "second caveat")
    )
    monkeypatch.setattr(adding, "parse_witness_text", lambda text, **kwargs: reading)
    record = add_document(AddRequest("frus1950v07-d2015", text_file=_page(tmp_path, TELEGRAM), coverage="partial"))
    assert record["witness"]["note"].endswith(" The parser's reading: first caveat; second caveat.")


def test_a_tei_division_the_parser_cannot_read_names_the_file_and_division(data_copy, tmp_path):
    volume = _volume(tmp_path, '<titleStmt><title type="complete">V</title></titleStmt>')
    xml = volume.read_text(encoding="utf-8")
    volume.write_text(xml.replace("<p>", "<p>[Page twelve] ", 1), encoding="utf-8")
    with pytest.raises(AddError) as excinfo:
        add_document(AddRequest("frus1930v01-d14", tei_file=volume))
    message = str(excinfo.value)
    assert message.startswith(f"{volume}, division d14: not a FRUS document the parser can read (")
    assert "frus1930v01.xml#d14" in message and "[Page twelve]" in message
    assert not (data_copy / "documents" / "frus1930v01-d14").exists()


def test_the_date_of_the_tei_division_reaches_the_record(data_copy, monkeypatch):
    text = "The Secretary of State to the Embassy in India\n\n916. A paragraph of text here."
    reading = parse_witness_text(text, source="t", partial=False)
    read = {"kind": "tei-volume", "url": PAGE_URL, "read_via": "r", "characters": len(text), "coverage": "complete"}
    monkeypatch.setattr(
        adding, "_read", lambda request, volume, number: (text.encode(), reading, read, "1930-02-07T12:00")
    )
    record = add_document(AddRequest("frus1930v01-d5", tei_file=TEI, volume_title="V"))
    assert record["date"] == "1930-02-07"
