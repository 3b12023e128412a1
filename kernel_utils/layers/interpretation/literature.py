"""Published scholarship cited only from what was read, and the questions the interpretation leaves open.

``data/interpretation/scholarship.json``: each work's bibliographic data is
verified from a record that was read (``verified_from``); passages are quoted only
where read, with the kind of text they come from (a publisher's description is not
the author's words).  A work without passages is further reading, and nothing is
said about its content.  ``data/interpretation/open_questions.json``: each question
with what would answer it and whether the edition holds that evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Mapping

from kernel_utils.errors import Problem
from kernel_utils.store.validation import CheckContext, check_unique_ids, load_validated, register

__all__ = ["Work", "OpenQuestion", "load_scholarship", "load_open_questions", "further_reading", "bibliography_entry", "scholarship_rule"]

SCHOLARSHIP, QUESTIONS = "interpretation/scholarship.json", "interpretation/open_questions.json"


@dataclass(frozen=True)
class Work:
    """A published work: verified bibliographic data, and passages quoted where read (none: further reading)."""

    id: str
    author: str
    title: str
    publisher: str | None
    year: int | None
    verified_from: tuple[Mapping[str, str], ...]
    passages: tuple[Mapping[str, Any], ...]
    extra: Mapping[str, str]

    @property
    def read(self) -> bool:
        """Whether any passage bearing on it was read (else it is further reading only)."""
        return bool(self.passages)


@dataclass(frozen=True)
class OpenQuestion:
    """A question left open, what would answer it, and whether the edition holds that evidence."""

    id: str
    question: str
    answer_would_come_from: str
    held: str
    bears_on: tuple[str, ...]


def bibliography_entry(work: Work) -> str:
    """Author, title, place, publisher, year as plain text (only what the verified records give)."""
    parts = [work.author + ".", work.title + "."]
    if "container" in work.extra:
        parts.append(work.extra["container"] + ".")
    where = ": ".join(x for x in (work.extra.get("place"), work.publisher) if x)
    year = "n.d." if work.year is None else str(work.year)
    parts.append(f"{where}, {year}." if where else f"{year}.")
    if "doi" in work.extra:
        parts.append(f"doi:{work.extra['doi']}.")
    return " ".join(parts)


def _hypothesis_ids(ctx: CheckContext) -> set[str]:
    return ctx.record_ids("interpretation/hypotheses.json", "hypotheses") or set()


def check_scholarship(data: dict[str, Any], ctx: CheckContext) -> Iterator[Problem]:
    """Ids unique; every passage bears on hypotheses that exist."""
    yield from check_unique_ids(data["works"], ctx.file, what="work")
    known = _hypothesis_ids(ctx)
    for w in data["works"]:
        for i, p in enumerate(w["passages"]):
            for j, h in enumerate(p["bears_on"]):
                if h not in known:
                    yield Problem(ctx.file, f"'{w['id']}'", f"passages.{i}.bears_on.{j}", "the id of a hypothesis in interpretation/hypotheses.json", repr(h))


def check_open_questions(data: dict[str, Any], ctx: CheckContext) -> Iterator[Problem]:
    """Ids unique; every question bears on hypotheses that exist."""
    yield from check_unique_ids(data["questions"], ctx.file, what="question")
    known = _hypothesis_ids(ctx)
    for q in data["questions"]:
        for j, h in enumerate(q["bears_on"]):
            if h not in known:
                yield Problem(ctx.file, f"'{q['id']}'", f"bears_on.{j}", "the id of a hypothesis in interpretation/hypotheses.json", repr(h))


register(SCHOLARSHIP, "interpretation-scholarship.schema.json", check_scholarship, description="published scholarship, cited from what was read")
register(QUESTIONS, "interpretation-open-questions.schema.json", check_open_questions, description="questions the interpretation leaves open")

_CORE = ("id", "author", "title", "publisher", "year", "verified_from", "passages")


def load_scholarship() -> list[Work]:
    """The validated works, in the file's order."""
    data = load_validated(SCHOLARSHIP)
    return [Work(w["id"], w["author"], w["title"], w["publisher"], w["year"], tuple(w["verified_from"]), tuple(w["passages"]),
                 {k: v for k, v in w.items() if k not in _CORE}) for w in data["works"]]


def scholarship_rule() -> str:
    """The rule the scholarship file follows (quoted with the list it governs)."""
    return load_validated(SCHOLARSHIP)["rule"]


def further_reading(works: list[Work] | None = None) -> list[Work]:
    """Works known but not read: listed with verified bibliographic data, nothing said about content."""
    return [w for w in (works if works is not None else load_scholarship()) if not w.read]


def load_open_questions() -> list[OpenQuestion]:
    """The validated open questions, in the file's order."""
    data = load_validated(QUESTIONS)
    return [OpenQuestion(q["id"], q["question"], q["answer_would_come_from"], q["held"], tuple(q["bears_on"])) for q in data["questions"]]
