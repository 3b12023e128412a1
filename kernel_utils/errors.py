"""The library's own exceptions.

Every error names *where* the problem is (file, line or record, field) and
*what* was expected, so that a historian editing a data file can fix it
without reading a traceback.  All of them derive from :class:`KernelUtilsError`
so callers can catch the library's failures in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "KernelUtilsError",
    "Problem",
    "DataValidationError",
    "DataFolderError",
    "TextIntegrityError",
    "FrusParseError",
    "TeiError",
]


class KernelUtilsError(Exception):
    """Base class of every error raised on purpose by ``kernel_utils``."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one data file.

    ``record`` is a record id where the record has one, otherwise its
    position (``"#3"``); ``field`` is a dotted path inside the record.  A problem
    that has a place in the file's text rather than in a record (a JSON syntax
    error) gives it in ``line`` and ``column`` (1-based) and leaves record and
    field empty.
    """

    file: str
    record: str
    field: str
    expected: str
    found: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
            if self.column is not None:
                where += f", column {self.column}"
        if self.record:
            where += f", record {self.record}"
        if self.field:
            where += f", field '{self.field}'"
        return f"{where}: expected {self.expected}; found {self.found}"


class DataValidationError(KernelUtilsError, ValueError):
    """A data file (or several) broke the rules; carries every :class:`Problem`."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        if not problems:
            raise ValueError("DataValidationError needs at least one problem")
        self.problems: tuple[Problem, ...] = tuple(problems)
        lines = [str(p) for p in self.problems]
        head = "1 problem" if len(lines) == 1 else f"{len(lines)} problems"
        super().__init__(f"{head} in the data:\n" + "\n".join(f"  - {line}" for line in lines))


class DataFolderError(KernelUtilsError, FileNotFoundError):
    """The data folder (or a file the library needs in it) is not where the library looks;
    the message says where it looked and how to point it elsewhere (``KERNEL_UTILS_DATA``)."""


class TextIntegrityError(DataValidationError):
    """The verbatim text on disk is not the text the edition was built on (missing, truncated,
    altered or re-encoded); its problems name the file and what differs (size, checksum)."""


class FrusParseError(KernelUtilsError, ValueError):
    """A FRUS plain text could not be read; names the line and what was expected."""

    def __init__(self, message: str, *, line: int, expected: str, source: str = "<text>", found: str = ""):
        self.message = message
        self.line = line
        self.expected = expected
        self.source = source
        self.found = found
        detail = f"{source}, line {line}: {message}; expected {expected}"
        if found:
            detail += f"; found {found!r}"
        super().__init__(detail)


class TeiError(KernelUtilsError, ValueError):
    """A TEI file could not be read as a FRUS document; names the file, the element and what was expected."""
