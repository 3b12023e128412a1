"""Property tests of the FRUS parser (hypothesis, fixed seed, modest budget).

1. Any ``str`` either parses or raises :class:`FrusParseError`, never another exception, and
   whatever parses is re-assembled exactly by ``rebuild_text()`` with every span pointing into it.
2. Documents generated from the FRUS furniture (heading, address, markings, numbered body,
   page markers, signature, footnotes) parse to the fields they were built from.
"""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kernel_utils import FrusParseError, parse_frus_text

SETTINGS = settings(derandomize=True, max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text drawn from the characters FRUS pages use, plus the ones that make parsers trip.
_ALPHABET = st.sampled_from(list("abcXYZ 0123456789.,:;()[]–—-“”’…•↩\n\n\n  \t\r") + ["[Page 12]", "[Page ", "Telegram", " to ", "secret", "priority", "[Received ", "No. 3", "  1. ", "- ", "\x85", "\u2028", "\x00"])
_ANY_TEXT = st.one_of(st.text(max_size=300), st.lists(_ALPHABET, max_size=80).map("".join))


def _check_anchored(text: str) -> None:
    doc = parse_frus_text(text, source="generated")
    assert doc.rebuild_text() == text
    for p in doc.paragraphs:
        assert text[p.start : p.end] == p.text
        assert p.reading_text.strip()
    for line in (*doc.header_lines, *doc.furniture_lines):
        assert text[line.start : line.end] == line.value
    for pb in doc.page_breaks:
        assert text[pb.start : pb.end] == f"[Page {pb.page}]"
    # every non-blank character belongs to exactly one element
    spans = sorted([(p.start, p.end) for p in doc.paragraphs] + [(h.start, h.end) for h in (*doc.header_lines, *doc.furniture_lines)])
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


@SETTINGS
@given(_ANY_TEXT)
def test_any_text_parses_or_raises_the_library_error(text):
    try:
        _check_anchored(text)
    except FrusParseError as exc:
        assert exc.line >= 1 and exc.expected


_WORD = st.sampled_from(["Korea", "cease-fire", "Rau", "Department", "resolution", "talks", "Lie", "Wu", "group"])
_SENTENCE = st.lists(_WORD, min_size=3, max_size=12).map(lambda ws: " ".join(ws).capitalize() + ".")


@st.composite
def frus_documents(draw):
    number = draw(st.one_of(st.integers(2, 9999).map(str), st.sampled_from(["Delga", "Gadel", "Secto", "Tosec"]).flatmap(lambda p: st.integers(1, 999).map(lambda n: f"{p} {n}"))))
    classification = draw(st.sampled_from([None, "top secret", "secret", "confidential", "restricted"]))
    precedence = draw(st.sampled_from([None, "priority", "niact", "operational immediate"]))
    sender = draw(st.sampled_from(["The Secretary of State", "The Acting Secretary of State", "The United States Representative at the United Nations (Austin)"]))
    recipient = draw(st.sampled_from(["the United States Mission at the United Nations", "the Embassy in India", "the Secretary of State"]))
    paragraphs = draw(st.lists(st.lists(_SENTENCE, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=6))
    page = draw(st.integers(2, 2000))
    marker_at = draw(st.integers(0, len(paragraphs) - 1))
    signature = draw(st.sampled_from([None, "Webb", "Acheson", "Dean Rusk"]))
    separator = draw(st.sampled_from(["\n\n", "\n"]))
    footnote = draw(st.sampled_from([None, "Not printed."]))
    body = [f"{number}. {paragraphs[0]}"] + paragraphs[1:]
    words = body[marker_at].split(" ")
    cut = draw(st.integers(1, len(words) - 1)) if len(words) > 1 else 1
    body[marker_at] = " ".join(words[:cut]) + f" [Page {page}] " + " ".join(words[cut:]) if len(words) > 1 else body[marker_at] + f" [Page {page}] x."
    parts = ["320/12–2050: Telegram", f"{sender} to {recipient}"]
    markings = [m for m in (classification, precedence) if m]
    if markings:
        parts.append("\n".join(markings))
    parts += body
    if signature:
        parts.append(signature)
    text = separator.join(parts)
    if footnote:
        text += f"\n  1. {footnote}"
    expected = {"telegram_number": number, "classification": classification, "precedence": precedence,
                "sender": sender, "recipient": recipient, "signature": signature, "pages": [page],
                "paragraphs": len(body), "footnotes": (footnote,) if footnote else ()}
    return text, expected


@SETTINGS
@given(frus_documents())
def test_generated_documents_parse_to_what_they_were_built_from(case):
    text, expected = case
    _check_anchored(text)
    doc = parse_frus_text(text)
    assert doc.file_designation == "320/12–2050" and doc.doc_type == "Telegram"
    assert doc.telegram_number == expected["telegram_number"]
    assert doc.classification == expected["classification"] and doc.precedence == expected["precedence"]
    assert doc.sender == expected["sender"] and doc.recipient == expected["recipient"]
    assert doc.signature == expected["signature"]
    assert [pb.page for pb in doc.page_breaks] == expected["pages"]
    assert len(doc.paragraphs) == expected["paragraphs"]
    assert doc.footnotes == expected["footnotes"]


_FIXTURES = sorted((__import__("pathlib").Path(__file__).parent / "fixtures" / "frus" / "texts").glob("*.txt"))
_INSERTS = ["secret", "[Page 5]", "  1. x", "- y↩", "-", "(a)", "Webb", "Washington.", "[Enclosure]",
            "For the Secretary:", "I have [etc.]", ". . .", "1", ""]


@st.composite
def mutated_fixtures(draw):
    """A real FRUS page text, cut, shuffled, with a furniture line inserted, or re-spaced."""
    text = draw(st.sampled_from(_FIXTURES)).read_text(encoding="utf-8")
    lines = text.split("\n")
    op = draw(st.sampled_from(["slice", "shuffle", "insert", "single-newlines"]))
    if op == "slice":
        a = draw(st.integers(0, len(text)))
        return text[a : draw(st.integers(a, len(text)))]
    if op == "shuffle":
        return "\n".join(draw(st.permutations(lines))[: draw(st.integers(1, len(lines)))])
    if op == "insert":
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(_INSERTS)))
        return "\n".join(lines)
    return text.replace("\n\n", "\n")


@SETTINGS
@given(mutated_fixtures())
def test_damaged_real_texts_parse_or_raise_and_round_trip(text):
    try:
        _check_anchored(text)
    except FrusParseError as exc:
        assert exc.line >= 1
