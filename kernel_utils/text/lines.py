"""The non-blank lines of a text, each with its span: the unit every parsing pass reads."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Line", "line_of", "split_lines"]


@dataclass(frozen=True)
class Line:
    """One non-blank line: its trimmed span, the blanks before it, its line number."""

    start: int  # first non-blank character
    end: int  # after the last non-blank character
    indent: str  # the blanks before ``start`` on the line (footnote lists are indented)
    number: int  # 1-based line number, for error messages

    def text(self, whole: str) -> str:
        """The line's trimmed text in ``whole``."""
        return whole[self.start : self.end]

    def raw(self, whole: str) -> str:
        """The line's text with its indentation."""
        return self.indent + whole[self.start : self.end]


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text`` (split at ``\\n`` only), with their spans."""
    out = []
    pos = 0
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            start = pos + lead
            out.append(Line(start, start + len(stripped), line[:lead], number))
        pos += len(line) + 1
    return out


def line_of(text: str, offset: int) -> int:
    """The 1-based line number of character ``offset``."""
    return text.count("\n", 0, offset) + 1
