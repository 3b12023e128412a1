"""The plain-text parser's passes, lines, page markers and footnote lists on small made-up texts.

One behaviour or boundary per test, exact expected results (issue 11: these cases are what the
mutants of kernel_utils/text/{passes,parser,lines,markers,footnotes}.py are judged against).
The texts are constructed from FRUS conventions (tests/fixtures/frus/CONVENTIONS.md), not copied
from any document.  Some passes are called directly on a :class:`ParseState` where their contract
(what they take and leave) is not visible in the finished document.
"""

from __future__ import annotations

import pytest

from kernel_utils.errors import FrusParseError
from kernel_utils.text import passes
from kernel_utils.text.footnotes import footnote_block_start, footnote_texts
from kernel_utils.text.lines import Line, line_of, split_lines
from kernel_utils.text.markers import is_page_only, removed_chunk, strip_markers
from kernel_utils.text.model import FrusDocument, HeaderLine
from kernel_utils.text.parser import check_text, parse_frus_text
from kernel_utils.text.passes import ParseState

from test_parser_passes import ADDRESS, HEADING, parse  # the made-up heading and the lossless parse


def heads(doc: FrusDocument) -> list[tuple[str, str]]:
    return [(h.kind, h.value) for h in doc.header_lines]


def furniture(doc: FrusDocument) -> list[tuple[str, str]]:
    return [(h.kind, h.value) for h in doc.furniture_lines]


def bodies(doc: FrusDocument) -> list[str]:
    return [p.reading_text for p in doc.paragraphs]


def state_of(text: str, *, wrapped: bool = False, cursor: int = 0) -> ParseState:
    state = ParseState(text, split_lines(text), wrapped)
    state.cursor = cursor
    return state


def texts(state: ParseState, lines: list[Line]) -> list[str]:
    return [ln.text(state.text) for ln in lines]


def no_body(text: str) -> str:
    with pytest.raises(FrusParseError) as info:
        parse_frus_text(text, source="made-up")
    return str(info.value)


# ------------------------------------------------------------------------------- lines


def test_split_lines_gives_trimmed_spans_indents_and_line_numbers():
    text = "  a\n\n\tb c \nd"
    assert split_lines(text) == [Line(2, 3, "  ", 1), Line(6, 9, "\t", 3), Line(11, 12, "", 4)]
    assert [ln.text(text) for ln in split_lines(text)] == ["a", "b c", "d"]
    assert split_lines(text)[1].raw(text) == "\tb c"


def test_line_of_counts_newlines_before_the_offset():
    text = "\nab\ncd"
    assert [line_of(text, offset) for offset in (0, 1, 3, 4, 6)] == [1, 2, 2, 3, 3]


# ------------------------------------------------------------------------------- page markers


def test_a_line_of_page_markers_only():
    assert is_page_only("[Page 3]") and is_page_only(" [Page 3] [Page 4] ")
    assert not is_page_only("[Page 3] x") and not is_page_only("text")


@pytest.mark.parametrize(
    "raw, reading",
    [
        ("about [Page 5] by", "about by"),
        ("about\n[Page 5]\nby", "about\nby"),
        ("[Page 5] Start", "Start"),
        ("[Page 5]\nStart", "Start"),
        ("[Page 5]x", "x"),
        ("glued[Page 5]word", "gluedword"),
        ("x[Page 5] y", "x y"),
        ("end [Page 5]", "end "),
    ],
)
def test_strip_markers_drops_one_blank_only_between_blanks_or_at_the_start(raw, reading):
    at = raw.index("[Page")
    assert strip_markers(raw, 100) == (reading, ((5, 100 + at, 108 + at),))


def test_strip_markers_reads_every_marker_with_its_page_number():
    assert strip_markers("a [Page 5] b [Page 16] c", 10) == ("a b c", ((5, 12, 20), (16, 23, 32)))
    assert strip_markers("no markers", 0) == ("no markers", ())


@pytest.mark.parametrize(
    "raw, chunk, back",
    [
        ("about [Page 5] by", " [Page 5]", 1),
        ("about\n[Page 5]\nby", "\n[Page 5]", 1),
        ("[Page 5] Start", "[Page 5] ", 0),
        ("[Page 5]\nStart", "[Page 5]\n", 0),
        ("[Page 5]x", "[Page 5]", 0),
        ("glued[Page 5] word", "[Page 5]", 0),
        ("end [Page 5]", "[Page 5]", 0),
    ],
)
def test_removed_chunk_is_the_marker_with_the_blank_strip_markers_dropped(raw, chunk, back):
    start = 100 + raw.index("[Page")
    assert removed_chunk(raw, 100, 5, start, start + 8) == (chunk, start - back)


# ------------------------------------------------------------------------------- footnote lists


def block(text: str, first: int = 0) -> int:
    return footnote_block_start(text, split_lines(text), first)


def notes(text: str) -> tuple[str, ...]:
    return footnote_texts(text, split_lines(text))


def test_a_footnote_block_starts_at_an_indented_item_a_dash_item_or_a_source_line():
    assert block("Body.\n  1. Note") == 1
    assert block("Body.\n- One.↩") == 1
    assert block("Body.\n-") == 1
    assert block("Body.\n- Source: Files.") == 1
    assert block("Body.\n- source: files.") == 2  # not the Source line's spelling
    assert block("Body.\n1. Not indented") == 2


def test_a_footnote_block_is_looked_for_from_first_on():
    assert block("  1. early\nBody\n  2. Note", first=1) == 2
    assert block("  1. early\nBody", first=1) == 2


def test_a_dash_line_after_a_glued_note_number_starts_the_list_unless_a_dash_line_came_before():
    assert block("Text.1\n- note") == 1
    assert block("Intro\nText.1\n- note") == 2
    assert block("Intro\nText\n- note") == 3  # no glued number on the line before
    assert block("- item\nText.1\n- second") == 3  # a "- " list of the body
    assert block("- x\nText.1\n- note", first=1) == 2  # lines before first do not count
    assert block("- a\nb.2") == 2  # the first line has no line before it


def test_footnote_texts_of_numbered_items_with_wrapped_and_indented_lines():
    assert notes("  1. A\nB") == ("A B",)
    assert notes("  1. A\n    b") == ("A\nb",)
    assert notes("  1. A\n   b") == ("A b",)  # three blanks are not a new paragraph
    assert notes("  1. First.\nSecond") == ("First.\nSecond",)
    assert notes("  1. A↩\n  2. B") == ("A", "B")


def test_footnote_texts_of_dash_items():
    assert notes("- One.↩") == ("One.",)
    assert notes("- One.↩\nLoose") == ("One.", "Loose")  # an arrow closes the note
    assert notes("- Two\nmore.") == ("Two more.",)
    assert notes("-\nLoose") == ("Loose",)
    assert notes("-") == ("",)
    assert notes("Loose\nmore") == ("Loose more",)


@pytest.mark.parametrize(
    "text, note",
    [
        ("  1. See Doc.\nwhich says", "See Doc. which says"),  # lowercase: wrapped
        ("  1. See p.\n1st line", "See p. 1st line"),  # a digit: wrapped
        ("  1. First.\n(see below)", "First.\n(see below)"),  # after a sentence end: new paragraph
        ("  1. Cut here\nThen", "Cut here Then"),  # no sentence end: wrapped
    ],
)
def test_a_further_line_of_a_note_joins_with_a_space_or_a_newline(text, note):
    assert notes(text) == (note,)


# ------------------------------------------------------------------------------- parser


def test_check_text_messages_name_the_source_line_expected_and_found():
    with pytest.raises(FrusParseError) as empty:
        check_text(" \n ", "a.txt")
    assert str(empty.value) == "a.txt, line 1: the text is empty; expected a FRUS document"
    with pytest.raises(FrusParseError) as control:
        check_text("ok\nbad\x07\nmore", "a.txt")
    assert str(control.value) == "a.txt, line 2: control character in the text; expected printable text; found '\\x07'"
    with pytest.raises(FrusParseError) as marker:
        check_text("ok\n\nsee [Page 12] and [Page x]\nmore", "a.txt")
    assert str(marker.value) == (
        "a.txt, line 3: malformed page marker; expected a page marker of the form '[Page 123]'; found '[Page x]'"
    )
    check_text("fine [Page 12]", "a.txt")  # a well-formed marker passes
    with pytest.raises(TypeError, match="needs a str, got bytes"):
        check_text(b"x", "a.txt")  # type: ignore[arg-type]


def test_parse_names_its_source_in_messages_and_in_the_document():
    with pytest.raises(FrusParseError, match="^s.txt, line 1: the text is empty"):
        parse_frus_text("", source="s.txt")
    with pytest.raises(FrusParseError, match="^<text>, line 1: the text is empty"):
        parse_frus_text("")
    assert parse_frus_text("A to B\n\nText.").source == "<text>"


def test_no_body_message_names_the_last_line():
    assert no_body(f"{HEADING}\n{ADDRESS}\nsecret\n") == (
        "made-up, line 4: no body after the heading and markings; expected at least one paragraph of text"
    )


def test_parse_fills_every_field_of_the_document():
    text = (
        f"{HEADING}\n\n{ADDRESS}\n\nsecret   priority\n\nWashington, May 1, 1950—7 p. m.\n\n"
        "[Received May 2—1 a.m.]\n\n12. First [Page 8] point.\n\n2. Second point.\n\n. . . . .\n\nSmith\n  1. A note."
    )
    doc = parse_frus_text(text, source="s.txt")
    assert doc.text == text and doc.source == "s.txt"
    assert (doc.file_designation, doc.doc_type, doc.sender, doc.recipient) == (
        "711.00/1–150",
        "Telegram",
        "The Ambassador in Ruritania (Smith)",
        "the Secretary of State",
    )
    assert (doc.classification, doc.precedence, doc.dateline, doc.received, doc.telegram_number) == (
        "secret",
        "priority",
        "Washington, May 1, 1950—7 p. m.",
        "May 2—1 a.m.",
        "12",
    )
    assert [h.kind for h in doc.header_lines] == ["heading", "address", "marking", "dateline", "received"]
    assert bodies(doc) == ["12. First point.", "2. Second point."]
    assert [p.point for p in doc.paragraphs] == [None, 2]
    assert doc.signature == "Smith" and doc.signature_span == (text.index("\nSmith") + 1, text.index("\nSmith") + 6)
    assert [(b.page, b.start, b.end) for b in doc.page_breaks] == [
        (8, text.index("[Page 8]"), text.index("[Page 8]") + 8)
    ]
    assert (doc.first_page, doc.first_page_basis) == (7, "inferred from the first page marker")
    assert doc.footnotes == ("A note.",)
    assert furniture(doc) == [("omission", ". . . . ."), ("footnote", "1. A note.")]
    assert doc.rebuild_text() == text


def test_first_page_given_inferred_or_unknown():
    given = parse_frus_text("A to B\n\nText [Page 8] on.", first_page=3, first_page_basis="from the index")
    assert (given.first_page, given.first_page_basis, given.paragraphs[0].pages) == (
        3,
        "from the index",
        (3, 4, 5, 6, 7, 8),
    )
    inferred = parse_frus_text("A to B\n\nText [Page 8] on [Page 9] more.")
    assert (inferred.first_page, inferred.first_page_basis) == (7, "inferred from the first page marker")
    unknown = parse_frus_text("A to B\n\nText.")
    assert (unknown.first_page, unknown.first_page_basis, unknown.page_breaks) == (None, "unknown", ())
    assert parse_frus_text("A to B\n\nText.", first_page=4).first_page_basis == "given"


def test_furniture_lines_come_in_text_order():
    doc = parse(f"Learn about the beta\n{ADDRESS}\n\nText.\n\n. . . . .\n\nMore.\n\nI have [etc.]\n\nSmith\n- Note.↩")
    assert [h.kind for h in doc.furniture_lines] == ["chrome", "omission", "closing", "footnote"]
    assert [h.start for h in doc.furniture_lines] == sorted(h.start for h in doc.furniture_lines)


# ------------------------------------------------------------------------------- the state


def test_take_spans_one_line_or_several():
    state = state_of("ab\ncd")
    first, last = state.lines
    assert state.take("x", first, last) == HeaderLine("x", "ab\ncd", 0, 5)
    assert state.take("y", last) == HeaderLine("y", "cd", 3, 5)
    assert state.line(1) == "cd"


def test_content_leaves_out_page_markers_and_omission_lines():
    state = state_of("[Page 3]\n. . . . .\nText\n[Page 4] more")
    state.body = list(state.lines)
    assert texts(state, state.content()) == ["Text", "[Page 4] more"]


# ------------------------------------------------------------------------------- hard-wrapped


def wrapped(*lengths: int) -> bool:
    return passes.is_hard_wrapped(split_lines("\n".join("w" * n for n in lengths)))


def test_a_short_text_is_hard_wrapped_when_two_lines_are_cut_near_full_width():
    assert wrapped(60, 60, 1, 1, 1, 1)
    assert not wrapped(60, 60, 1, 1, 1)  # five lines are too few
    assert not wrapped(10, 10, 10, 10, 10, 10)  # all short
    assert wrapped(90, 90, 1, 1, 1, 1) and wrapped(55, 55, 1, 1, 1, 1)  # both ends of 55-90
    assert not wrapped(91, 60, 60, 1, 1, 1)  # one line longer than 90
    assert not wrapped(54, 60, 1, 1, 1, 1)  # only one line in 55-90
    assert not wrapped(60, 1, 1, 1, 1, 1)
    assert wrapped(*[60] * 3 + [1] * 8)  # eleven lines: still the short rule


def test_a_long_text_is_hard_wrapped_when_a_third_of_its_lines_are_50_to_95_long():
    assert wrapped(*[95] * 12)  # twelve lines: the long rule, up to 95
    assert not wrapped(*[60] * 11 + [96])  # a line over 95
    assert wrapped(*[50] * 5 + [1] * 7)  # 5 of 12 >= 35%
    assert not wrapped(*[49] * 5 + [1] * 7)
    assert wrapped(*[60] * 7 + [1] * 13)  # exactly 35% of 20
    assert not wrapped(*[60] * 6 + [1] * 14)


# ------------------------------------------------------------------------------- top passes


def test_site_chrome_is_a_known_banner_or_a_short_line_before_a_heading():
    state = state_of(f"Menu\n{HEADING}")
    assert passes._is_chrome(state, 0)
    assert passes._is_chrome(state_of("Learn about the beta\nText here\nMore"), 0)  # the banner, anywhere
    assert not passes._is_chrome(state_of("Menu\nText here\nMore"), 0)  # no heading after it
    assert passes._is_chrome(state_of(f"Menu\nText\n{HEADING}"), 0)  # within the first four lines


@pytest.mark.parametrize(
    "line, chrome",
    [
        ("one two three four five six seven eight", True),
        ("one two three four five six seven eight nine", False),
        ("Menu 2024", False),
        ("The Embassy to the Department", False),  # an address
        ("secret", False),  # a marking
    ],
)
def test_what_can_be_chrome_before_a_heading(line, chrome):
    assert passes._is_chrome(state_of(f"{line}\n{HEADING}"), 0) is chrome


def test_chrome_looks_for_a_heading_only_after_the_line_and_within_the_first_four_lines():
    assert not passes._is_chrome(state_of(f"x\n{HEADING}\nMenu\nBody text"), 2)  # the heading is before it
    assert not passes._is_chrome(state_of(f"Menu\na\nb\nc\n{HEADING}"), 0)  # the fifth line is too far
    assert passes._is_chrome(state_of(f"Menu\na\nb\n{HEADING}"), 0)


def test_the_preamble_takes_banners_and_document_numbers_up_to_the_fourth_line():
    doc = parse(f"Learn about the beta\nNo. 12\n{HEADING}\n{ADDRESS}\n5. Text.")
    assert heads(doc)[:2] == [("serial", "No. 12"), ("heading", HEADING)]
    assert furniture(doc) == [("chrome", "Learn about the beta")]
    five = parse("\n".join(["Learn about the beta"] * 5 + ["Text here."]))
    assert [h.kind for h in five.furniture_lines] == ["chrome"] * 4
    assert bodies(five) == ["Learn about the beta", "Text here."]
    two = parse("Learn about the beta\nLearn about the beta\nText here.")
    assert [h.kind for h in two.furniture_lines] == ["chrome", "chrome"] and bodies(two) == ["Text here."]


def test_the_preamble_leaves_the_last_line():
    alone = parse("Learn about the beta")
    assert bodies(alone) == ["Learn about the beta"] and furniture(alone) == []
    doc = parse("Learn about the beta\n\nThe Embassy to the Department\n\nText.")
    assert furniture(doc) == [("chrome", "Learn about the beta")] and doc.file_designation is None


def test_a_heading_line_sets_the_heading_fields():
    doc = parse(f"{HEADING}\n\n{ADDRESS}\n\n5. Text.")
    assert heads(doc) == [("heading", HEADING), ("address", ADDRESS)]
    assert (doc.file_designation, doc.doc_type) == ("711.00/1–150", "Telegram")
    series = parse("14. Telegram 1219 to Geneva1\n\nText.")
    assert heads(series) == [("heading", "14. Telegram 1219 to Geneva1")]
    assert (series.doc_type, series.sender, series.recipient, series.telegram_number) == (
        "Telegram",
        None,
        "Geneva",
        "1219",
    )


def test_a_positional_designation_needs_a_designation_line_and_an_address_after_it():
    doc = parse("Central Files, Box 3\nThe Embassy to the Department\nText.")
    assert heads(doc) == [("heading", "Central Files, Box 3"), ("address", "The Embassy to the Department")]
    sentence = parse("The meeting opened.\nThe Embassy to the Department\nText.")
    assert sentence.file_designation is None and heads(sentence) == []
    alone = parse("Central Files, Box 3")
    assert alone.file_designation is None and bodies(alone) == ["Central Files, Box 3"]
    numbered = parse("Central Files, Box 3\nNo. 5")
    assert numbered.file_designation is None and bodies(numbered) == ["Central Files, Box 3", "No. 5"]


# ------------------------------------------------------------------------------- address


def test_a_heading_alone_or_with_its_address_alone_has_no_body():
    assert no_body(HEADING) == (
        "made-up, line 1: no body after the heading and markings; expected at least one paragraph of text"
    )
    assert no_body(f"{HEADING}\n{ADDRESS}").startswith("made-up, line 2: no body")


def test_the_address_keeps_the_heading_type_and_a_note_number_alone_after_it():
    doc = parse(f"{HEADING}\n{ADDRESS}\n1\n5. Text.")
    assert heads(doc) == [("heading", HEADING), ("address", ADDRESS), ("note-number", "1")]
    assert (doc.doc_type, doc.sender, doc.recipient) == (
        "Telegram",
        "The Ambassador in Ruritania (Smith)",
        "the Secretary of State",
    )
    assert bodies(doc) == ["5. Text."]


def test_read_address_takes_a_document_number_before_the_address_but_never_the_last_line():
    state = state_of(f"{HEADING}\nNo. 12\nThe Embassy to the Department", cursor=1)
    passes.read_address(state)
    assert [(h.kind, h.value) for h in state.header] == [
        ("serial", "No. 12"),
        ("address", "The Embassy to the Department"),
    ]
    assert state.cursor == 3
    last = state_of(f"{HEADING}\nNo. 12", cursor=1)
    passes.read_address(last)
    assert last.header == [] and last.cursor == 1


def test_no_address_is_read_after_a_heading_that_names_the_sender():
    doc = parse("12. Telegram From the Embassy to the Department1\nThe Embassy to the Department\nText.")
    assert heads(doc) == [("heading", "12. Telegram From the Embassy to the Department1")]
    assert bodies(doc)[0] == "The Embassy to the Department"


def address_end(*lines: str, cursor: int = 1) -> int:
    return passes._address_end(state_of("\n".join(lines), wrapped=True, cursor=cursor))


def test_a_wrapped_address_runs_over_at_most_four_lines():
    assert address_end("x", "a", "b", "c", "d", "e", "f") == 4
    assert address_end("a", "b", "c", "d", "e", "f", cursor=0) == 3
    assert address_end("x", "a", "b") == 2  # the text ends
    assert address_end("x", "a") == 1
    assert passes._address_end(state_of("x\na\nb\nc", cursor=1)) == 1  # not hard-wrapped: one line


@pytest.mark.parametrize("stop", ["secret", "12", "Washington, May 1,", "5. Text", "(a)", "Subject: Talks"])
def test_a_wrapped_address_stops_before_a_marking_a_number_a_dateline_or_a_body_start(stop):
    assert address_end("x", "a", stop, "b", "c") == 1


# ------------------------------------------------------------------------------- markings


def test_markings_fill_their_fields_the_first_of_each_kind_wins():
    doc = parse(
        f"{HEADING}\n{ADDRESS}\nsecret   priority\nconfidential\npriority\nniact\n[Received May 2]\n"
        "[Received May 3]\n[Paraphrase]\nNo. 7\nParis, May 1, 1950.\nRome, May 2, 1950.\n5. Text."
    )
    assert (doc.classification, doc.precedence, doc.received, doc.dateline) == (
        "secret",
        "priority, niact",
        "May 2",
        "Paris, May 1, 1950.",
    )
    assert [h.kind for h in doc.header_lines[2:]] == [
        "marking",
        "classification",
        "precedence",
        "precedence",
        "received",
        "received",
        "editorial",
        "serial",
        "dateline",
        "dateline",
    ]
    assert bodies(doc) == ["5. Text."]


def test_editorial_and_serial_markings_fill_no_field():
    doc = parse(f"{HEADING}\n{ADDRESS}\n[Paraphrase]\nNo. 7\n5. Text.")
    assert (doc.classification, doc.dateline, doc.precedence, doc.received) == (None, None, None, None)


def test_markings_continue_after_a_split_dateline():
    doc = parse(f"{HEADING}\n{ADDRESS}\nWashington, May 1,\n1950—7 p. m.\n[Received May 2—1 a.m.]\nsecret\n5. Text.")
    assert (doc.dateline, doc.received, doc.classification) == (
        "Washington, May 1, 1950—7 p. m.",
        "May 2—1 a.m.",
        "secret",
    )
    assert heads(doc)[2:] == [
        ("dateline", "Washington, May 1,\n1950—7 p. m."),
        ("received", "[Received May 2—1 a.m.]"),
        ("classification", "secret"),
    ]


def test_a_line_with_one_unknown_part_is_not_a_marking_line():
    doc = parse(f"{HEADING}\n{ADDRESS}\nsecret   Text goes on\n5. Text.")
    assert doc.classification is None and bodies(doc)[0] == "secret   Text goes on"


def test_markings_to_the_end_of_the_text_leave_no_body():
    assert no_body(f"{HEADING}\n{ADDRESS}\nsecret") == (
        "made-up, line 3: no body after the heading and markings; expected at least one paragraph of text"
    )
    assert no_body(f"{HEADING}\n{ADDRESS}\nWashington, May 1,\n1950—7 p. m.").startswith("made-up, line 4: no body")


@pytest.mark.parametrize(
    "lines",
    [
        ["American Embassy,", "Mexico", "March 14, 1913."],  # the middle part must end in a comma too
        ["Washington May", "1, 1950."],  # no head and no comma
        ["Washington, May 1,", "1950, 7 p. m."],  # the last part is more than three words
        ["Dear Sir,", "Text here."],  # a comma, but no dateline
    ],
)
def test_lines_that_are_not_a_split_dateline(lines):
    doc = parse("\n".join([HEADING, ADDRESS, *lines, "5. Text goes on."]))
    assert doc.dateline is None and [h.kind for h in doc.header_lines] == ["heading", "address"]
    assert bodies(doc)[0] == lines[0]


def test_a_split_dateline_is_one_header_line_over_its_parts():
    doc = parse(f"{HEADING}\n{ADDRESS}\nAmerican Embassy,\nMexico,\nMarch 14, 1913.\n5. Text.")
    assert heads(doc)[2:] == [("dateline", "American Embassy,\nMexico,\nMarch 14, 1913.")]
    assert doc.dateline == "American Embassy, Mexico, March 14, 1913."


# ------------------------------------------------------------------------------- end passes


def test_footnotes_and_omissions_add_to_the_furniture_already_taken():
    doc = parse(f"Learn about the beta\n{ADDRESS}\n\nText.1\n\n. . . . .\n\nMore text.\n- A note.↩")
    assert furniture(doc) == [("chrome", "Learn about the beta"), ("omission", ". . . . ."), ("footnote", "- A note.↩")]
    assert bodies(doc) == ["Text.1", "More text."] and doc.footnotes == ("A note.",)


def test_drop_omissions_takes_omission_lines_and_page_markers_after_the_last_line():
    state = state_of("Text.\n. . . . .\nMore.\n[Page 3]\n[Page 4]")
    state.body = list(state.lines)
    passes.drop_omissions(state)
    assert texts(state, state.body) == ["Text.", "More."]
    assert [(h.kind, h.value) for h in state.furniture] == [("omission", ". . . . .")]
    inner = state_of("Text.\n[Page 3]\nMore.")
    inner.body = list(inner.lines)
    passes.drop_omissions(inner)
    assert texts(inner, inner.body) == ["Text.", "[Page 3]", "More."]  # a page turn inside stays


def test_a_closing_place_ends_a_note_of_two_lines_or_more():
    memo = parse("Memorandum by the Director to the Secretary\n\nText of it.\n\nMore of it.\n\nWashington.")
    assert memo.dateline == "Washington." and furniture(memo) == [("dateline", "Washington.")]
    assert bodies(memo) == ["Text of it.", "More of it."]
    only = parse("The Embassy to the Department\n\nWashington.")
    assert only.dateline is None and bodies(only) == ["Washington."]
    dated = parse("The Embassy to the Department\n\nMay 1, 1950.\n\nText of it.\n\nWashington.")
    assert dated.dateline == "May 1, 1950." and bodies(dated) == ["Text of it."]
    telegram = parse(f"{HEADING}\n\n{ADDRESS}\n\n5. Text.\n\nAgreed.")
    assert telegram.dateline is None and furniture(telegram) == []


def test_split_enclosure_sets_aside_the_enclosure_with_the_page_markers_before_it():
    state = state_of("Text.\nSmith\n[Page 3]\n[Enclosure]\nEnclosed text.")
    state.body = list(state.lines)
    passes.split_enclosure(state)
    assert texts(state, state.body) == ["Text.", "Smith"]
    assert texts(state, state.trailing) == ["[Page 3]", "[Enclosure]", "Enclosed text."]
    first = state_of("[Enclosure]\nEnclosed text.")
    first.body = list(first.lines)
    passes.split_enclosure(first)
    assert first.body == [] and texts(first, first.trailing) == ["[Enclosure]", "Enclosed text."]
    none = state_of("Text.\nSmith")
    none.body = list(none.lines)
    passes.split_enclosure(none)
    assert texts(none, none.body) == ["Text.", "Smith"] and none.trailing == []


def enclosed_title(*lines: str) -> int | None:
    state = state_of("\n".join(lines))
    state.body = list(state.lines)
    return passes._enclosed_title(state)


def test_an_enclosed_title_stands_after_a_sign_off_past_the_first_paragraph():
    title = "Draft Letter by the President to the Chairman"
    assert enclosed_title("Text.", "John Smith", title, "Draft text.") == 2
    assert enclosed_title("John Smith", title, "Draft text.") is None  # no paragraph before the sign-off
    assert enclosed_title("Text.", "More.", title) is None  # no sign-off before it
    assert enclosed_title("Text.", "More.", "John Smith", "Final words.") is None  # a sign-off, no title


def test_two_line_signatures_on_behalf_or_for_an_office():
    lower = parse(f"{ADDRESS}\n\nText.\n\nR. C. Lindsay\n(for H. M. Ambassador)")
    upper = parse(f"{ADDRESS}\n\nText.\n\nR. C. Lindsay\n(For H. M. Ambassador)")
    assert (lower.signature, upper.signature) == (
        "R. C. Lindsay (for H. M. Ambassador)",
        "R. C. Lindsay (For H. M. Ambassador)",
    )
    text = f"{ADDRESS}\n\nText.\n\nFor the Secretary of State:\nDean Rusk\n- A note.↩"
    doc = parse(text)
    assert doc.signature == "For the Secretary of State: Dean Rusk"
    start = text.index("For the")
    assert doc.signature_span == (start, start + len("For the Secretary of State:\nDean Rusk"))
    assert furniture(doc) == [
        ("signature", "For the Secretary of State:"),
        ("signature", "Dean Rusk"),
        ("footnote", "- A note.↩"),
    ]
    assert bodies(doc) == ["Text."]


def test_two_names_are_not_a_two_line_signature():
    doc = parse(f"{ADDRESS}\n\nText.\n\nJohn Smith\n\nDean Rusk")
    assert doc.signature == "Dean Rusk" and bodies(doc) == ["Text.", "John Smith"]
    assert doc.signature_span == (len(doc.text) - 9, len(doc.text))
    last = parse(f"{ADDRESS}\n\nText.\n\nSomething else.\n\nDean Rusk")
    assert last.signature == "Dean Rusk" and bodies(last) == ["Text.", "Something else."]


def test_a_two_line_signature_needs_a_paragraph_before_it():
    doc = parse(f"{ADDRESS}\n\nR. C. Lindsay\n(for H. M. Ambassador)")
    assert doc.signature is None and bodies(doc) == ["R. C. Lindsay", "(for H. M. Ambassador)"]


def test_a_closing_formula_before_a_one_line_signature():
    doc = parse(f"{ADDRESS}\n\nText.\n\nVery truly yours,\n\nSmith")
    assert doc.signature == "Smith" and furniture(doc) == [("closing", "Very truly yours,")]
    assert bodies(doc) == ["Text."]


def test_a_closing_formula_is_taken_only_last_and_after_a_paragraph():
    doc = parse(f"{ADDRESS}\n\nFirst.\n\nSecond.\n\nVery truly yours,")
    assert furniture(doc) == [("closing", "Very truly yours,")] and bodies(doc) == ["First.", "Second."]
    alone = parse(f"{ADDRESS}\n\nVery truly yours,")
    assert furniture(alone) == [] and bodies(alone) == ["Very truly yours,"]
    middle = parse(f"{ADDRESS}\n\nFirst.\n\nVery truly yours,\n\nThird part.")
    assert furniture(middle) == [] and len(middle.paragraphs) == 3


def test_read_closing_formula_puts_the_enclosure_back_after_the_body():
    state = state_of("Text.\nI have [etc.]\n[Enclosure]\nEnclosed.")
    state.body, state.trailing = state.lines[:2], state.lines[2:]
    passes.read_closing_formula(state)
    assert texts(state, state.body) == ["Text.", "[Enclosure]", "Enclosed."] and state.trailing == []
    assert [(h.kind, h.value) for h in state.furniture] == [("closing", "I have [etc.]")]


def test_a_signature_before_an_enclosure():
    doc = parse(f"{ADDRESS}\n\nText.\n\nSmith\n\n[Page 3]\n\n[Enclosure]\n\nEnclosed text.")
    assert doc.signature == "Smith" and bodies(doc) == ["Text.", "[Enclosure]", "Enclosed text."]


# ------------------------------------------------------------------------------- paragraphs


def continues(current: str, following: str) -> bool:
    text = f"{current}\n{following}"
    first, second = split_lines(text)
    return passes._continues(text, first, second)


@pytest.mark.parametrize(
    "current, following, joined",
    [
        ("a,", "[Page 3]", False),  # a page marker
        ("a,", ". . . . .", False),  # an omission line
        ("a,", "(a)", False),  # a label alone
        ("a,", "- item", False),  # list items
        ("a,", "• item", False),
        ("a,", "(b) item", False),
        ("a,", "12) item", False),
        ("a,", "Next", True),  # cut after a comma
        ("with Mr.", "Jones", True),  # cut after an abbreviation
        ("goes on", "secret", False),  # a marking
        ("goes on", "Next", True),  # no sentence end
        ("ends.", "Next", False),
        ("ends.2", "Next", False),  # a glued footnote number
        ("ends]", "Next", False),
        ("ends.", "next", True),  # lowercase continues
        ("ends.", "(see it)", False),
    ],
)
def test_when_a_hard_wrapped_line_continues_the_paragraph(current, following, joined):
    assert continues(current, following) is joined


def next_in_paragraph(*lines: str, end: int = 0) -> int | None:
    text = "\n".join(lines)
    return passes._next_in_paragraph(text, split_lines(text), end)


def test_the_next_line_of_a_paragraph_looks_past_one_page_marker():
    assert next_in_paragraph("a,", "b,", "c") == 1
    assert next_in_paragraph("a,", "[Page 3]", "b") == 2
    assert next_in_paragraph("a,", "[Page 3]", "b", "c") == 2
    assert next_in_paragraph("a,", "[Page 3]") is None  # the text ends
    assert next_in_paragraph("a,", "[Page 3]", "- item") is None
    assert next_in_paragraph("ends.", "Next") is None
    assert next_in_paragraph("a,", "b", end=1) is None


def label_end(*lines: str, k: int = 0) -> int:
    state = state_of("\n".join(lines))
    state.body = list(state.lines)
    return passes._label_end(state, k, lambda after, before: True)


def test_a_label_alone_joins_the_next_line_that_is_not_a_page_marker():
    assert label_end("(a)", "text") == 1
    assert label_end("(a)", "[Page 3]", "text", "more") == 2
    assert label_end("(a)", "[Page 3]", "[Page 4]", "text") == 3
    assert label_end("(a)") == 0
    assert label_end("(a)", "[Page 3]") == 0
    assert label_end("(a)", "(b)") == 0
    assert label_end("text", "more") == 0
    assert label_end("x", "(a)", "text", k=1) == 2


def test_a_label_does_not_join_across_taken_furniture():
    doc = parse(f"{ADDRESS}\n\n(a)\n. . . . .\nText here.")
    assert bodies(doc) == ["(a)", "Text here."]


def test_paragraphs_one_a_line_stepping_over_page_markers():
    doc = parse(f"{ADDRESS}\n\n[Page 3]\n\nfirst\n\n[Page 4]\n\nsecond\n\nthird")
    assert bodies(doc) == ["first", "second", "third"]


def group(text: str, body: list[int], signature: int | None = None) -> list[str]:
    state = state_of(text, wrapped=True)
    state.body = [state.lines[k] for k in body]
    if signature is not None:
        state.signature_span = (state.lines[signature].start, state.lines[signature].end)
    passes.group_paragraphs(state)
    return [text[a:b] for a, b in state.spans]


def test_wrapped_lines_do_not_merge_across_a_signature():
    text = "Text goes on and\nSmith\n[Enclosure]\nmore"
    assert group(text, [0, 2, 3], signature=1) == ["Text goes on and", "[Enclosure]\nmore"]
    assert group(text, [0, 2, 3]) == ["Text goes on and\nSmith\n[Enclosure]\nmore"]


def test_wrapped_lines_merge_until_a_sentence_ends():
    text = "One goes\non here.\n[Page 3]\nTwo goes\non.\nThree."
    assert group(text, [0, 1, 2, 3, 4, 5]) == ["One goes\non here.", "Two goes\non.", "Three."]


def test_a_comma_at_the_end_continues_even_before_a_marking():
    assert continues("goes on,", "secret")


def test_the_document_type_decides_whether_an_opening_number_is_a_telegram_number():
    memo = parse("Memorandum by the Director to the Secretary\n\n3. Third point.")
    assert (memo.telegram_number, memo.paragraphs[0].point) == (None, 3)


WRAPPED = "\n".join(
    [
        HEADING,
        "The Ambassador in Ruritania",
        "(Smith) to the Secretary of",
        "State",
        "5. " + "word " * 12 + "and",
        "ends here.",
        "Next " + "word " * 12 + "end.",
    ]
)


def test_a_hard_wrapped_text_is_read_with_its_address_and_paragraphs_joined():
    doc = parse(WRAPPED)
    assert heads(doc) == [
        ("heading", HEADING),
        ("address", "The Ambassador in Ruritania\n(Smith) to the Secretary of\nState"),
    ]
    assert (doc.sender, doc.recipient) == ("The Ambassador in Ruritania (Smith)", "the Secretary of State")
    assert [p.reading_text.split()[0] for p in doc.paragraphs] == ["5.", "Next"] and doc.telegram_number == "5"


def test_a_designation_by_position_before_a_document_number_and_an_address():
    doc = parse("Central Files, Box 3\nNo. 5\nThe Embassy to the Department\nText.")
    assert heads(doc) == [
        ("heading", "Central Files, Box 3"),
        ("serial", "No. 5"),
        ("address", "The Embassy to the Department"),
    ]
    assert doc.file_designation == "Central Files, Box 3"


def test_a_two_line_dateline_whose_first_part_ends_in_the_hour():
    doc = parse(f"{HEADING}\n{ADDRESS}\nParis, May 1, 1950—7\np. m.\n5. Text.")
    assert (
        heads(doc)[2:] == [("dateline", "Paris, May 1, 1950—7\np. m.")] and doc.dateline == "Paris, May 1, 1950—7 p. m."
    )


def test_an_enclosed_title_without_an_enclosure_line_is_set_aside_before_the_signature():
    doc = parse(f"{ADDRESS}\n\nText.\n\nJohn Smith\n\nDraft Letter by the President to the Chairman\n\nDraft text.")
    assert doc.signature == "John Smith"
    assert bodies(doc) == ["Text.", "Draft Letter by the President to the Chairman", "Draft text."]
