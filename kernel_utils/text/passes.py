"""The passes of the plain-text parser, each one job on a shared, typed :class:`ParseState`.

:func:`kernel_utils.text.parser.parse_frus_text` runs them in the order of :data:`PASSES`:
the furniture at the top (heading, address, markings), then the end matter read from the
bottom up (footnote list, omission lines, closing place, enclosure, signature, closing
formula), then the body lines grouped into paragraph spans.  A pass reads the lines not yet
taken (``state.cursor`` onwards for the top, ``state.body`` for the rest) and records what it
takes as header or furniture lines, so that every character stays accounted for.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from kernel_utils.text.footnotes import footnote_block_start, footnote_texts
from kernel_utils.text.header import (
    Heading,
    looks_like_address,
    looks_like_designation,
    looks_like_enclosed_title,
    parse_address,
    parse_heading,
)
from kernel_utils.text.lines import Line
from kernel_utils.text.markers import PAGE_MARKER, is_page_only
from kernel_utils.text.model import HeaderLine
from kernel_utils.text.vocabulary import (
    CLOSING_FORMULA,
    CLOSING_PLACE,
    DATELINE,
    DATELINE_HEAD,
    DATELINE_WITH_HOUR_HEAD,
    DOCUMENT_NUMBER,
    ENCLOSURE,
    LABEL_ONLY,
    OMISSION,
    RECEIVED,
    SITE_CHROME,
    is_telegram_number,
    looks_like_body_start,
    looks_like_signature,
    marking_kind,
)

__all__ = ["PASSES", "HeaderFields", "ParseState", "is_hard_wrapped"]


@dataclass
class HeaderFields:
    """The header fields found so far (``None`` where the text does not print them)."""

    file_designation: str | None = None
    doc_type: str | None = None
    sender: str | None = None
    recipient: str | None = None
    classification: str | None = None
    dateline: str | None = None
    received: str | None = None
    precedences: list[str] = field(default_factory=list)
    heading_number: str | None = None  # a later-series "Telegram 1219 to Geneva" number

    @property
    def precedence(self) -> str | None:
        """Distinct precedences in order of appearance, joined with ", "."""
        return ", ".join(self.precedences) if self.precedences else None


@dataclass
class ParseState:
    """What the passes share: the text, its lines and what each pass has taken from them."""

    text: str
    lines: list[Line]
    wrapped: bool  # lines broken at a fixed width
    cursor: int = 0  # the first line the top passes have not taken
    fields: HeaderFields = field(default_factory=HeaderFields)
    heading: Heading | None = None
    header: list[HeaderLine] = field(default_factory=list)
    furniture: list[HeaderLine] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)  # set by read_footnotes, shortened by the end passes
    trailing: list[Line] = field(default_factory=list)  # an enclosure after the signature
    footnotes: tuple[str, ...] = ()
    signature: str | None = None
    signature_span: tuple[int, int] | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)  # paragraph spans, set by group_paragraphs

    def line(self, k: int) -> str:
        return self.lines[k].text(self.text)

    def take(self, kind: str, first: Line, last: Line | None = None) -> HeaderLine:
        """A header line spanning ``first``–``last`` (one line when ``last`` is omitted)."""
        end = (last or first).end
        return HeaderLine(kind, self.text[first.start : end], first.start, end)

    def content(self) -> list[Line]:
        """The body lines that are neither page markers alone nor omission lines."""
        return [
            ln for ln in self.body if not is_page_only(ln.text(self.text)) and not OMISSION.match(ln.text(self.text))
        ]


def is_hard_wrapped(lines: list[Line]) -> bool:
    """Lines broken at a fixed width (one rendering of some pages): many lines, none long,
    most of them 55–90 characters."""
    if len(lines) < 6:
        return False
    lengths = [ln.end - ln.start for ln in lines]
    if max(lengths) > 95:
        return False
    if len(lines) < 12:  # a short text: every line short, and at least two cut near the full width
        return max(lengths) <= 90 and sum(55 <= n <= 90 for n in lengths) >= 2
    return sum(50 <= n <= 95 for n in lengths) >= 0.35 * len(lengths)


# ------------------------------------------------------------------------------------ top passes


def _is_chrome(state: ParseState, k: int) -> bool:
    """Line ``k`` at the top is site chrome: a known banner line, or a short line without digits
    standing before a heading line within the first four lines (navigation, a banner)."""
    line = state.line(k)
    if SITE_CHROME.match(line):
        return True
    if re.search(r"\d", line) or len(line.split()) > 8 or looks_like_address(line) or marking_kind(line):
        return False
    return any(parse_heading(state.line(j)) is not None for j in range(k + 1, min(4, len(state.lines))))


def read_preamble(state: ParseState) -> None:
    """What a copy of a page can carry before the heading: site chrome (kept as furniture) and a
    document-number line ("No. 243", kept as a header line)."""
    while state.cursor < len(state.lines) - 1 and state.cursor < 4:
        line = state.lines[state.cursor]
        if DOCUMENT_NUMBER.match(line.text(state.text)):
            state.header.append(state.take("serial", line))
        elif _is_chrome(state, state.cursor):
            state.furniture.append(state.take("chrome", line))
        else:
            return
        state.cursor += 1


def _positional_designation(state: ParseState) -> Heading | None:
    """A line that reads as a designation only by where it stands: right before an address line
    (or before a "No. NNN" line and an address): "Truman Library, Truman Papers, PSF–Subject File"."""
    i = state.cursor
    line = state.line(i)
    if not looks_like_designation(line) or marking_kind(line):
        return None
    nxt = i + 1
    if nxt < len(state.lines) and DOCUMENT_NUMBER.match(state.line(nxt)):
        nxt += 1
    if nxt < len(state.lines) and looks_like_address(state.line(nxt)):
        return Heading(file_designation=line)
    return None


def read_heading(state: ParseState) -> None:
    """The heading line: "designation: Type", a bare designation, a later-series "NNN. Telegram
    From X to Y", or a collection designation standing right before the address line."""
    if PAGE_MARKER.search(state.line(state.cursor)):  # read_preamble leaves at least one line
        return
    heading = parse_heading(state.line(state.cursor)) or _positional_designation(state)
    if heading is None:
        return
    state.heading = heading
    f = state.fields
    f.file_designation, f.doc_type = heading.file_designation, heading.doc_type
    f.sender, f.recipient, f.heading_number = heading.sender, heading.recipient, heading.heading_number
    state.header.append(state.take("heading", state.lines[state.cursor]))
    state.cursor += 1


def _address_end(state: ParseState) -> int:
    """The last line of the address: the cursor line, or up to three more in a hard-wrapped text."""
    first = last = state.cursor
    if not state.wrapped:
        return last
    while last + 1 < len(state.lines) and last - first < 3:
        nxt = state.line(last + 1)
        if marking_kind(nxt) or re.fullmatch(r"\d{1,3}", nxt) or DATELINE_HEAD.match(nxt) or looks_like_body_start(nxt):
            break
        last += 1
    return last


def read_address(state: ParseState) -> None:
    """The address line "X to Y" or "Memorandum by X to Y" (wrapped over lines in a hard-wrapped
    text), and a footnote number standing alone after it."""
    if state.cursor < len(state.lines) - 1 and DOCUMENT_NUMBER.match(state.line(state.cursor)):
        state.header.append(state.take("serial", state.lines[state.cursor]))  # "No. 236" after the designation
        state.cursor += 1
    i = state.cursor
    if i >= len(state.lines) or (state.heading is not None and state.heading.names_sender):
        return
    last = _address_end(state)
    joined = " ".join(state.line(k) for k in range(i, last + 1))
    if not looks_like_address(joined):
        return
    address = parse_address(joined)
    f = state.fields
    f.doc_type = f.doc_type or address.doc_type
    f.sender, f.recipient = address.sender, address.recipient
    state.header.append(state.take("address", state.lines[i], state.lines[last]))
    state.cursor = last + 1
    if state.cursor < len(state.lines) and re.fullmatch(r"\d{1,3}", state.line(state.cursor)):
        state.header.append(state.take("note-number", state.lines[state.cursor]))
        state.cursor += 1


def _split_dateline(state: ParseState) -> bool:
    """A dateline split over two or three lines at the cursor ("Washington, March 12," + "1951—7
    p. m."; "American Embassy," + "Mexico," + "March 14, 1913."): the last part short, the
    parts before it a dateline head or ending in a comma."""
    i = state.cursor
    for size in (2, 3):
        if i + size > len(state.lines):
            return False
        parts = [state.line(k) for k in range(i, i + size)]
        head_ok = all(part.endswith(",") for part in parts[:-1]) or (
            size == 2 and bool(DATELINE_HEAD.match(parts[0]) or DATELINE_WITH_HOUR_HEAD.match(parts[0]))
        )
        joined = " ".join(parts)
        if head_ok and len(parts[-1].split()) <= 3 and DATELINE.match(joined):
            state.header.append(state.take("dateline", state.lines[i], state.lines[i + size - 1]))
            state.fields.dateline = state.fields.dateline or joined
            state.cursor += size
            return True
    return False


def _record_marking(fields: HeaderFields, part: str, kind: str) -> None:
    """Put one marking into its field (the first classification, dateline and received win)."""
    if kind == "precedence":
        if part not in fields.precedences:
            fields.precedences.append(part)
    elif kind == "received":
        received = RECEIVED.match(part)
        if received:
            fields.received = fields.received or received.group("value").strip()
    elif kind == "classification" and fields.classification is None:
        fields.classification = part
    elif kind == "dateline" and fields.dateline is None:
        fields.dateline = part


def read_markings(state: ParseState) -> None:
    """Marking lines after the address: classification, precedence (also on one line, parts
    separated by 2+ blanks), [Received …], [Paraphrase], No. NNN, dateline."""
    while state.cursor < len(state.lines):
        if _split_dateline(state):
            continue
        line = state.line(state.cursor)
        parts = re.split(r"\s{2,}", line)
        kinds = [kind for kind in map(marking_kind, parts) if kind]
        if len(kinds) < len(parts):
            return
        for part, kind in zip(parts, kinds):
            _record_marking(state.fields, part, kind)
        state.header.append(state.take(kinds[0] if len(kinds) == 1 else "marking", state.lines[state.cursor]))
        state.cursor += 1


# ------------------------------------------------------------------------------------ end passes


def read_footnotes(state: ParseState) -> None:
    """The footnote list at the end; every line between the markings and it becomes the body."""
    start = footnote_block_start(state.text, state.lines, state.cursor)
    notes = state.lines[start:]
    state.footnotes = footnote_texts(state.text, notes)
    state.furniture += [state.take("footnote", ln) for ln in notes]
    state.body = state.lines[state.cursor : start]


def drop_omissions(state: ParseState) -> None:
    """Omission lines (". . . . .") are furniture wherever they stand; page markers after the
    last line are a page turn, kept in the document's page breaks only."""
    omissions = [ln for ln in state.body if OMISSION.match(ln.text(state.text))]
    state.furniture += [state.take("omission", ln) for ln in omissions]
    state.body = [ln for ln in state.body if ln not in omissions]
    while state.body and PAGE_MARKER.fullmatch(state.body[-1].text(state.text)):
        state.body.pop()


def read_closing_place(state: ParseState) -> None:
    """A closing place line at the end of a note ("Washington.", "Washington, [undated.]");
    not in telegrams, whose last line may be a one-word sentence."""
    content = state.content()
    telegram_like = state.fields.doc_type is not None and is_telegram_number("0", state.fields.doc_type)
    if len(content) < 2 or telegram_like or not CLOSING_PLACE.match(content[-1].text(state.text)):
        return
    place = content[-1]
    state.furniture.append(state.take("dateline", place))
    state.fields.dateline = state.fields.dateline or place.text(state.text)
    state.body = state.body[: state.body.index(place)]


def split_enclosure(state: ParseState) -> None:
    """Set aside an enclosure ("[Enclosure]", "[Annex]" and what follows) so that the signature
    is looked for before it; page markers just before it go with it."""
    at = next((k for k, ln in enumerate(state.body) if ENCLOSURE.match(ln.text(state.text))), None)
    if at is None:
        at = _enclosed_title(state)
    if at is None:
        return
    state.trailing = state.body[at:]
    state.body = state.body[:at]
    while state.body and is_page_only(state.body[-1].text(state.text)):
        state.trailing.insert(0, state.body.pop())


def _enclosed_title(state: ParseState) -> int | None:
    """Where an enclosed document begins without an "[Enclosure]" line: its title ("Draft
    Memorandum by the President to …") right after a sign-off line, past the first paragraph."""
    lines = [ln.text(state.text) for ln in state.body]
    for k in range(2, len(lines)):
        if looks_like_enclosed_title(lines[k]) and looks_like_signature(lines[k - 1]):
            return k
    return None


def _two_line_signature(state: ParseState, before: Line, last: Line) -> bool:
    """A signature block of two lines: "R. C. Lindsay" + "(for H. M. Ambassador)", or
    "For the Secretary of State:" + "Dean Rusk"."""
    b, a = before.text(state.text), last.text(state.text)
    on_behalf = re.fullmatch(r"\((?:for|For) [^()]{1,60}\)", a) and looks_like_signature(b)
    for_the = re.fullmatch(r"For the [^:]{3,80}:", b) and looks_like_signature(a)
    if not (on_behalf or for_the):
        return False
    state.signature = f"{b} {a}"
    state.signature_span = (before.start, last.end)
    state.furniture += [state.take("signature", before), state.take("signature", last)]
    state.body = state.body[: state.body.index(before)]
    return True


def read_signature(state: ParseState) -> None:
    """The sign-off standing last in the body (before any enclosure): one or two lines of names.
    A closing formula right before a one-line signature needs a paragraph before it."""
    content = state.content()
    if len(content) < 2:
        return
    before, last = content[-2], content[-1]
    if len(content) >= 3 and _two_line_signature(state, before, last):
        return
    if not looks_like_signature(last.text(state.text)):
        return
    if CLOSING_FORMULA.match(before.text(state.text)) and len(content) < 3:
        return
    state.signature = last.text(state.text)
    state.signature_span = (last.start, last.end)
    state.body = state.body[: state.body.index(last)]


def read_closing_formula(state: ParseState) -> None:
    """A closing formula ("I have [etc.]", "Very truly yours,") at the end of the body, then the
    set-aside enclosure is put back after the body."""
    content = state.content()
    if len(content) >= 2 and CLOSING_FORMULA.match(content[-1].text(state.text)):
        state.furniture.append(state.take("closing", content[-1]))
        state.body = state.body[: state.body.index(content[-1])]
    state.body += state.trailing
    state.trailing = []


# ------------------------------------------------------------------------------------ paragraphs


_ABBREVIATION_END = re.compile(r"\b(?:Mr|Mrs|Messrs|Dr|Gen|Col|Lt|Capt|Adm|St|No|Nos)\.$")


def _continues(text: str, line: Line, nxt: Line) -> bool:
    """In a hard-wrapped text: does ``nxt`` continue the paragraph that ``line`` is in?

    (``line`` is never a page marker: :func:`_next_in_paragraph` steps over those; a label line
    is joined by :func:`_label_end` first.)  Not when ``nxt`` is a label, a page marker or an omission line, nor when ``nxt`` opens a list
    item or is a marking; a line cut after a comma or an abbreviation ("Mr.") continues; else a
    line ending a sentence ends the paragraph unless ``nxt`` starts in lowercase."""
    current, following = line.text(text), nxt.text(text)
    if LABEL_ONLY.match(following) or is_page_only(following) or OMISSION.match(following):
        return False
    if following.startswith(("- ", "• ")) or re.match(r"^\(?\d{1,2}[.)] |^\([a-z]\) ", following):
        return False
    if current.endswith(",") or _ABBREVIATION_END.search(current):
        return True
    if marking_kind(following):
        return False
    return not re.search(r"[.:;?!”\")]\d{0,3}$|\]$", current) or following[:1].islower()


def _next_in_paragraph(text: str, body: list[Line], end: int) -> int | None:
    """The index of the body line that continues the paragraph ending at ``end`` in a hard-wrapped
    text (looking past a page-marker line inside the paragraph), or ``None``."""
    nxt = end + 1
    if nxt >= len(body):
        return None
    if is_page_only(body[nxt].text(text)) and nxt + 1 < len(body) and _continues(text, body[end], body[nxt + 1]):
        return nxt + 1
    return nxt if _continues(text, body[end], body[nxt]) else None


def _label_end(state: ParseState, k: int, free: Callable[[int, int], bool]) -> int:
    """A label-only line ("(a)", "1.") at ``k`` joins the next line that is not a page marker."""
    body, text = state.body, state.text
    if not LABEL_ONLY.match(body[k].text(text)):
        return k
    nxt = k + 1
    while nxt < len(body) and is_page_only(body[nxt].text(text)):
        nxt += 1
    if nxt < len(body) and not LABEL_ONLY.match(body[nxt].text(text)) and free(body[k].end, body[nxt].start):
        return nxt
    return k


def group_paragraphs(state: ParseState) -> None:
    """Group the body lines into paragraph spans: one line each, a label-only line with the
    next, and wrapped lines of a hard-wrapped text; lines merge only when nothing taken
    (furniture, signature) lies between them.  Page-marker-only lines stand alone."""
    taken = [(f.start, f.end) for f in state.furniture] + ([state.signature_span] if state.signature_span else [])

    def free(after: int, before: int) -> bool:
        return not any(after <= a < before for a, _ in taken)

    body, text = state.body, state.text
    k = 0
    while k < len(body):
        if is_page_only(body[k].text(text)):
            k += 1
            continue
        end = _label_end(state, k, free)
        while state.wrapped:
            nxt = _next_in_paragraph(text, body, end)
            if nxt is None or not free(body[end].end, body[nxt].start):
                break
            end = nxt
        state.spans.append((body[k].start, body[end].end))
        k = end + 1


#: The passes in the order they run.
PASSES: tuple[Callable[[ParseState], None], ...] = (
    read_preamble,
    read_heading,
    read_address,
    read_markings,
    read_footnotes,
    drop_omissions,
    read_closing_place,
    split_enclosure,
    read_signature,
    read_closing_formula,
    group_paragraphs,
)
