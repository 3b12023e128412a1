"""The FRUS plain-text parser on small constructed texts (real fixtures: tests/fixtures/frus/)."""

from __future__ import annotations

import pytest

from kernel_utils import FrusParseError, parse_frus_text


def test_memorandum_without_recipient_or_markings():
    text = "Memorandum by the Planning Staff\n\n1. First point.\n\n2. Second point."
    doc = parse_frus_text(text)
    assert doc.sender == "the Planning Staff" and doc.recipient is None  # no " to ": not guessed
    assert doc.telegram_number is None
    assert [p.point for p in doc.paragraphs] == [1, 2]
    assert doc.rebuild_text() == text


def test_series_telegram_number_and_markers_on_their_own_line():
    text = "795.00/12–2250: Telegram\n\nThe Representative (Austin) to the Secretary of State\n\nsecret\nniact\n\nDelga 460. Text here.\n\n[Page 12]\n\nMore text.\n\nAustin"
    doc = parse_frus_text(text)
    assert doc.telegram_number == "Delga 460"
    assert doc.precedence == "niact" and doc.classification == "secret"
    assert [pb.page for pb in doc.page_breaks] == [12]
    assert [p.reading_text for p in doc.paragraphs] == ["Delga 460. Text here.", "More text."]
    assert doc.first_page == 11 and doc.first_page_basis.startswith("inferred")
    assert doc.signature == "Austin"
    assert doc.rebuild_text() == text


def test_glued_page_marker_and_received_line():
    text = "File No. 763.72/1234\n\nThe Ambassador in France (Sharp) to the Secretary of State\n\n[Received May 3, 9 p.m.]\n\n1234. Foo [Page 7]bar.\n\nSharp"
    doc = parse_frus_text(text)
    assert doc.file_designation == "File No. 763.72/1234" and doc.doc_type is None
    assert doc.received == "May 3, 9 p.m."
    assert doc.paragraphs[0].reading_text == "1234. Foo bar."
    assert doc.rebuild_text() == text


@pytest.mark.parametrize(
    "text, line, expected",
    [
        ("", 1, "a FRUS document"),
        ("   \n\n  ", 1, "a FRUS document"),
        ("x: Telegram\n\nA to B\n\nfoo [Page 12x] bar", 5, "[Page 123]"),
        ("x: Telegram\n\nbody\x00", 3, "printable text"),
        ("x: Telegram\n\nA to B\n\nsecret", 5, "at least one paragraph"),
    ],
    ids=["empty", "blank", "bad-marker", "control-char", "no-body"],
)
def test_unreadable_text_raises_the_library_error_naming_the_line(text, line, expected):
    with pytest.raises(FrusParseError) as info:
        parse_frus_text(text, source="sample.txt")
    assert info.value.line == line
    assert "sample.txt" in str(info.value) and expected in str(info.value)
