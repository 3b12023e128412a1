"""Decoding decimal file designations: this telegram's, 119 collected from FRUS documents, and bad input."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from kernel_utils import FileDesignationError, decode_file_designation, explain_file_designation

FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "file_designations.json").read_text(encoding="utf-8"))["designations"]
NOT_DECIMAL = {"S/P Files: Lot 64 D 563"}  # a lot file citation: refused on purpose


def test_the_telegrams_designation():
    d = decode_file_designation("320.2/12–2050")
    assert (d.class_digit, d.main_number, d.subdivision, d.subject) == (3, "320", "2", "320.2")
    assert d.suffix_kind == "date" and d.date == dt.date(1950, 12, 20) and d.dash == "\u2013"
    assert d.qualifier is None and d.serial is None


@pytest.mark.parametrize("text, expected", [
    ("12–2050", dt.date(1950, 12, 20)), ("12-2050", dt.date(1950, 12, 20)),   # en dash or hyphen
    ("1–351", dt.date(1951, 1, 3)), ("7–2848", dt.date(1948, 7, 28)),         # one- or two-digit month and day
    ("12–150", dt.date(1950, 12, 1)), ("1–1351", dt.date(1951, 1, 13)), ("11–3050", dt.date(1950, 11, 30)),
])
def test_date_suffix_variants(text, expected):
    assert decode_file_designation(f"795.00/{text}").date == expected


@pytest.mark.parametrize("text, field, value", [
    ("501.BB Korea/11–2748", "qualifier", "Korea"),
    ("396.1–GE/3–2454", "qualifier", "GE"),
    ("740.00119 Control (Korea) /1–1346", "qualifier", "Control (Korea)"),
    ("123 Henderson, Loy W.", "qualifier", "Henderson, Loy W."),
    ("295B.1122/6–2650", "main_number", "295B"),
    ("357.AD/12–1550", "subdivision", "AD"),
    ("File No. 763.72/13344", "prefix", "File No."),
    ("793.94/9947a", "serial", "9947a"),
    ("393.1163 American Church Mission/12", "serial", "12"),
])
def test_parts(text, field, value):
    assert getattr(decode_file_designation(text), field) == value


@pytest.mark.parametrize("item", FIXTURE, ids=[i["designation"] for i in FIXTURE])
def test_every_collected_designation(item):
    text = item["designation"]
    if text in NOT_DECIMAL:
        with pytest.raises(FileDesignationError, match="lot file"):
            decode_file_designation(text)
        return
    d = decode_file_designation(text)
    assert d.canonical(d.dash or "\u2013") == re.sub(r"\s+/", "/", text)  # the parts rebuild the designation
    assert str(d.class_digit) == text.replace("File No. ", "")[0]
    if "/" in text and re.search(r"/\d{1,2}[–-]\d{3,4}$", text):
        assert d.suffix_kind == "date" and 1910 <= d.date.year <= 1963
    elif "/" in text:
        assert d.suffix_kind == "serial"
    else:
        assert d.suffix_kind is None


def test_fixture_is_large_and_from_many_documents():
    assert len(FIXTURE) >= 100
    assert len({i["document_url"] for i in FIXTURE}) >= 100


@pytest.mark.parametrize("text, words", [
    ("", "empty"),
    ("320.2/13–2050", "month from 1 to 12"),
    ("320.2/2–3050", "real calendar date"),
    ("320.2/12—2050", "em dash"),
    ("320.2/12–2099", "1910–1963"),
    ("320.2/", "nothing after the slash"),
    ("320.2/12/2050", "between month and day"),
    ("320.2/12–2050x", "date suffix"),
    ("Telegram 602", "three-digit decimal file number"),
    ("32.2/12–2050", "three-digit"),
    ("S/P Files: Lot 64 D 563", "lot file"),
])
def test_malformed_input_is_refused_clearly(text, words):
    with pytest.raises(FileDesignationError) as info:
        decode_file_designation(text)
    assert words in str(info.value)
    assert repr(text) in str(info.value) or text == ""


def test_non_text_is_refused():
    with pytest.raises(FileDesignationError):
        decode_file_designation(3202)  # type: ignore[arg-type]


@given(st.dates(min_value=dt.date(1910, 1, 1), max_value=dt.date(1963, 12, 31)), st.sampled_from(["\u2013", "-"]), st.sampled_from(["320.2", "795.00", "357.AD", "611.93"]))
def test_any_printed_date_round_trips(date, dash, number):
    text = f"{number}/{date.month}{dash}{date.day}{date.year % 100:02d}"
    d = decode_file_designation(text)
    assert d.date == date and d.dash == dash and d.canonical(dash) == text


def test_explanation_takes_meanings_from_the_data_only():
    parts = {p.part: p for p in explain_file_designation("320.2/12–2050")}
    assert parts["scheme"].text == "1950"
    assert parts["class"].status == "inferred" and "United Nations" in parts["class"].meaning
    assert parts["subject"].status == "unknown"  # the subject list was not read: not guessed
    assert parts["date suffix"].meaning == "20 December 1950" and parts["date suffix"].sources
    old = {p.part: p for p in explain_file_designation("462.11/3-2345")}
    assert old["class"].meaning == "Claims" and old["scheme"].text == "1945"
    assert {p.part: p for p in explain_file_designation("795.00/12–2150")}["class"].status == "unknown"
    assert {p.part: p for p in explain_file_designation("793.94/9947a")}["serial"].meaning.startswith("a serial number")
