"""HTML views of the interpretive layer, rendered from ``templates/interpretation.html`` (the views' one Jinja2 environment, autoescaped).

Each function returns an :class:`IPython.display.HTML` object (``.data`` holds the
markup), so a notebook shows it and a test can read it.  Nothing here decides
anything: the hypotheses, weights and citations come from the data.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from IPython.display import HTML

from kernel_utils.layers.interpretation.hypotheses import Hypotheses, Hypothesis, Tally
from kernel_utils.layers.interpretation.literature import OpenQuestion, Work, bibliography_entry
from kernel_utils.layers.interpretation.policy_turn import PolicyTurn
from kernel_utils.views.html import macro

__all__ = ["evidence_table_html", "tally_html", "hypotheses_overview_html", "narrative_html", "steps_table_html",
           "scholarship_html", "open_questions_html", "document_label", "deciding_html", "statement_html"]

_TEMPLATE = "interpretation.html"


def _render(name: str, *args) -> HTML:
    return HTML(str(macro(_TEMPLATE, name)(*args)))


@lru_cache(maxsize=None)
def document_label(document_id: str) -> str:
    """A bundled document's short title with its id (just the id when it is not bundled)."""
    from kernel_utils.store.documents import document_record

    try:
        record = document_record(document_id)
    except KeyError:
        return document_id
    return f"{record.short_title or record.title} ({document_id})"


def evidence_table_html(hypothesis: Hypothesis, on: Iterable[str] | None = None) -> HTML:
    """The evidence of one hypothesis, items switched off greyed (default: all on)."""
    chosen = {e.id for e in hypothesis.evidence} if on is None else set(on)
    rows = [{"e": e, "on": e.id in chosen, "label": document_label(e.document), "quote": " ".join(e.quote.split())} for e in hypothesis.evidence]
    return _render("evidence_table", hypothesis, rows, sum(r["on"] for r in rows))


def tally_html(tally: Tally, title: str, weights: dict[str, int]) -> HTML:
    """The tally of the evidence switched on, in words."""
    scale = ", ".join(f"{k} = {v}" for k, v in weights.items())
    return _render("tally", tally, title, scale)


def hypotheses_overview_html(hypotheses: Hypotheses) -> HTML:
    """The hypotheses with their statements, labelled as the edition's interpretation, and what was not read."""
    counts = {h.id: (sum(e.stance == "for" for e in h.evidence), sum(e.stance == "against" for e in h.evidence)) for h in hypotheses.hypotheses}
    return _render("overview", hypotheses, counts)


def statement_html(hypothesis: Hypothesis) -> HTML:
    """A hypothesis's title and statement, labelled as the edition's interpretation."""
    return _render("statement", hypothesis)


def deciding_html(hypothesis: Hypothesis) -> HTML:
    """What evidence would decide a hypothesis (and whether the edition holds it), and what remains unknown."""
    return _render("deciding", hypothesis)


def narrative_html(policy_turn: PolicyTurn) -> HTML:
    """The narrative, each sentence followed by the event and document ids it rests on."""
    return _render("narrative", policy_turn)


def steps_table_html(policy_turn: PolicyTurn) -> HTML:
    """The steps side by side: stated objective, the line, conditions for talks."""
    return _render("steps", policy_turn)


def scholarship_html(works: list[Work] | None = None, rule: str | None = None) -> HTML:
    """Passages read (with their kind of text), then further reading with verified bibliographic data only (default: the edition's file)."""
    from kernel_utils.layers.interpretation.literature import load_scholarship, scholarship_rule

    works = load_scholarship() if works is None else works
    rule = scholarship_rule() if rule is None else rule

    def entry(w: Work) -> dict:
        source = w.verified_from[0]
        return {"author": w.author, "title": w.title, "year": w.year, "passages": w.passages, "entry": bibliography_entry(w),
                "note": w.extra.get("publisher_note", ""), "what": source["what"], "url": source["url"]}

    return _render("scholarship", [entry(w) for w in works if w.read], [entry(w) for w in works if not w.read], rule)


def open_questions_html(questions: list[OpenQuestion]) -> HTML:
    """The open questions with what would answer them."""
    return _render("questions", questions)
