"""The policy turn narrated from the sources: sentences that cite timeline events or documents, and the steps side by side.

``data/interpretation/policy_turn.json`` holds a short narrative, each sentence
citing the ids of the timeline events (``data/timeline/events.json``) and/or the
bundled documents it rests on, and the steps of the turn, each with the stated
objective, the line and the conditions for talks.  The validator refuses a
sentence or step that cites nothing, or cites an event or document the edition
does not have.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Mapping

from kernel_utils.errors import Problem
from kernel_utils.store.validation import CheckContext, check_unique_ids, load_validated, register

__all__ = ["Sentence", "Step", "PolicyTurn", "load_policy_turn", "citation_problems"]

FILE = "interpretation/policy_turn.json"


@dataclass(frozen=True)
class Sentence:
    """One sentence of the narrative and what it rests on."""

    id: str
    text: str
    events: tuple[str, ...]
    documents: tuple[str, ...]


@dataclass(frozen=True)
class Step:
    """One step of the turn: when, what, and what the stated objective, the line and the conditions for talks were."""

    id: str
    when: str
    label: str
    objective: str
    line: str
    talks: str
    events: tuple[str, ...]
    documents: tuple[str, ...]


@dataclass(frozen=True)
class PolicyTurn:
    """The narrative and the side-by-side steps."""

    description: str
    interpretation: str
    sentences: tuple[Sentence, ...]
    steps: tuple[Step, ...]

    def steps_table(self):
        """The steps side by side as a :class:`pandas.DataFrame` (one row per step, in order)."""
        import pandas as pd

        rows = [{"when": s.when, "step": s.label, "stated objective": s.objective, "the line": s.line, "conditions for talks": s.talks,
                 "rests on": ", ".join([*s.events, *s.documents])} for s in self.steps]
        return pd.DataFrame(rows)


def citation_problems(records: list[Mapping[str, Any]], *, what: str, file: str, event_ids: set[str], document_ids: set[str]) -> Iterator[Problem]:
    """Each record cites at least one event or document, and every one it cites exists."""
    for r in records:
        rec = f"{what} '{r.get('id')}'"
        if not r.get("events") and not r.get("documents"):
            yield Problem(file, rec, "events/documents", "at least one timeline event id or bundled document id it rests on", "no citation")
        for i, e in enumerate(r.get("events", [])):
            if e not in event_ids:
                yield Problem(file, rec, f"events.{i}", "the id of an event in data/timeline/events.json", repr(e))
        for i, d in enumerate(r.get("documents", [])):
            if d not in document_ids:
                yield Problem(file, rec, f"documents.{i}", "the id of a bundled document (a folder of data/documents/)", repr(d))


def _event_ids(ctx: CheckContext) -> set[str]:
    return ctx.record_ids("timeline/events.json", "events") or set()


def check_policy_turn(data: dict[str, Any], ctx: CheckContext) -> Iterator[Problem]:
    """Ids unique; every sentence and step cites something, and only events and documents that exist; steps in date order."""
    yield from check_unique_ids(data["sentences"], ctx.file, what="sentence")
    yield from check_unique_ids(data["steps"], ctx.file, what="step")
    events, documents = _event_ids(ctx), ctx.document_ids()
    yield from citation_problems(data["sentences"], what="sentence", file=ctx.file, event_ids=events, document_ids=documents)
    yield from citation_problems(data["steps"], what="step", file=ctx.file, event_ids=events, document_ids=documents)
    for before, after in zip(data["steps"], data["steps"][1:]):
        if after["when"] < before["when"]:
            yield Problem(ctx.file, f"step '{after['id']}'", "when", f"a date on or after {before['when']} (steps in order)", after["when"])


register(FILE, "interpretation-policy-turn.schema.json", check_policy_turn, description="the policy turn narrated from the sources")


def load_policy_turn() -> PolicyTurn:
    """The validated narrative and steps."""
    data = load_validated(FILE)
    sentences = tuple(Sentence(s["id"], s["text"], tuple(s["events"]), tuple(s["documents"])) for s in data["sentences"])
    steps = tuple(Step(s["id"], s["when"], s["label"], s["objective"], s["line"], s["talks"], tuple(s["events"]), tuple(s["documents"])) for s in data["steps"])
    return PolicyTurn(data["description"], data["interpretation"], sentences, steps)
