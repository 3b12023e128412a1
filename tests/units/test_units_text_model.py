"""Small made-up cases for the text model: heading and address lines, line vocabulary,
paragraph building, the parsed document and the TEI XML helpers (issue 11, mutation testing)."""

from __future__ import annotations

import pytest

from kernel_utils.errors import Problem, TeiError, TextIntegrityError
from kernel_utils.text.header import (
    Address,
    Heading,
    looks_like_address,
    looks_like_designation,
    looks_like_enclosed_title,
    parse_address,
    parse_heading,
    split_address,
    strip_address_note,
)
from kernel_utils.text.markers import strip_markers
from kernel_utils.text.model import FrusDocument, HeaderLine, PageBreak, Paragraph, page_of
from kernel_utils.text.paragraphs import BuiltParagraphs, build_paragraphs, paragraph_pages
from kernel_utils.text.teixml import Element, element_text, norm, read_xml, unique_refs
from kernel_utils.text.vocabulary import (
    PRECEDENCES,
    is_telegram_number,
    looks_like_body_start,
    looks_like_signature,
    marking_kind,
    near,
)


# --- header.py: heading and address lines --------------------------------------------------


def test_strip_address_note_removes_a_glued_or_spaced_footnote_number_and_trailing_blanks():
    assert strip_address_note("The Ambassador to the Secretary of State1") == "The Ambassador to the Secretary of State"
    assert strip_address_note("The Embassy to the Department 12") == "The Embassy to the Department"
    assert strip_address_note(" Mr. Hay to Mr. Adee  ") == " Mr. Hay to Mr. Adee"


def test_split_address_splits_at_the_first_to():
    assert split_address("Mr. Hay to Mr. Adee") == ("Mr. Hay", "Mr. Adee")
    assert split_address("Mr. Hay to Mr. Adee to Mr. Root") == ("Mr. Hay", "Mr. Adee to Mr. Root")


def test_split_address_keeps_a_lowercase_continuation_in_the_recipient():
    # the first " to " is followed by a lowercase word: FRUS's recipient, not part of the sender
    assert split_address("Mr. Hay to embassy staff to the Minister") == ("Mr. Hay", "embassy staff to the Minister")
    assert split_address("Mr. Hay to Paris") == ("Mr. Hay", "Paris")


def test_split_address_splits_after_a_parenthesised_name():
    line = "The Delegation to the Assembly (Roosevelt) to the Secretary of State"
    assert split_address(line) == ("The Delegation to the Assembly (Roosevelt)", "the Secretary of State")
    line = "The Mission (Gross) to the Council (Austin) to the Secretary"
    assert split_address(line) == ("The Mission (Gross)", "the Council (Austin) to the Secretary")


def test_split_address_keeps_a_capitalised_to_phrase_in_the_sender():
    line = "The Commission to Negotiate Peace to the Secretary of State"
    assert split_address(line) == ("The Commission to Negotiate Peace", "the Secretary of State")
    line = "The Commission to Negotiate Peace to the Secretary to the President"
    assert split_address(line) == ("The Commission to Negotiate Peace", "the Secretary to the President")


def test_split_address_without_to_gives_the_line_as_sender_or_nothing():
    assert split_address("Mr. Hay ") == ("Mr. Hay", None)
    assert split_address("   ") == (None, None)
    assert split_address(" to Mr. Adee") == (None, "Mr. Adee")
    assert split_address("Mr. Hay to ") == ("Mr. Hay", None)


def test_a_period_closed_address_of_the_older_volumes_is_an_address():
    assert looks_like_address("Mr. Conger to the Secretary of State.")
    assert looks_like_address("The Minister of Foreign Affairs to the Secretary of State.")
    assert looks_like_address("The Ambassador (Bruce) to the Secretary of State.")
    assert looks_like_address("The “Minister” to the Secretary of State.")


def test_a_period_closed_line_is_not_an_address_when_it_fails_one_condition():
    assert not looks_like_address("Mr. Conger to the Secretary of State..")  # an ellipsis, not a period
    assert not looks_like_address("Mr. Conger to the Secretary of State:")
    assert not looks_like_address("Mr. Conger to Mr. Adee.")  # recipient without FRUS's "the"
    assert not looks_like_address("Mr. conger to the Secretary of State.")  # a lowercase word in the sender
    assert not looks_like_address("The Consul to the Minister at Rome. Also the King.")  # a sentence break
    assert not looks_like_address("Mr. Conger to the Secretary?.")  # the rest ends like a question
    assert not looks_like_address("Mr. Conger.")
    assert not looks_like_address(" to the Secretary of State.")


def test_a_period_closed_address_has_at_most_ten_recipient_words():
    ten = "the Secretary of State of the Kingdom of Two Sicilies"
    assert len(ten.split()) == 10
    assert looks_like_address(f"Mr. Conger to {ten}.")
    assert not looks_like_address(f"Mr. Conger to {ten} Tomorrow.")


def test_a_period_closed_address_has_at_most_twenty_words():
    sender = "The Chargé of the Legation of the United States at Rio"  # 11 words
    recipient = "the Secretary of State at Washington"  # 6 words
    twenty = f"{sender} to {recipient} Two Days."
    assert len(twenty.split()) == 20
    assert looks_like_address(twenty)
    twenty_one = f"{sender} to {recipient} Two More Days."
    assert not looks_like_address(twenty_one)


def test_a_type_phrase_alone_makes_an_address_line():
    assert looks_like_address("Memorandum by the Secretary of State")
    assert parse_address("Memorandum by the Secretary of State") == Address(
        "Memorandum", "the Secretary of State", None
    )


def test_looks_like_address_for_a_plain_x_to_y_line():
    assert looks_like_address("Mr. Hay to Mr. Adee")
    assert not looks_like_address("Mr. Hay from Mr. Adee")
    assert not looks_like_address("mr. Hay to Mr. Adee")
    assert not looks_like_address("Delga 460. Repeated to Paris")
    assert not looks_like_address("Mr. Hay to Mr. Adee [Page 5]")


@pytest.mark.parametrize("end", [".", ":", ";", "?", "!", ". "])
def test_looks_like_address_refuses_a_line_ending_like_a_sentence(end):
    assert not looks_like_address(f"Mr. Hay to Mr. Adee{end}")


def test_looks_like_address_has_at_most_forty_words():
    forty = "Mr. Hay to " + " ".join(["Mr. Adee"] * 18) + " Z"
    assert len(forty.split()) == 40
    assert looks_like_address(forty)
    assert not looks_like_address(forty + " Z")


def test_parse_address_of_a_plain_line_drops_the_footnote_number():
    line = "The Ambassador in France (Bruce) to the Secretary of State2"
    assert parse_address(line) == Address(None, "The Ambassador in France (Bruce)", "the Secretary of State")


def test_parse_address_of_a_period_closed_line_drops_the_period():
    assert parse_address("Mr. Conger to the Secretary of State.1") == Address(
        None, "Mr. Conger", "the Secretary of State"
    )


def test_parse_address_of_a_type_phrase_line():
    assert parse_address("Memorandum of Conversation, by the Secretary to the President3") == Address(
        "Memorandum of Conversation", "the Secretary", "the President"
    )


def test_parse_heading_of_a_later_series_telegram_from_x_to_y():
    assert parse_heading("235. Telegram From the Mission at Geneva to the Department of State1") == Heading(
        doc_type="Telegram", sender="the Mission at Geneva", recipient="the Department of State", names_sender=True
    )


def test_parse_heading_of_a_later_series_numbered_telegram():
    assert parse_heading("371. Telegram 1219 to Geneva1") == Heading(
        doc_type="Telegram", heading_number="1219", recipient="Geneva"
    )
    assert parse_heading("372. Telegram 1220") == Heading(doc_type="Telegram", heading_number="1220")


def test_parse_heading_of_a_later_series_note_to_y():
    assert parse_heading("12. Note to the Soviet Government2") == Heading(
        doc_type="Note", recipient="the Soviet Government"
    )


def test_parse_heading_of_a_later_series_heading_with_nothing_more():
    assert parse_heading("5. Editorial Note") == Heading(doc_type="Editorial Note")
    assert parse_heading("6. Paper Prepared in the Department") == Heading(doc_type="Paper")


def test_parse_heading_of_a_designation_and_type():
    assert parse_heading("795.00/12–1350: Telegram") == Heading(file_designation="795.00/12–1350", doc_type="Telegram")
    assert parse_heading("File No. 763.72/1234: Telegram") == Heading(
        file_designation="763.72/1234", doc_type="Telegram"
    )


def test_parse_heading_designation_has_at_most_twelve_words():
    twelve = " ".join(f"w{i}" for i in range(12))
    assert parse_heading(f"{twelve}: Telegram") == Heading(file_designation=twelve, doc_type="Telegram")
    assert parse_heading(f"{twelve} w12: Telegram") is None


def test_parse_heading_refuses_a_type_phrase_before_the_colon():
    assert parse_heading("Memorandum by the Secretary: Telegram") is None


def test_parse_heading_of_a_bare_designation():
    assert parse_heading("File No. 812.00/7833.") == Heading(file_designation="812.00/7833")
    assert parse_heading("795.00/12–1350") == Heading(file_designation="795.00/12–1350")
    assert parse_heading("Not a heading at all") is None


def test_looks_like_designation_for_collection_and_lot_names():
    assert looks_like_designation("Truman Library, Truman Papers, PSF–Subject File")
    assert looks_like_designation("5D444, Box 12")
    twelve = "Files " + " ".join(["Lot"] * 11)
    assert looks_like_designation(twelve)
    assert not looks_like_designation(twelve + " Lot")


@pytest.mark.parametrize(
    "line",
    [
        "lot files of the secretariat",  # lowercase
        "Truman Library.",
        "Truman Library:",
        "Truman Library;",
        "Truman Library?",
        "Truman Library!",
        "Truman Library [Page 5]",
        "Mr. Hay to Mr. Adee",  # an address
        "Delga 460. Files",  # a telegram number
    ],
)
def test_looks_like_designation_refuses(line):
    assert not looks_like_designation(line)


def test_looks_like_enclosed_title_has_at_most_twenty_five_words():
    assert looks_like_enclosed_title("Draft Memorandum by the President to the Secretary of State1")
    assert not looks_like_enclosed_title("Sincerely yours")
    title = "Memorandum by the " + " ".join(["Chief"] * 22)
    assert len(title.split()) == 25
    assert looks_like_enclosed_title(title)
    assert not looks_like_enclosed_title(title + " Chief")


# --- vocabulary.py: what one line looks like -----------------------------------------------


@pytest.mark.parametrize(
    "word",
    [
        "priorty",  # one letter deleted
        "prioritty",  # one letter inserted
        "priorjty",  # one letter changed
        "urgnt",  # five letters, one off the six-letter "urgent"
    ],
)
def test_near_finds_a_misprint_one_letter_off_a_long_word(word):
    assert near(word, PRECEDENCES)


@pytest.mark.parametrize(
    "word",
    [
        "prior ty",  # two words
        "usxurgent",  # one off "us urgent", but a vocabulary phrase is never matched
        "flasj",  # one off "flash", shorter than six letters
        "prxorty",  # two letters off
        "priorjtx",  # two letters changed
        "urgetnx",
    ],
)
def test_near_refuses(word):
    assert not near(word, PRECEDENCES)


@pytest.mark.parametrize(
    ("part", "kind"),
    [
        ("Secret", "classification"),
        ("TOP SECRET", "classification"),
        ("Niact", "precedence"),
        ("priorty", "precedence"),  # a lowercase misprint
        ("Priorty", None),  # a capitalised misprint is not read as one
        ("[Received December 21—3:12 p.m.]", "received"),
        ("[Paraphrase]", "editorial"),
        ("No. 360", "serial"),
        ("Washington, March 12, 1951—7 p. m.", "dateline"),
        ("Hello there", None),
    ],
)
def test_marking_kind(part, kind):
    assert marking_kind(part) == kind


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("602. The Embassy", True),
        ("(a)", True),
        ("Subject: the talks", True),
        ("the rest of it", False),
        ("subject: the talks", False),
    ],
)
def test_looks_like_body_start(line, expected):
    assert looks_like_body_start(line) is expected


@pytest.mark.parametrize(
    "line",
    ["Acheson", "Dean G.", "Charles de Gaulle", "One Two Three Four Five Six"],
)
def test_looks_like_signature(line):
    assert looks_like_signature(line)


@pytest.mark.parametrize(
    "line",
    [
        "",
        "One Two Three Four Five Six Seven",
        "Acheson.",
        "Acheson. ",
        "Acheson,",
        "Acheson;",
        "Acheson:",
        "Acheson?",
        "Acheson!",
        "acheson",
        "de Gaulle",
        "A.",  # a list label
        "Secret",  # a marking
        "Priority",
        "Sincerely",  # a closing formula
        "Acheson2",  # a digit
        "Acheson [Page 5]",
    ],
)
def test_looks_like_signature_refuses(line):
    assert not looks_like_signature(line)


@pytest.mark.parametrize(
    ("number", "doc_type", "expected"),
    [
        ("Unnumbered", "Memorandum", True),
        ("Delga 460", "Memorandum", True),
        ("602", "Telegram", True),
        ("602", "Circular Airgram", True),
        ("602", "Cable", True),
        ("602", "Message", True),
        ("602", "Memorandum", False),
        ("602", None, True),
        ("1", None, False),
    ],
)
def test_is_telegram_number(number, doc_type, expected):
    assert is_telegram_number(number, doc_type) is expected


# --- paragraphs.py: spans into paragraphs --------------------------------------------------


def test_paragraph_pages_is_empty_when_the_first_page_is_unknown():
    assert paragraph_pages(None, [PageBreak(8, 10, 18)], 0, 30) == ()


@pytest.mark.parametrize(
    ("start", "end", "pages"),
    [
        (0, 30, (7, 8)),  # across the marker
        (0, 10, (7,)),  # ends just before the marker starts
        (0, 11, (7, 8)),  # its last character is the marker's first
        (10, 30, (8,)),  # starts at the marker
        (0, 9, (7,)),
    ],
)
def test_paragraph_pages_of_a_span(start, end, pages):
    assert paragraph_pages(7, [PageBreak(8, 10, 18)], start, end) == pages


def test_paragraph_pages_over_two_markers():
    breaks = [PageBreak(8, 10, 18), PageBreak(9, 20, 28)]
    assert paragraph_pages(7, breaks, 0, 40) == (7, 8, 9)
    assert paragraph_pages(7, breaks, 19, 21) == (8, 9)


def _two_paragraphs(first: str, second: str) -> tuple[str, list[tuple[int, int]]]:
    text = f"{first}\n\n{second}"
    return text, [(0, len(first)), (len(first) + 2, len(text))]


def test_build_paragraphs_reads_the_telegram_number_then_the_point_of_the_first_paragraph():
    text, spans = _two_paragraphs("602. 1. The talks [Page 8] began.", "2. Second point.")
    built = build_paragraphs(text, spans, doc_type="Telegram", first_page=7, breaks=[PageBreak(8, 18, 26)])
    assert built == BuiltParagraphs(
        (
            Paragraph(
                id="p01",
                number=1,
                start=0,
                end=33,
                text="602. 1. The talks [Page 8] began.",
                reading_text="602. 1. The talks began.",
                point=1,
                pages=(7, 8),
                page_breaks=(PageBreak(8, 18, 26),),
            ),
            Paragraph(
                id="p02",
                number=2,
                start=35,
                end=51,
                text="2. Second point.",
                reading_text="2. Second point.",
                point=2,
                pages=(8,),
                page_breaks=(),
            ),
        ),
        "602",
    )


def test_build_paragraphs_reads_a_series_number_as_the_telegram_number_in_any_document():
    text, spans = _two_paragraphs("Delga 460. The talks.", "More.")
    built = build_paragraphs(text, spans, doc_type="Memorandum", first_page=None, breaks=())
    assert built.telegram_number == "Delga 460"
    assert [p.point for p in built.paragraphs] == [None, None]
    assert [p.pages for p in built.paragraphs] == [(), ()]


def test_build_paragraphs_leaves_a_bare_number_in_a_memorandum_alone():
    text, spans = _two_paragraphs("602. The talks.", "More.")
    built = build_paragraphs(text, spans, doc_type="Memorandum", first_page=None, breaks=())
    assert built.telegram_number is None
    assert built.paragraphs[0].reading_text == "602. The talks."


def test_build_paragraphs_reads_1_as_the_first_point_when_the_type_is_unknown():
    text, spans = _two_paragraphs("1. The talks.", "2. More.")
    built = build_paragraphs(text, spans, doc_type=None, first_page=3, breaks=())
    assert built.telegram_number is None
    assert [(p.id, p.number, p.point, p.pages) for p in built.paragraphs] == [("p01", 1, 1, (3,)), ("p02", 2, 2, (3,))]


def test_build_paragraphs_reads_a_telegram_number_only_in_the_first_paragraph():
    text, spans = _two_paragraphs("The talks.", "603. More.")
    built = build_paragraphs(text, spans, doc_type="Telegram", first_page=None, breaks=())
    assert built.telegram_number is None
    assert [p.point for p in built.paragraphs] == [None, None]


def test_build_paragraphs_of_no_spans():
    assert build_paragraphs("", [], doc_type=None, first_page=None, breaks=()) == BuiltParagraphs((), None)


# --- model.py: the parsed document ---------------------------------------------------------


def _doc(text: str, **fields: object) -> FrusDocument:
    """A document built by hand: every header field empty unless given."""
    base: dict[str, object] = {
        "text": text,
        "source": "made-up.txt",
        "file_designation": None,
        "doc_type": None,
        "sender": None,
        "recipient": None,
        "classification": None,
        "precedence": None,
        "dateline": None,
        "received": None,
        "telegram_number": None,
        "header_lines": (),
        "paragraphs": (),
        "signature": None,
        "signature_span": None,
        "page_breaks": (),
        "first_page": None,
        "first_page_basis": "unknown",
    }
    return FrusDocument(**{**base, **fields})  # type: ignore[arg-type]


def _paragraph(text: str, start: int, end: int, n: int = 1, pages: tuple[int, ...] = ()) -> Paragraph:
    """The paragraph at ``start``–``end`` of ``text``, its markers stripped as the parser does."""
    raw = text[start:end]
    reading, marks = strip_markers(raw, start)
    return Paragraph(f"p{n:02d}", n, start, end, raw, reading, None, pages, tuple(PageBreak(*m) for m in marks))


def _line(text: str, kind: str, value: str) -> HeaderLine:
    start = text.index(value)
    return HeaderLine(kind, value, start, start + len(value))


@pytest.mark.parametrize(("offset", "page"), [(0, 7), (9, 7), (10, 8), (19, 8), (20, 9), (99, 9)])
def test_page_of_is_the_page_of_the_last_marker_at_or_before_the_offset(offset, page):
    assert page_of(7, [PageBreak(8, 10, 18), PageBreak(9, 20, 28)], offset) == page


def test_page_of_without_a_first_page():
    assert page_of(None, [PageBreak(8, 10, 18)], 5) is None
    assert page_of(None, [PageBreak(8, 10, 18)], 10) == 8


def _two_paragraph_doc() -> FrusDocument:
    text = "Alpha one.\n\nBeta two.\n"
    return _doc(text, paragraphs=(_paragraph(text, 0, 10, 1), _paragraph(text, 12, 21, 2)), first_page=7)


def test_paragraph_by_id():
    doc = _two_paragraph_doc()
    assert doc.paragraph("p02") == doc.paragraphs[1]
    assert doc.paragraph("p01") == doc.paragraphs[0]


def test_paragraph_by_an_unknown_id_names_the_file_and_the_valid_ids():
    with pytest.raises(KeyError) as info:
        _two_paragraph_doc().paragraph("p09")
    assert info.value.args == ("no paragraph 'p09' in made-up.txt; valid ids: p01, p02",)


@pytest.mark.parametrize(("offset", "paragraph_id"), [(0, "p01"), (9, "p01"), (10, None), (11, None), (12, "p02")])
def test_paragraph_at_an_offset(offset, paragraph_id):
    found = _two_paragraph_doc().paragraph_at(offset)
    assert (found.id if found else None) == paragraph_id


def test_page_at_the_ends_of_the_text_and_after_a_marker():
    text = "Alpha [Page 8] beta."
    doc = _doc(text, first_page=7, page_breaks=(PageBreak(8, 6, 14),))
    assert [doc.page_at(0), doc.page_at(5), doc.page_at(6), doc.page_at(len(text))] == [7, 7, 8, 8]


@pytest.mark.parametrize("offset", [-1, 21])
def test_page_at_outside_the_text_names_the_offset_the_range_and_the_file(offset):
    doc = _doc("Alpha [Page 8] beta.", first_page=7)
    with pytest.raises(IndexError) as info:
        doc.page_at(offset)
    assert str(info.value) == f"offset {offset} is outside the text (0–20) of made-up.txt"


def test_paragraph_table_has_one_row_per_paragraph_with_nullable_integer_pages():
    doc = _doc(
        "x" * 40,
        paragraphs=(
            Paragraph("p01", 1, 0, 10, "1. Alpha.", "1. Alpha.", 1, (7, 8, 9)),
            Paragraph("p02", 2, 12, 20, "Beta.", "Beta.", None, ()),
        ),
    )
    table = doc.paragraph_table()
    assert table.index.name == "id"
    assert list(table.index) == ["p01", "p02"]
    assert list(table.columns) == ["number", "point", "start", "end", "length", "first_page", "last_page", "text"]
    assert {column: str(table[column].dtype) for column in ("point", "first_page", "last_page")} == {
        "point": "Int64",
        "first_page": "Int64",
        "last_page": "Int64",
    }
    rows = table.astype(object).where(table.notna(), None).to_dict("index")
    assert rows == {
        "p01": {
            "number": 1,
            "point": 1,
            "start": 0,
            "end": 10,
            "length": 9,
            "first_page": 7,
            "last_page": 9,
            "text": "1. Alpha.",
        },
        "p02": {
            "number": 2,
            "point": None,
            "start": 12,
            "end": 20,
            "length": 5,
            "first_page": None,
            "last_page": None,
            "text": "Beta.",
        },
    }


def test_paragraph_table_keeps_integer_pages_when_every_paragraph_has_them():
    doc = _doc("x" * 10, paragraphs=(Paragraph("p01", 1, 0, 5, "A.", "A.", 3, (4,)),))
    table = doc.paragraph_table()
    assert str(table["point"].dtype) == "Int64" and int(table.loc["p01", "last_page"]) == 4


_WHOLE = (
    "\n795.00/12–1350: Telegram\n"
    "The Ambassador (Bruce) to the Secretary of State1\n"
    "[Page 3]\n"
    "[Page 4] 602. Alpha beta [Page 5] gamma[Page 6]delta.\n\n"
    ". . . . . . .\n\n"
    "Bruce\n"
)


def _whole_doc(**fields: object) -> FrusDocument:
    text = _WHOLE
    body = text.index("[Page 4]")
    body_end = text.index("delta.") + len("delta.")
    signature = text.index("Bruce\n")
    return _doc(
        text,
        **{
            "header_lines": (
                _line(text, "heading", "795.00/12–1350: Telegram"),
                _line(text, "address", "The Ambassador (Bruce) to the Secretary of State1"),
            ),
            "paragraphs": (_paragraph(text, body, body_end),),
            "furniture_lines": (_line(text, "omission", ". . . . . . ."),),
            "page_breaks": tuple(PageBreak(*m) for m in strip_markers(text, 0)[1]),
            "signature": "Bruce",
            "signature_span": (signature, signature + len("Bruce")),
            **fields,
        },
    )


def test_rebuild_text_puts_every_element_and_lone_marker_back_verbatim():
    doc = _whole_doc()
    assert [pb.page for pb in doc.page_breaks] == [3, 4, 5, 6]
    assert doc.paragraphs[0].reading_text == "602. Alpha beta gammadelta."
    assert doc.rebuild_text() == _WHOLE


def test_rebuild_text_puts_a_signature_furniture_line_back_once():
    signature = _WHOLE.index("Bruce\n")
    doc = _whole_doc(
        furniture_lines=(
            _line(_WHOLE, "omission", ". . . . . . ."),
            HeaderLine("signature", "Bruce", signature, signature + len("Bruce")),
        )
    )
    assert doc.rebuild_text() == _WHOLE


def test_rebuild_text_without_a_signature_span_places_no_signature():
    text = "Alpha.\n"
    doc = _doc(text, paragraphs=(_paragraph(text, 0, 6),), signature="Bruce", signature_span=None)
    assert doc.rebuild_text() == text
    assert _doc(text, paragraphs=(_paragraph(text, 0, 6),)).rebuild_text() == text


def test_rebuild_text_puts_back_a_marker_glued_to_the_end_of_a_paragraph():
    text = "Alpha.[Page 3]\n"
    doc = _doc(text, paragraphs=(_paragraph(text, 0, 6),), page_breaks=(PageBreak(3, 6, 14),))
    assert doc.rebuild_text() == text


def test_rebuild_text_puts_markers_back_in_text_order_whatever_their_stored_order():
    text = "Alpha [Page 5] beta [Page 6] gamma [Page 7] delta."
    p = _paragraph(text, 0, len(text))
    shuffled = Paragraph(**{**p.__dict__, "page_breaks": tuple(reversed(p.page_breaks))})
    assert _doc(text, paragraphs=(shuffled,), page_breaks=p.page_breaks).rebuild_text() == text


def test_rebuild_text_names_the_first_uncovered_span_after_an_element():
    text = "Heading\n  stray words  \nAlpha."
    doc = _doc(text, header_lines=(_line(text, "heading", "Heading"),), paragraphs=(_paragraph(text, 24, 30),))
    with pytest.raises(TextIntegrityError) as info:
        doc.rebuild_text()
    assert info.value.problems == (
        Problem("made-up.txt", "characters 10–21", "", "text covered by parsed elements", "'stray words'"),
    )


def test_rebuild_text_names_uncovered_text_at_the_end_and_cuts_it_at_eighty_characters():
    stray = "w" * 100
    text = f"Alpha.\n {stray}\n"
    doc = _doc(text, paragraphs=(_paragraph(text, 0, 6),))
    with pytest.raises(TextIntegrityError) as info:
        doc.rebuild_text()
    assert info.value.problems == (
        Problem("made-up.txt", "characters 8–108", "", "text covered by parsed elements", repr("w" * 80)),
    )


# --- teixml.py: reading TEI XML safely -----------------------------------------------------

_TEI = 'xmlns="http://www.tei-c.org/ns/1.0"'


def _p(inner: str) -> Element:
    return read_xml(f"<p {_TEI}>{inner}</p>", "made-up.xml")


def test_read_xml_reads_text_bytes_and_a_file(tmp_path):
    assert read_xml("<r>Zürich</r>", "made-up.xml").text == "Zürich"
    assert read_xml("<r>Zürich</r>".encode(), "made-up.xml").text == "Zürich"
    path = tmp_path / "made-up.xml"
    path.write_text('<?xml version="1.0" encoding="utf-8"?><r>Zürich</r>', encoding="utf-8")
    assert read_xml(path, "made-up.xml").text == "Zürich"


def test_read_xml_names_the_file_of_malformed_xml():
    with pytest.raises(TeiError) as info:
        read_xml("<r>", "made-up.xml")
    message = str(info.value)
    assert message.startswith("made-up.xml: not well-formed XML (") and message.endswith(")")
    assert "Premature end of data" in message


def test_read_xml_names_a_missing_file(tmp_path):
    with pytest.raises(TeiError, match=r"^gone\.xml: not well-formed XML \(\[Errno 2\] "):
        read_xml(tmp_path / "gone.xml", "gone.xml")


def test_read_xml_does_not_expand_entities():
    root = read_xml('<!DOCTYPE r [<!ENTITY e "expanded">]><r>a&e;b</r>', "made-up.xml")
    assert "".join(root.itertext()) == "a&e;b"


def test_read_xml_loads_no_external_dtd(tmp_path):
    dtd = tmp_path / "made-up.dtd"
    dtd.write_text('<!ENTITY e "from the dtd">', encoding="utf-8")
    root = read_xml(f'<!DOCTYPE r SYSTEM "{dtd.as_uri()}"><r>a&e;b</r>', "made-up.xml")
    assert root.getroottree().docinfo.externalDTD is None
    assert "".join(root.itertext()) == "a&e;b"


def test_read_xml_does_not_validate_against_a_dtd():
    root = read_xml("<!DOCTYPE r [<!ELEMENT r EMPTY>]><r><x/></r>", "made-up.xml")
    assert [child.tag for child in root] == ["x"]


def test_read_xml_refuses_a_tree_deeper_than_lxml_allows_by_default():
    deep = "<r>" + "<a>" * 300 + "x" + "</a>" * 300 + "</r>"
    with pytest.raises(TeiError, match="Excessive depth"):
        read_xml(deep, "made-up.xml")


def test_norm_collapses_every_run_of_blanks():
    assert norm("  one \n\t two  three ") == "one two three"


def test_element_text_leaves_notes_page_breaks_and_comments_out_and_reads_a_line_break_as_a_blank():
    p = _p('one <hi>two</hi> three<note>a note</note> four<pb n="5"/> five<!-- c --> six<lb/>seven')
    assert element_text(p) == "one two three four five six seven"


def test_element_text_with_page_breaks_kept_gives_numbered_ones_only():
    p = _p('one<pb n="5"/> two<pb n="v"/> three<pb/> four')
    assert element_text(p, keep_pb=True) == "one[Page 5] two three four"


def test_element_text_stops_at_the_first_line_break_even_inside_a_child():
    assert element_text(_p("one <hi>two<lb/>three</hi> four"), stop_at_lb=True) == "one two"
    assert element_text(_p("one<lb/>two"), stop_at_lb=True) == "one"


def test_element_text_stops_everything_at_a_line_break_two_elements_deep():
    nested = _p("A <hi>B <emph>C<lb/>D</emph> E</hi> F")
    assert element_text(nested, stop_at_lb=True) == "A B C"
    assert element_text(nested) == "A B C D E F"


def test_unique_refs_in_order_without_the_hash_or_blanks():
    root = read_xml('<r><x c="#Xi"/><x c="#b"/><x c="#Xi"/><x/><x c=""/><x c="c"/></r>', "made-up.xml")
    assert unique_refs(root, "c") == ["Xi", "b", "c"]
