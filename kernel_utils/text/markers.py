"""Page markers (``[Page N]``): where history.state.gov shows the printed page turning.

A marker is removed from a paragraph's reading text, and put back when the verbatim text is
re-assembled; :func:`strip_markers` and :func:`removed_chunk` state the one rule both use.
"""

from __future__ import annotations

import re

__all__ = ["ANY_PAGE_BRACKET", "PAGE_MARKER", "is_page_only", "removed_chunk", "strip_markers"]

#: A page marker as history.state.gov prints it: ``[Page 1584]``.
PAGE_MARKER = re.compile(r"\[Page (\d{1,5})\]")
#: Anything that starts like a page marker (to report malformed ones).
ANY_PAGE_BRACKET = re.compile(r"\[Page\b[^\]\n]*\]?")

#: (page, start, end) of a marker in the whole text.
MarkerSpan = tuple[int, int, int]


def is_page_only(line: str) -> bool:
    """A line holding nothing but page markers (and blanks)."""
    return not PAGE_MARKER.sub("", line).strip()


def strip_markers(text: str, offset: int) -> tuple[str, tuple[MarkerSpan, ...]]:
    """Remove page markers from a paragraph; return reading text and (page, start, end) spans.

    ``offset`` is where ``text`` starts in the whole document.  When a marker stands between
    two blanks ("about [Page 1584] by") one blank goes with it so the reading text reads
    "about by"; a marker opening the paragraph takes the blank after it; a marker glued to a
    word is removed alone.
    """
    found: list[MarkerSpan] = []
    out: list[str] = []
    cursor = 0
    for m in PAGE_MARKER.finditer(text):
        found.append((int(m.group(1)), offset + m.start(), offset + m.end()))
        before = text[cursor : m.start()]
        after_char = text[m.end() : m.end() + 1]
        if before.endswith((" ", "\n")) and after_char in (" ", "\n"):
            before = before[:-1]
            cursor_after = m.end()
        elif m.start() == 0 and after_char in (" ", "\n"):
            cursor_after = m.end() + 1
        else:
            cursor_after = m.end()
        out.append(before)
        cursor = cursor_after
    out.append(text[cursor:])
    return "".join(out), tuple(found)


def removed_chunk(paragraph_text: str, paragraph_start: int, page: int, start: int, end: int) -> tuple[str, int]:
    """The marker at ``start``–``end`` plus the blank :func:`strip_markers` dropped with it,
    and where that chunk began in the whole text (the inverse of the rule there)."""
    marker = f"[Page {page}]"
    before = paragraph_text[: start - paragraph_start]
    after = paragraph_text[end - paragraph_start :]
    if before.endswith((" ", "\n")) and after[:1] in (" ", "\n"):
        return before[-1] + marker, start - 1
    if not before and after[:1] in (" ", "\n"):
        return marker + after[0], start
    return marker, start
