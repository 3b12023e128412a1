"""The witness record: the validator holds it to the text, and a partial text is read for what it is."""

from __future__ import annotations

import json

import pytest

from kernel_utils.errors import FrusParseError
from kernel_utils.store.validation import validate_paths
from kernel_utils.store.witness import parse_witness_text, stop_words

TELEGRAM = "795.00/12–1850: Telegram\n\nThe Secretary of State to the Embassy in India\n\n916. First paragraph of the telegram.\n\nSecond paragraph that stops mid-wo"


def _edit(data_copy, document_id: str, change) -> list:
    path = data_copy / "documents" / document_id / "document.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    change(record)
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
    return [str(p) for p in validate_paths([path])]


def test_the_real_records_are_valid():
    assert validate_paths([p for p in __import__("kernel_utils").store.paths.data_dir().glob("documents/*/document.json")]) == []


@pytest.mark.parametrize("change, words", [
    (lambda r: r["witness"].update(characters=5), "witness.characters"),
    (lambda r: r["witness"].update(stops_at="words it does not end with"), "witness.stops_at"),
    (lambda r: r["witness"].pop("stops_at"), "stops_at"),
    (lambda r: r["witness"].update(coverage="complete"), "no stopping point for a complete witness"),
    (lambda r: r["witness"].update(url="https://history.state.gov/historicaldocuments/frus1950v07/d1"), "witness.url"),
    (lambda r: r["witness"].update(coverage="most of it"), "'complete', 'partial'"),
    (lambda r: r.pop("witness"), "witness"),
    (lambda r: r["heading"].update(telegram_number="Delga 449"), "heading.telegram_number"),
])
def test_a_witness_record_that_disagrees_with_its_text_is_refused(data_copy, change, words):
    problems = _edit(data_copy, "frus1950v07-d1068", change)
    assert problems and any(words in p for p in problems), problems


def test_partial_reading_names_the_cut_paragraph():
    reading = parse_witness_text(TELEGRAM, source="t.txt", partial=True)
    assert reading.partial and reading.cut_paragraph == reading.document.paragraphs[-1].id
    assert reading.document.rebuild_text() == TELEGRAM
    assert any("stops inside paragraph" in c for c in reading.caveats)
    whole = parse_witness_text(TELEGRAM, source="t.txt", partial=False)
    assert whole.cut_paragraph is None and whole.caveats == ()


def test_a_cut_off_last_line_is_not_taken_for_a_signature():
    text = "795.00/12–1850: Telegram\n\nThe Secretary of State to the Embassy in India\n\n916. A paragraph.\n\nAnother one.\n\nDean R"
    reading = parse_witness_text(text, source="t.txt", partial=True)
    assert reading.document.signature == "Dean R"  # the parser reads a short last line as a signature
    assert reading.signature is None
    assert any("not a signature" in c for c in reading.caveats)


def test_a_partial_text_the_parser_cannot_read_says_so():
    with pytest.raises(FrusParseError, match="partial witness"):
        parse_witness_text("795.00/12–1850: Telegram\n\n", source="t.txt", partial=True)


def test_stop_words_are_the_exact_end_of_the_text():
    text = "x " * 100 + "after a cease-fire were i"
    assert text.endswith(stop_words(text)) and len(stop_words(text)) <= 60
    assert stop_words("short") == "short"


def test_the_witness_line_escapes_the_data():
    from dataclasses import replace

    from kernel_utils import document_record, witness_line_html
    from kernel_utils.store.witness import Witness

    payload = "<script>alert(1)</script>"
    record = document_record("frus1950v07-d1068")
    hostile = replace(record, witness=Witness("web-page-text", "https://example.org/'><script>", payload, 10, "partial", payload, payload))
    html = witness_line_html(hostile)
    assert "<script>" not in html and "&lt;script&gt;" in html
