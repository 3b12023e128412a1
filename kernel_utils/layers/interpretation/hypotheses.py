"""Hypotheses about a document's purpose, each argued from exact quotes, with evidence for and against.

``data/interpretation/hypotheses.json`` holds the hypotheses.  Every evidence item
quotes a bundled document at character offsets (``start``–``end``, end exclusive),
takes a ``stance`` (``for`` or ``against`` its hypothesis), a ``weight`` (an ordinal
label: strong, moderate, weak) and a ``note`` saying what it shows and how strongly.
All of it is the edition's interpretation, and says so.

:func:`tally` is deliberately simple and transparent: it counts the items a reader
has switched on and adds their weights, for and against; it never turns them into a
probability.  What the weights mean is in the data (``weights``), not hidden in code.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Iterable, Iterator, Mapping

from kernel_utils.errors import Problem
from kernel_utils.store.validation import CheckContext, check_quote, check_unique_ids, load_validated, register

__all__ = ["Evidence", "Hypothesis", "Hypotheses", "Tally", "load_hypotheses", "tally", "hypotheses_json"]

FILE = "interpretation/hypotheses.json"
STANCES = ("for", "against")


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence: an exact quote at offsets in a bundled document, with its stance and weight."""

    id: str
    document: str
    start: int
    end: int
    quote: str
    stance: str
    weight: str
    note: str


@dataclass(frozen=True)
class Hypothesis:
    """A hypothesis about the document's purpose, with its evidence and what would decide it."""

    id: str
    title: str
    statement: str
    evidence: tuple[Evidence, ...]
    deciding_evidence: tuple[Mapping[str, str], ...]
    unknowns: tuple[str, ...]

    def item(self, evidence_id: str) -> Evidence:
        """The evidence item with this id (``KeyError`` listing the valid ids)."""
        for e in self.evidence:
            if e.id == evidence_id:
                return e
        raise KeyError(f"no evidence {evidence_id!r} for {self.id}; items: {', '.join(e.id for e in self.evidence)}")

    @property
    def documents(self) -> list[str]:
        """The documents its evidence is drawn from, in first-use order."""
        return list(dict.fromkeys(e.document for e in self.evidence))


@dataclass(frozen=True)
class Hypotheses:
    """The whole file: the hypotheses, the weight scale, the witness note and what was not read."""

    document: str
    description: str
    interpretation: str
    weights: Mapping[str, int]
    witness_note: str
    not_read: tuple[str, ...]
    hypotheses: tuple[Hypothesis, ...]

    def evidence_in(self, document: str) -> list[tuple[str, Evidence]]:
        """Every evidence item quoting ``document``, with the id of the hypothesis it serves (empty if none)."""
        return [(h.id, e) for h in self.hypotheses for e in h.evidence if e.document == document]

    def tally_table(self, on: Iterable[str] | None = None):
        """One row per hypothesis: items and summed weights for and against (``on``: the item ids switched on; default all)."""
        import pandas as pd

        chosen = None if on is None else set(on)
        rows = []
        for h in self.hypotheses:
            t = tally(h, self.weights, None if chosen is None else [e.id for e in h.evidence if e.id in chosen])
            rows.append({"hypothesis": h.id, "title": h.title, "items for": t.for_items, "weight for": t.for_weight,
                         "items against": t.against_items, "weight against": t.against_weight, "balance": t.balance,
                         "documents": len(h.documents)})
        return pd.DataFrame(rows).set_index("hypothesis")

    def get(self, hypothesis_id: str) -> Hypothesis:
        """The hypothesis with this id (``KeyError`` listing the valid ids)."""
        for h in self.hypotheses:
            if h.id == hypothesis_id:
                return h
        raise KeyError(f"no hypothesis {hypothesis_id!r}; hypotheses: {', '.join(h.id for h in self.hypotheses)}")


@dataclass(frozen=True)
class Tally:
    """What the evidence switched on adds up to, for and against: counts and summed weights, nothing more."""

    hypothesis: str
    on: tuple[str, ...]
    for_items: int
    against_items: int
    for_weight: int
    against_weight: int

    @property
    def balance(self) -> int:
        """Summed weight for minus summed weight against."""
        return self.for_weight - self.against_weight

    @property
    def verdict(self) -> str:
        """A plain sentence about the balance (not a probability, and not a finding of fact)."""
        if not self.on:
            return "No evidence switched on: nothing follows."
        if not self.for_items:
            return "Only evidence against is switched on: as it stands, nothing here supports the hypothesis."
        if not self.against_items:
            return "Only evidence for is switched on: the hypothesis is unopposed here, which says more about the selection than about the hypothesis."
        if self.balance > 0:
            return f"The evidence switched on leans for the hypothesis (weight {self.for_weight} for, {self.against_weight} against), with objections standing."
        if self.balance < 0:
            return f"The evidence switched on leans against the hypothesis (weight {self.for_weight} for, {self.against_weight} against)."
        return f"The evidence switched on is evenly balanced (weight {self.for_weight} each way)."


def tally(hypothesis: Hypothesis, weights: Mapping[str, int], on: Iterable[str] | None = None) -> Tally:
    """Count and weigh the evidence items ``on`` (default: all) for and against ``hypothesis``.

    Raises ``KeyError`` for an item id the hypothesis does not have, or a weight
    label the scale does not define.
    """
    chosen = [e.id for e in hypothesis.evidence] if on is None else list(dict.fromkeys(on))
    items = [hypothesis.item(i) for i in chosen]
    for e in items:
        if e.weight not in weights:
            raise KeyError(f"weight {e.weight!r} of {e.id} is not on the scale ({', '.join(weights)})")
    pro = [e for e in items if e.stance == "for"]
    con = [e for e in items if e.stance == "against"]
    return Tally(hypothesis.id, tuple(chosen), len(pro), len(con), sum(weights[e.weight] for e in pro), sum(weights[e.weight] for e in con))


# =========================================================================== checks
def check_hypotheses(data: dict[str, Any], ctx: CheckContext) -> Iterator[Problem]:
    """Quotes exact at their offsets; ids unique; weights on the scale; each hypothesis argued both ways from two documents."""
    file = ctx.file
    yield from check_unique_ids(data["hypotheses"], file, what="hypothesis")
    all_items = [e for h in data["hypotheses"] for e in h["evidence"]]
    yield from check_unique_ids(all_items, file, what="evidence item")
    scale = data["weights"]
    for h in data["hypotheses"]:
        for e in h["evidence"]:
            rec = f"'{h['id']}' evidence '{e['id']}'"
            yield from check_quote(ctx.document_text(e["document"]), e["start"], e["end"], e["quote"], file=file, record=rec, document=e["document"])
            if e["weight"] not in scale:
                yield Problem(file, rec, "weight", "a weight defined in 'weights' (" + ", ".join(scale) + ")", repr(e["weight"]))
        yield from _check_balance(h, file)


def _check_balance(h: Mapping[str, Any], file: str) -> Iterator[Problem]:
    rec = f"'{h['id']}'"
    stances = {e["stance"] for e in h["evidence"]}
    for stance in STANCES:
        if stance not in stances:
            yield Problem(file, rec, "evidence", f"at least one item with stance '{stance}'", "none")
    documents = {e["document"] for e in h["evidence"]}
    if len(documents) < 2:
        yield Problem(file, rec, "evidence", "evidence from at least two different documents", f"{len(documents)} document(s): {', '.join(sorted(documents))}")


register(FILE, "interpretation-hypotheses.schema.json", check_hypotheses, description="hypotheses about a document's purpose, with evidence")


# =========================================================================== loading
def _hypothesis(h: Mapping[str, Any]) -> Hypothesis:
    evidence = tuple(Evidence(e["id"], e["document"], e["start"], e["end"], e["quote"], e["stance"], e["weight"], e["note"]) for e in h["evidence"])
    return Hypothesis(h["id"], h["title"], h["statement"], evidence, tuple(h["deciding_evidence"]), tuple(h["unknowns"]))


def load_hypotheses() -> Hypotheses:
    """The validated hypotheses (raises :class:`~kernel_utils.errors.DataValidationError` naming file, record and field)."""
    data = load_validated(FILE)
    return Hypotheses(data["document"], data["description"], data["interpretation"], dict(data["weights"]), data["witness_note"],
                      tuple(data["not_read"]), tuple(_hypothesis(h) for h in data["hypotheses"]))


def hypotheses_json(hypotheses: Hypotheses | None = None) -> list[dict[str, Any]]:
    """The hypotheses as JSON-ready records (the ``hypotheses --json`` output), each labelled as interpretation."""
    hs = hypotheses or load_hypotheses()
    out = []
    for h in hs.hypotheses:
        record = asdict(h)
        record["deciding_evidence"] = [dict(d) for d in h.deciding_evidence]
        record["evidence"] = [asdict(e) for e in h.evidence]
        record["interpretation"] = hs.interpretation
        out.append(record)
    return out
