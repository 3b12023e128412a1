"""The footnote list at the end of a stored page text: where it starts and the texts it holds.

Rendered either as an indented numbered list ("  1. text") or as "- text↩" items.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kernel_utils.text.lines import Line
from kernel_utils.text.vocabulary import FOOTNOTE_DASH, GLUED_NOTE_END

__all__ = ["footnote_block_start", "footnote_texts"]

_NUMBERED_ITEM = re.compile(r"^ {2,3}\d{1,3}\. \S")
_ITEM_TEXT = re.compile(r"^ {1,3}\d{1,3}\. (.*)$")


def footnote_block_start(text: str, lines: Sequence[Line], first: int) -> int:
    """Index of the first line of the footnote list at or after ``first`` (``len(lines)`` when none).

    A list starts at an indented "  1. …" item, a "- …↩" item or lone "-", a "- Source: …"
    line, or the first "- " line after a line ending in a glued footnote number when no
    "- " line came before it (a "- " list of the body is not a footnote list).
    """
    for k in range(first, len(lines)):
        line = lines[k].text(text)
        if _NUMBERED_ITEM.match(lines[k].raw(text)) or FOOTNOTE_DASH.match(line) or line.startswith("- Source: "):
            return k
        after_note = k > first and GLUED_NOTE_END.search(lines[k - 1].text(text))
        if (
            line.startswith("- ")
            and after_note
            and not any(lines[j].text(text).startswith("- ") for j in range(first, k))
        ):
            return k
    return len(lines)


def footnote_texts(text: str, lines: Sequence[Line]) -> tuple[str, ...]:
    """The footnote texts of a footnote block, in order, without list numbers, bullets or "↩"."""
    out: list[str] = []
    closed = True
    for index, ln in enumerate(lines):
        body = ln.text(text)
        item = _ITEM_TEXT.match(ln.raw(text))
        if item:
            out.append(item.group(1))
            closed = False
        elif len(ln.indent) >= 4 and out:
            out[-1] += "\n" + body
        elif body == "-":
            out.append("")
            closed = False
        elif body.startswith("- "):
            out.append(body[2:])
            closed = False
        elif out and not closed:
            out[-1] = _continue_note(out[-1], body, lines[index - 1].text(text))
        else:
            out.append(body)
            closed = False
        if out and out[-1].endswith("↩"):
            out[-1] = out[-1][:-1]
            closed = True
    return tuple(f.strip() for f in out)


def _continue_note(note: str, body: str, previous: str) -> str:
    """A further line of an open footnote: a wrapped line joins with a space, a new paragraph with a newline."""
    if not note:
        return body
    wrapped_line = body[:1].islower() or body[:1].isdigit() or not re.search(r"[.:;)”\]]$", previous)
    return f"{note} {body}" if wrapped_line else f"{note}\n{body}"
