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
    assert doc.file_designation == "763.72/1234" and doc.doc_type is None  # "File No." is a label, not part of the number
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


def test_variants_missing_from_the_real_fixtures():
    """Constructed from the FRUS conventions the issue lists: "[Telegram]", "[Extract]", repeated
    "[Received]" lines, "No. 12", "Unnumbered.", a two-line signature block "For the ...:" + name."""
    text = (
        "711.00/1–2351: Telegram\n\n"
        "The Acting Secretary of State to the Embassy in India1\n\n"
        "[Telegram]\n[Extract]\nNo. 12\nconfidential   operational immediate\n"
        "[Received January 23—9 a. m.]\n[Received January 23—11 a. m.]\n\n"
        "Unnumbered. First paragraph.\n\n"
        "(a)\nA lettered point.\n\n"
        "[Page 7]Glued to the next word . . . and on.\n\n"
        "For the Acting Secretary of State:\n"
        "Dean Rusk\n"
        "  1. Repeated to London."
    )
    doc = parse_frus_text(text)
    assert doc.recipient == "the Embassy in India" and doc.sender == "The Acting Secretary of State"
    assert doc.classification == "confidential" and doc.precedence == "operational immediate"
    assert doc.received == "January 23—9 a. m."
    assert doc.telegram_number == "Unnumbered"
    assert doc.signature == "For the Acting Secretary of State: Dean Rusk"
    assert doc.footnotes == ("Repeated to London.",)
    assert [p.reading_text for p in doc.paragraphs] == [
        "Unnumbered. First paragraph.", "(a)\nA lettered point.", "Glued to the next word . . . and on."
    ]
    assert [pb.page for pb in doc.page_breaks] == [7] and doc.paragraphs[2].pages == (7,)
    assert doc.rebuild_text() == text


def test_later_series_heading_and_split_dateline():
    text = (
        "371. Telegram 1219 to Geneva1\n"
        "Washington, November 12,\n1955—1:03 p.m.\n"
        "For Johnson. No number opens this body.\n"
        "- Source: Department of State, Central Files, 611.93/11–1055. Secret.↩"
    )
    doc = parse_frus_text(text)
    assert doc.file_designation is None and doc.doc_type == "Telegram"
    assert doc.sender is None and doc.recipient == "Geneva"
    assert doc.telegram_number == "1219"  # from the heading: the body does not repeat it
    assert doc.dateline == "Washington, November 12, 1955—1:03 p.m."
    assert doc.footnotes == ("Source: Department of State, Central Files, 611.93/11–1055. Secret.",)
    assert doc.classification is None  # "Secret." in the source note is not a marking line
    assert doc.rebuild_text() == text


def test_closing_formula_then_signature_and_address_with_to_twice():
    text = (
        "The Assistant Secretary (Rusk) to Colonel Carter, Executive to the Secretary of Defense 3\n\n"
        "Body of the letter.\n\nI have [etc.]\n\nDean Rusk"
    )
    doc = parse_frus_text(text)
    assert doc.sender == "The Assistant Secretary (Rusk)"
    assert doc.recipient == "Colonel Carter, Executive to the Secretary of Defense"
    assert doc.signature == "Dean Rusk" and len(doc.paragraphs) == 1
    assert [line.kind for line in doc.furniture_lines] == ["closing"]
    assert doc.rebuild_text() == text


def test_what_cannot_be_determined_is_none():
    doc = parse_frus_text("Only a line of prose, nothing else.")
    assert (doc.file_designation, doc.doc_type, doc.sender, doc.recipient, doc.classification, doc.precedence,
            doc.telegram_number, doc.signature, doc.received, doc.dateline) == (None,) * 10
    assert doc.footnotes == () and doc.first_page is None and doc.first_page_basis == "unknown"


def test_rendered_text_lists_footnotes_escaped():
    from kernel_utils.views.document.text import render_text

    doc = parse_frus_text("x: Telegram\n\nA to B\n\n12. Body.1\n  1. See <b>this</b> & that.")
    html = render_text(doc)
    assert "<li>See &lt;b&gt;this&lt;/b&gt; &amp; that.</li>" in html and "<b>" not in html
