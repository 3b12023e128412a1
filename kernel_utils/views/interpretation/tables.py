"""HTML views of the interpretive layer, built with Jinja2 templates (autoescaped).

Each function returns an :class:`IPython.display.HTML` object (``.data`` holds the
markup), so a notebook shows it and a test can read it.  Nothing here decides
anything: the hypotheses, weights and citations come from the data.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from IPython.display import HTML
from jinja2 import Environment, select_autoescape

from kernel_utils.layers.interpretation.hypotheses import Hypotheses, Hypothesis, Tally
from kernel_utils.layers.interpretation.literature import OpenQuestion, Work, bibliography_entry
from kernel_utils.layers.interpretation.policy_turn import PolicyTurn

__all__ = ["evidence_table_html", "tally_html", "hypotheses_overview_html", "narrative_html", "steps_table_html",
           "scholarship_html", "open_questions_html", "document_label", "deciding_html", "statement_html"]

_ENV = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
_ENV.filters["flat"] = lambda text: " ".join(str(text).split())

_STYLE = "border-collapse:collapse;font-size:0.9em"
_CELL = "border:1px solid #888;padding:0.25em 0.5em;vertical-align:top;text-align:left"

_EVIDENCE = _ENV.from_string("""
<table style="{{ style }}">
<caption style="text-align:left">Evidence for and against “{{ h.title }}” ({{ rows|length }} items; {{ on_count }} switched on). The edition's interpretation.</caption>
<thead><tr>{% for c in ["on", "stance", "weight", "document", "characters", "quote", "what it shows"] %}<th scope="col" style="{{ cell }}">{{ c }}</th>{% endfor %}</tr></thead>
<tbody>{% for r in rows %}
<tr style="{{ '' if r.on else 'color:#595959;background:#f2f2f2' }}">
<td style="{{ cell }}">{{ "yes" if r.on else "off" }}</td><td style="{{ cell }}"><b>{{ r.e.stance }}</b></td><td style="{{ cell }}">{{ r.e.weight }}</td>
<td style="{{ cell }}">{{ r.label }}</td><td style="{{ cell }}">{{ r.e.start }}–{{ r.e.end }}</td>
<td style="{{ cell }}">“{{ r.e.quote|flat }}”</td><td style="{{ cell }}">{{ r.e.note }}</td></tr>{% endfor %}
</tbody></table>""")

_TALLY = _ENV.from_string("""
<div role="status" style="margin:0.4em 0">
<p style="margin:0.2em 0"><b>{{ title }}</b>: {{ t.for_items }} item(s) for, summed weight {{ t.for_weight }};
{{ t.against_items }} item(s) against, summed weight {{ t.against_weight }}. Balance {{ "%+d"|format(t.balance) }}.</p>
<p style="margin:0.2em 0">{{ t.verdict }}</p>
<p style="margin:0.2em 0;font-size:0.85em">A transparent tally, not a probability: weights are the annotator's ordinal labels ({{ scale }}), added up. It shows what the selected evidence amounts to on the edition's own weighing, nothing more.</p>
</div>""")

_OVERVIEW = _ENV.from_string("""
<p><i>{{ hs.interpretation }}</i></p>
<ol>{% for h in hs.hypotheses %}
<li><b>{{ h.title }}</b> ({{ h.id }}): {{ h.statement }}
<br><span style="font-size:0.9em">{{ counts[h.id][0] }} item(s) for, {{ counts[h.id][1] }} against, from {{ h.documents|length }} documents.</span></li>{% endfor %}
</ol>
<p style="font-size:0.9em">{{ hs.witness_note }}</p>
<p style="font-size:0.9em">Not read, or read only in part:</p><ul style="font-size:0.9em">{% for n in hs.not_read %}<li>{{ n }}</li>{% endfor %}</ul>""")

_STATEMENT = _ENV.from_string("""<p><b>{{ h.title }}</b>: {{ h.statement }} <i>(the edition's interpretation)</i></p>""")

_DECIDE = _ENV.from_string("""
<p style="margin:0.3em 0"><b>What would decide it</b>:</p>
<ul>{% for d in h.deciding_evidence %}<li>{{ d.what }}: would show {{ d.would_show }}. Held by the edition: <b>{{ d.held }}</b>.</li>{% endfor %}</ul>
<p style="margin:0.3em 0"><b>What remains unknown</b>:</p>
<ul>{% for u in h.unknowns %}<li>{{ u }}</li>{% endfor %}</ul>""")

_NARRATIVE = _ENV.from_string("""
<p><i>{{ pt.interpretation }}</i></p>
{% for s in pt.sentences %}<p style="margin:0.3em 0">{{ s.text }} <span style="font-size:0.85em;color:#3b3b3b">[{{ (s.events + s.documents)|join("; ") }}]</span></p>{% endfor %}""")

_STEPS = _ENV.from_string("""
<table style="{{ style }}">
<caption style="text-align:left">What changed at each step, side by side (cells say 'not stated in what was read' where the sources read are silent).</caption>
<thead><tr>{% for c in ["when", "step", "stated objective", "the line", "conditions for talks", "rests on"] %}<th scope="col" style="{{ cell }}">{{ c }}</th>{% endfor %}</tr></thead>
<tbody>{% for s in pt.steps %}<tr><td style="{{ cell }}">{{ s.when }}</td><th scope="row" style="{{ cell }}">{{ s.label }}</th><td style="{{ cell }}">{{ s.objective }}</td>
<td style="{{ cell }}">{{ s.line }}</td><td style="{{ cell }}">{{ s.talks }}</td><td style="{{ cell }};font-size:0.85em">{{ (s.events + s.documents)|join(", ") }}</td></tr>{% endfor %}
</tbody></table>""")

_SCHOLARSHIP = _ENV.from_string("""
<p><i>{{ rule }}</i></p>
<p><b>Passages read</b> (quoted with the kind of text they come from):</p>
<ul>{% for w in read %}{% for p in w.passages %}
<li><b>{{ w.author }}, <i>{{ w.title }}</i> ({{ w.year }})</b> — {{ p.what }}: “{{ p.quote }}” <span style="font-size:0.85em">({{ p.url }})</span><br>{{ p.note }}{% if p.bears_on %} <span style="font-size:0.85em">[bears on: {{ p.bears_on|join(", ") }}]</span>{% endif %}</li>{% endfor %}{% endfor %}
</ul>
<p><b>Further reading</b> (bibliographic data verified from the record named; the works were not read and nothing is said about their content):</p>
<ul>{% for w in further %}<li>{{ entry(w) }}{% if w.extra.publisher_note %} {{ w.extra.publisher_note }}{% endif %} <span style="font-size:0.85em">(verified from: {{ w.verified_from[0].what }}, {{ w.verified_from[0].url }})</span></li>{% endfor %}</ul>
<p style="font-size:0.9em">Bibliographic data of the works quoted above:</p>
<ul style="font-size:0.9em">{% for w in read %}<li>{{ entry(w) }}{% if w.extra.publisher_note %} {{ w.extra.publisher_note }}{% endif %} <span style="font-size:0.85em">(verified from: {{ w.verified_from[0].what }}, {{ w.verified_from[0].url }})</span></li>{% endfor %}</ul>""")

_QUESTIONS = _ENV.from_string("""
<table style="{{ style }}">
<caption style="text-align:left">Questions that stay open, and what would answer them.</caption>
<thead><tr>{% for c in ["question", "what would answer it", "held by the edition", "bears on"] %}<th scope="col" style="{{ cell }}">{{ c }}</th>{% endfor %}</tr></thead>
<tbody>{% for q in qs %}<tr><td style="{{ cell }}">{{ q.question }}</td><td style="{{ cell }}">{{ q.answer_would_come_from }}</td><td style="{{ cell }}">{{ q.held }}</td><td style="{{ cell }}">{{ q.bears_on|join(", ") or "—" }}</td></tr>{% endfor %}
</tbody></table>""")


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
    rows = [{"e": e, "on": e.id in chosen, "label": document_label(e.document)} for e in hypothesis.evidence]
    return HTML(_EVIDENCE.render(h=hypothesis, rows=rows, on_count=sum(r["on"] for r in rows), style=_STYLE, cell=_CELL))


def tally_html(tally: Tally, title: str, weights: dict[str, int]) -> HTML:
    """The tally of the evidence switched on, in words."""
    scale = ", ".join(f"{k} = {v}" for k, v in weights.items())
    return HTML(_TALLY.render(t=tally, title=title, scale=scale))


def hypotheses_overview_html(hypotheses: Hypotheses) -> HTML:
    """The hypotheses with their statements, labelled as the edition's interpretation, and what was not read."""
    counts = {h.id: (sum(e.stance == "for" for e in h.evidence), sum(e.stance == "against" for e in h.evidence)) for h in hypotheses.hypotheses}
    return HTML(_OVERVIEW.render(hs=hypotheses, counts=counts))


def statement_html(hypothesis: Hypothesis) -> HTML:
    """A hypothesis's title and statement, labelled as the edition's interpretation."""
    return HTML(_STATEMENT.render(h=hypothesis))


def deciding_html(hypothesis: Hypothesis) -> HTML:
    """What evidence would decide a hypothesis (and whether the edition holds it), and what remains unknown."""
    return HTML(_DECIDE.render(h=hypothesis))


def narrative_html(policy_turn: PolicyTurn) -> HTML:
    """The narrative, each sentence followed by the event and document ids it rests on."""
    return HTML(_NARRATIVE.render(pt=policy_turn))


def steps_table_html(policy_turn: PolicyTurn) -> HTML:
    """The steps side by side: stated objective, the line, conditions for talks."""
    return HTML(_STEPS.render(pt=policy_turn, style=_STYLE, cell=_CELL))


def scholarship_html(works: list[Work] | None = None, rule: str | None = None) -> HTML:
    """Passages read (with their kind of text), then further reading with verified bibliographic data only (default: the edition's file)."""
    from kernel_utils.layers.interpretation.literature import load_scholarship, scholarship_rule

    works = load_scholarship() if works is None else works
    rule = scholarship_rule() if rule is None else rule
    return HTML(_SCHOLARSHIP.render(read=[w for w in works if w.read], further=[w for w in works if not w.read], rule=rule, entry=bibliography_entry))


def open_questions_html(questions: list[OpenQuestion]) -> HTML:
    """The open questions with what would answer them."""
    return HTML(_QUESTIONS.render(qs=questions, style=_STYLE, cell=_CELL))
