"""The parser's passes and the shared model on small made-up texts: one behaviour, one boundary each.

The texts are constructed from FRUS conventions (tests/fixtures/frus/CONVENTIONS.md), not copied
from any document.  The last test proves that every statement of the parsing modules is reached by
these cases, so no branch can be made unreachable (or be dead already) without a test noticing.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kernel_utils.errors import TextIntegrityError
from kernel_utils.text import footnotes, header, markers, model, paragraphs, passes, vocabulary
from kernel_utils.text.lines import split_lines
from kernel_utils.text.model import FrusDocument, PageBreak, page_of
from kernel_utils.text.parser import parse_frus_text

HEADING = "711.00/1–150: Telegram"
ADDRESS = "The Ambassador in Ruritania (Smith) to the Secretary of State"


def parse(text: str) -> FrusDocument:
    doc = parse_frus_text(text, source="made-up")
    assert doc.rebuild_text() == text  # every case also proves nothing was lost
    return doc


def bodies(doc: FrusDocument) -> list[str]:
    return [p.reading_text for p in doc.paragraphs]


# ------------------------------------------------------------------------------- the page model


def test_a_character_exactly_at_a_page_marker_is_on_the_new_page():
    text = "A to B\n\n1. One two [Page 8] three."
    doc = parse(text)
    at = text.index("[Page 8]")
    assert doc.first_page == 7
    assert doc.page_at(at - 1) == 7  # the blank before the marker
    assert doc.page_at(at) == 8  # the marker's first character
    assert doc.page_at(len(text)) == 8  # the end of the text is a valid offset
    with pytest.raises(IndexError):
        doc.page_at(len(text) + 1)
    with pytest.raises(IndexError):
        doc.page_at(-1)


def test_page_of_uses_the_last_marker_at_or_before_the_offset():
    breaks = (PageBreak(8, 10, 18), PageBreak(9, 30, 38))
    assert [page_of(7, breaks, offset) for offset in (0, 9, 10, 29, 30, 99)] == [7, 7, 8, 8, 9, 9]
    assert page_of(None, (), 5) is None and page_of(None, breaks, 10) == 8


def test_paragraph_pages_span_a_turn_inside_the_paragraph():
    doc = parse("A to B\n\nfirst [Page 3] second\n\nthird")
    assert [p.pages for p in doc.paragraphs] == [(2, 3), (3,)]
    assert parse_frus_text("A to B\n\nno markers").paragraphs[0].pages == ()  # first page unknown


def test_rebuild_text_reports_uncovered_text_as_a_data_error():
    doc = parse("A to B\n\nbody")
    broken = FrusDocument(**{**doc.__dict__, "paragraphs": ()})
    with pytest.raises(TextIntegrityError) as info:
        broken.rebuild_text()
    assert "made-up" in str(info.value) and "'body'" in str(info.value)
    lost_heading = FrusDocument(**{**doc.__dict__, "header_lines": ()})
    with pytest.raises(TextIntegrityError, match="characters 0–6"):
        lost_heading.rebuild_text()


def test_paragraph_table_and_lookups():
    doc = parse("A to B\n\n1. First [Page 4] point.\n\n2. Second.")
    table = doc.paragraph_table()
    assert list(table.index) == ["p01", "p02"] and list(table["point"]) == [1, 2]
    assert doc.points[2].id == "p02" and doc.paragraph_at(doc.paragraphs[1].start).id == "p02"
    assert doc.paragraph_at(0) is None
    with pytest.raises(KeyError, match="valid ids: p01, p02"):
        doc.paragraph("p09")
    assert doc.pages == (3, 4) and doc.reading_text == "1. First point.\n\n2. Second."
    assert doc.paragraph("p02").point == 2
    signed = parse("A to B\n\nText here.\n\nDean Rusk")
    assert signed.reading_text == "Text here.\n\nDean Rusk" and signed.pages == ()


# ------------------------------------------------------------------------------- markers


@pytest.mark.parametrize(
    "raw, reading",
    [
        ("about [Page 5] by", "about by"),
        ("[Page 5] Start", "Start"),
        ("glued[Page 5]word", "gluedword"),
        ("end [Page 5]", "end "),
    ],
)
def test_strip_markers_and_removed_chunk_are_inverse(raw, reading):
    stripped, spans = markers.strip_markers(raw, 100)
    assert stripped == reading and spans[0][0] == 5 and spans[0][1] == 100 + raw.index("[Page")
    p = model.Paragraph("p01", 1, 100, 100 + len(raw), raw, stripped, None, (), (PageBreak(*spans[0]),))
    assert model._render_paragraph(p) == raw


# ------------------------------------------------------------------------------- top passes


def test_site_chrome_and_a_document_number_before_the_heading():
    doc = parse(f"Learn about the beta\n\nNo. 12\n{HEADING}\n\n{ADDRESS}\n\n5. Text.")
    assert doc.file_designation == "711.00/1–150" and doc.telegram_number == "5"
    assert [(h.kind, h.value) for h in doc.furniture_lines] == [("chrome", "Learn about the beta")]
    assert doc.header_lines[0].kind == "serial"


def test_a_short_navigation_line_before_a_heading_is_chrome_but_not_a_line_with_digits():
    assert parse(f"Some Site Menu\n{HEADING}\n{ADDRESS}\n5. Text.").furniture_lines[0].kind == "chrome"
    doc = parse(f"Menu 2024\n{HEADING}\n{ADDRESS}\n5. Text.")
    assert doc.file_designation is None and bodies(doc)[0] == "Menu 2024"


def test_a_document_number_between_designation_and_address():
    doc = parse("711.00/1–150\n\nNo. 44\nMemorandum by the Director to the Secretary\n\nText.")
    assert (doc.file_designation, doc.doc_type, doc.sender, doc.recipient) == (
        "711.00/1–150",
        "Memorandum",
        "the Director",
        "the Secretary",
    )
    assert [h.kind for h in doc.header_lines] == ["heading", "serial", "address"]


@pytest.mark.parametrize("designation", ["Central Files, Box 3", "Executive Files: 61D3", "711.94/25401/35"])
def test_a_designation_is_read_by_position_before_an_address(designation):
    doc = parse(f"{designation}\nMemorandum of Conversation, by the Director\nText.")
    assert doc.file_designation == designation and doc.doc_type == "Memorandum of Conversation"


def test_a_designation_by_position_may_have_a_document_number_after_it():
    doc = parse("Central Files, Box 3\nNo. 5\nMemorandum by the Director to the Secretary\nText.")
    assert doc.file_designation == "Central Files, Box 3" and [h.kind for h in doc.header_lines] == [
        "heading",
        "serial",
        "address",
    ]


def test_a_first_line_with_a_page_marker_is_body():
    doc = parse("[Page 3] 711.00/1: Telegram\nSome text here.")
    assert doc.file_designation is None and len(doc.paragraphs) == 2


def test_no_designation_by_position_without_an_address_after_it():
    doc = parse("Central Files, Box 3\nThe meeting opened.\nIt closed.")
    assert doc.file_designation is None and len(doc.paragraphs) == 3


@pytest.mark.parametrize(
    "line, sender, recipient",
    [
        ("Mr. Smith to the Secretary of State.", "Mr. Smith", "the Secretary of State"),
        (
            "The Minister of the Interior to the Secretary of State.",
            "The Minister of the Interior",
            "the Secretary of State",
        ),
    ],
)
def test_an_address_closed_by_a_period_in_the_older_volumes(line, sender, recipient):
    doc = parse(f"File No. 711.00/12.\n{line}\nWashington, May 1, 1913—5 p.m.\n55. Text.")
    assert (doc.file_designation, doc.sender, doc.recipient) == ("711.00/12", sender, recipient)
    assert doc.dateline == "Washington, May 1, 1913—5 p.m." and doc.telegram_number == "55"


@pytest.mark.parametrize(
    "line",
    [
        "He went to the Department.",
        "Mr. Smith went. Then to the office.",
        "The Ambassador to the Secretary of State and the President and the Cabinet and all the Ministers.",
    ],
)
def test_a_sentence_closed_by_a_period_is_not_an_address(line):
    assert parse(f"File No. 711.00/12.\n{line}\nMore.").sender is None


def test_a_later_series_heading_names_sender_and_recipient_so_no_address_is_read():
    doc = parse("12. Telegram From the Embassy in Ruritania to the Department of State1\n\n7. Text to the Embassy")
    assert (doc.doc_type, doc.sender, doc.recipient, doc.telegram_number) == (
        "Telegram",
        "the Embassy in Ruritania",
        "the Department of State",
        "7",
    )
    memo = parse("13. Memorandum of Conversation0\n\nSUBJECT")
    assert memo.doc_type == "Memorandum of Conversation" and memo.sender is None
    numbered = parse("14. Telegram 1219 to Geneva1\n\nText.")
    assert (numbered.telegram_number, numbered.recipient) == ("1219", "Geneva")
    to_only = parse("15. Note to the Embassy1\n\nText.")
    assert (to_only.recipient, to_only.sender) == ("the Embassy", None)
    plain = parse("16. Editorial Note\n\nText.")
    assert plain.doc_type == "Editorial Note" and plain.recipient is None


def test_a_wrapped_address_and_its_footnote_number_alone():
    text = "x/1: Telegram\nThe Ambassador in Ruritania\n(Smith) to the Secretary of\nState\n1\n" + "\n".join(
        ["word " * 12 + "end."] * 3
    )
    doc = parse(text)
    assert (doc.sender, doc.recipient) == ("The Ambassador in Ruritania (Smith)", "the Secretary of State")
    assert [h.kind for h in doc.header_lines] == ["heading", "address", "note-number"]


@pytest.mark.parametrize(
    "lines, dateline",
    [
        (["Washington, May 1,", "1950—7 p. m."], "Washington, May 1, 1950—7 p. m."),
        (["Paris, May 1, 1950—7", "p. m."], "Paris, May 1, 1950—7 p. m."),
        (["American Embassy,", "Mexico,", "March 14, 1913."], "American Embassy, Mexico, March 14, 1913."),
        (["MEXICO, JUNE 19, 1913—5 P.M."], "MEXICO, JUNE 19, 1913—5 P.M."),
        (["Mexico City, April 18, 1914, 8 p.m."], "Mexico City, April 18, 1914, 8 p.m."),
    ],
)
def test_datelines_on_one_two_or_three_lines(lines, dateline):
    doc = parse("\n".join([HEADING, ADDRESS, *lines, "5. Text."]))
    assert doc.dateline == dateline and doc.telegram_number == "5"


def test_markings_one_a_line_or_together_the_first_of_each_kind_wins():
    doc = parse(
        f"{HEADING}\n{ADDRESS}\nsecret   priority\nniact\npriority\nconfidential\n[Received May 2—1 a.m.]\n[Received May 3—1 a.m.]\n[Paraphrase]\nNo. 7.]\n5. Text."
    )
    assert (doc.classification, doc.precedence, doc.received) == ("secret", "priority, niact", "May 2—1 a.m.")
    assert [h.kind for h in doc.header_lines][2:] == [
        "marking",
        "precedence",
        "precedence",
        "classification",
        "received",
        "received",
        "editorial",
        "serial",
    ]
    assert parse(f"{HEADING}\n{ADDRESS}\npriorty\n5. Text.").precedence == "priorty"  # a misprint


@pytest.mark.parametrize(
    "word, near",
    [
        ("priorty", True),
        ("prierity", True),
        ("priorityy", True),
        ("zzzzzzz", False),
        ("prio", False),
        ("two words", False),
    ],
)
def test_a_precedence_misprint_is_one_letter_off_a_long_word(word, near):
    assert vocabulary.near(word, vocabulary.PRECEDENCES) is near


def test_an_empty_received_line_is_replaced_by_the_next():
    doc = parse(f"{HEADING}\n{ADDRESS}\n[Received]\n[Received May 3]\n5. Text.")
    assert doc.received == "May 3"


# ------------------------------------------------------------------------------- telegram numbers


@pytest.mark.parametrize(
    "opening, number",
    [
        ("602. Text.", "602"),
        ("Delga 460. Text.", "Delga 460"),
        ("Greek Series 18. Text.", "Greek Series 18"),
        ("Dir 02521 (Out 73573). From X.", "Dir 02521"),
        ("Unnumbered. Text.", "Unnumbered"),
        ("C–60453. Text.", "C–60453"),
    ],
)
def test_the_telegram_number_opens_the_body(opening, number):
    assert parse(f"{HEADING}\n\n{ADDRESS}\n\n{opening}").telegram_number == number


def test_a_bare_number_is_a_point_in_a_memorandum_and_1_is_a_point_when_the_type_is_unknown():
    memo = parse("Memorandum by the Director to the Secretary\n\n3. Third point.")
    assert memo.telegram_number is None and memo.paragraphs[0].point == 3
    unknown = parse("A to B\n\n1. First point.")
    assert unknown.telegram_number is None and unknown.paragraphs[0].point == 1
    assert parse("A to B\n\n7. Text.").telegram_number == "7"
    assert vocabulary.is_telegram_number("12", "Circular airgram") and not vocabulary.is_telegram_number("12", "Letter")


# ------------------------------------------------------------------------------- end passes


def test_footnote_lists_numbered_dashed_continued_and_cut():
    doc = parse(f"{ADDRESS}\n\nText.1\n\nSmith\n  1. First note\n    second paragraph\n  2. Second\nwrapped on")
    assert doc.footnotes == ("First note\nsecond paragraph", "Second wrapped on") and doc.signature == "Smith"
    dashed = parse(f"{ADDRESS}\n\nText.1\n- One.↩\n-\n- Two\nmore.\nNew paragraph.↩")
    assert dashed.footnotes == ("One.", "", "Two more.\nNew paragraph.")
    body_list = parse(f"{ADDRESS}\n\nItems:\n- first\n- second")
    assert body_list.footnotes == () and len(body_list.paragraphs) == 3
    unmarked = parse(f"{ADDRESS}\n\nText ends here.1\n- A note without its arrow")
    assert unmarked.footnotes == ("A note without its arrow",)
    empty_first = parse(f"{ADDRESS}\n\nText.1\n-\nLoose text")
    assert empty_first.footnotes == ("Loose text",)
    source = parse(f"{ADDRESS}\n\nText.\n- Source: Files.")
    assert source.footnotes == ("Source: Files.",)
    stray = footnotes.footnote_texts("x", [])
    assert stray == ()


def test_a_footnote_block_that_opens_on_an_unnumbered_line():
    lines = split_lines("  1. One.↩\nLoose line")
    assert footnotes.footnote_texts("  1. One.↩\nLoose line", lines) == ("One.", "Loose line")


def test_omission_lines_and_a_trailing_page_marker():
    doc = parse(f"{ADDRESS}\n\nFirst point here.\n\n. . . . . . .\n\nSecond point here.\n\n[Page 9]")
    assert bodies(doc) == ["First point here.", "Second point here."] and [h.kind for h in doc.furniture_lines] == [
        "omission"
    ]
    assert [pb.page for pb in doc.page_breaks] == [9]


def test_a_closing_place_line_ends_a_note_but_not_a_telegram():
    note = parse("The Embassy to the Department\n\nText of the note.\n\nWashington.")
    assert note.dateline == "Washington." and bodies(note) == ["Text of the note."]
    telegram = parse(f"{HEADING}\n\n{ADDRESS}\n\n5. Text.\n\nAgreed.")
    assert telegram.dateline is None and bodies(telegram)[-1] == "Agreed."


def test_signatures_one_line_two_lines_and_before_an_enclosure():
    assert parse(f"{ADDRESS}\n\nText.\n\nDean Rusk").signature == "Dean Rusk"
    two = parse(f"{ADDRESS}\n\nText.\n\nR. C. Lindsay\n(for H. M. Ambassador)")
    assert two.signature == "R. C. Lindsay (for H. M. Ambassador)"
    assert [h.kind for h in two.furniture_lines] == ["signature", "signature"]
    for_the = parse(f"{ADDRESS}\n\nText.\n\nFor the Secretary of State:\nDean Rusk")
    assert for_the.signature == "For the Secretary of State: Dean Rusk"
    enclosure = parse(f"{ADDRESS}\n\nText.\n\nSmith\n\n[Page 3]\n\n[Enclosure]\n\nEnclosed text.")
    assert enclosure.signature == "Smith" and bodies(enclosure) == ["Text.", "[Enclosure]", "Enclosed text."]
    titled = parse(f"{ADDRESS}\n\nText.\n\nJohn Smith\n\nDraft Letter by the President to the Chairman1\n\nDraft text.")
    assert titled.signature == "John Smith" and bodies(titled)[1].startswith("Draft Letter")


def test_no_signature_when_a_closing_formula_is_all_that_precedes_it():
    doc = parse(f"{ADDRESS}\n\nI have [etc.]\n\nSmith")
    assert doc.signature is None and bodies(doc) == ["I have [etc.]", "Smith"]
    closed = parse(f"{ADDRESS}\n\nText.\n\nI remain [etc]\n\nSmith")
    assert closed.signature == "Smith" and [h.kind for h in closed.furniture_lines] == ["closing"]
    assert parse(f"{ADDRESS}\n\nText.\n\nI avail myself [etc.]").furniture_lines[0].kind == "closing"
    assert parse(f"{ADDRESS}\n\nOnly").signature is None  # one line is the body, not a signature


def test_a_signature_line_is_names_only():
    for line in ("Dean Rusk", "D[ean] A[cheson]", "J. F. D.", "Charles de Gaulle"):
        assert vocabulary.looks_like_signature(line), line
    for line in ("Agreed.", "secret", "1950 Files", "I have [etc.]", "Seven words is far too many here", "lower", "1."):
        assert not vocabulary.looks_like_signature(line), line


# ------------------------------------------------------------------------------- paragraphs


def test_label_only_lines_join_the_next_line_past_a_page_marker():
    doc = parse(f"{ADDRESS}\n\n1.\n[Page 4]\nFirst item.\n(a)\n(b)\nSecond item here.")
    assert bodies(doc) == ["1.\nFirst item.", "(a)", "(b)\nSecond item here."]
    assert doc.paragraphs[0].point == 1


WRAP = "x/1: Telegram\nThe Ambassador in Ruritania (Smith) to the Secretary of State\n"
LONG = "words " * 11


def test_hard_wrapped_lines_join_into_paragraphs_across_markers_commas_and_abbreviations():
    text = WRAP + "\n".join(
        [
            f"5. {LONG}about the",
            "[Page 9]",
            "meeting with Mr.",
            f"Jones {LONG}ended,",
            "MARCH 3, 1950.",
            f"Next paragraph {LONG}starts.",
            "[Page 10]",
            f"New one {LONG}here.",
            f"continues in lowercase {LONG}.",
            "- a list item",
            f"(1) numbered {LONG}",
            "secret",
            f"Last {LONG} line.",
        ]
    )
    doc = parse(text)
    assert passes.is_hard_wrapped(split_lines(text))
    starts = [p.reading_text.split()[0] for p in doc.paragraphs]
    assert starts == ["5.", "Next", "New", "-", "(1)", "secret"]  # a marking stops a paragraph, then wraps on
    assert "[Page 9]" not in doc.paragraphs[0].reading_text and doc.paragraphs[0].page_breaks[0].page == 9


def test_short_and_long_texts_are_told_hard_wrapped_or_not():
    short = [f"{'w' * 60}"] * 2 + ["x"] * 4
    assert passes.is_hard_wrapped(split_lines("\n".join(short)))
    assert not passes.is_hard_wrapped(split_lines("\n".join(["x"] * 5)))
    assert not passes.is_hard_wrapped(split_lines("\n".join(["w" * 100] * 8)))
    assert not passes.is_hard_wrapped(split_lines("\n".join(["short"] * 20)))


def test_the_shared_builder_reads_the_telegram_number_only_from_the_first_paragraph():
    text = "12. One.\n\n13. Two."
    built = paragraphs.build_paragraphs(text, [(0, 8), (10, 18)], doc_type="Telegram", first_page=None, breaks=())
    assert built.telegram_number == "12" and [p.point for p in built.paragraphs] == [None, 13]


def test_header_helpers_split_addresses_at_the_right_to():
    assert header.split_address("The Chairman of the Delegation to the Assembly (X) to the Secretary") == (
        "The Chairman of the Delegation to the Assembly (X)",
        "the Secretary",
    )
    assert header.split_address("The Commission to Negotiate Peace to the Secretary") == (
        "The Commission to Negotiate Peace",
        "the Secretary",
    )
    assert header.split_address("Memorandum for the files") == ("Memorandum for the files", None)
    assert header.strip_address_note("the Secretary of State1") == "the Secretary of State"


# ------------------------------------------------------------------------------- every branch reached

MODULES = (passes, header, vocabulary, footnotes, paragraphs, markers, model)


def _statement_lines(module: object) -> dict[int, str]:
    """Line -> function name of every statement inside a function of ``module`` (docstrings left out)."""
    path = Path(module.__file__)  # type: ignore[attr-defined]
    out: dict[int, str] = {}
    for fn in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(fn, ast.FunctionDef):
            for node in ast.walk(fn):
                if (
                    isinstance(node, ast.stmt)
                    and node is not fn
                    and not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))
                ):
                    out[node.lineno] = fn.name
    return out


def test_every_statement_of_the_parsing_modules_is_reached_by_these_cases():
    """Kills the "unreachable branch" class of mutants: a branch no test reaches could be broken
    (or made unreachable) without any test failing, so none may exist."""
    files = {str(Path(m.__file__)): m for m in MODULES}
    hit: dict[str, set[int]] = {name: set() for name in files}

    def tracer(frame, event, arg):
        name = frame.f_code.co_filename
        if name in hit:
            if event == "line":
                hit[name].add(frame.f_lineno)
            return tracer
        return None

    cases: list[Callable[[], None]] = [
        obj
        for key, obj in globals().items()
        if key.startswith("test_")
        and callable(obj)
        and key != "test_every_statement_of_the_parsing_modules_is_reached_by_these_cases"
    ]
    sys.settrace(tracer)
    try:
        for case in cases:
            params = getattr(case, "pytestmark", [])
            if params:
                names, values = params[0].args[0], params[0].args[1]
                for value in values:
                    args = value if isinstance(value, tuple) and "," in names else (value,)
                    case(*args)
            else:
                case()
    finally:
        sys.settrace(None)
    missed = []
    for name, module in files.items():
        for line, function in sorted(_statement_lines(module).items()):
            if line not in hit[name]:
                missed.append(f"{Path(name).name}:{line} in {function}")
    assert not missed, "statements no made-up case reaches (add a case or remove the code): " + ", ".join(missed)
