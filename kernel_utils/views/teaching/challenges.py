"""The known unknowns of a document rewritten as research challenges for students (notebook 01).

Each challenge keeps the edition's own question, why it matters and where the edition already
looked (so a student starts where the last researcher stopped) and adds the same three tasks:
where to look next, what would count as an answer, and how sure one could be.  Nothing is added
about the answer itself.
"""

from __future__ import annotations

from typing import Iterable

from jinja2 import DictLoader, Environment, select_autoescape

from kernel_utils.layers.provenance.chain import KnownUnknown

__all__ = ["research_challenges_html", "CHALLENGE_TASKS"]

#: The tasks every challenge sets (the historian's habits: sourcing, corroboration, judging certainty).
CHALLENGE_TASKS = (
    "Where would you look next, beyond what has already been searched? Name a kind of record, an archive or a publication.",
    "What would count as an answer: which document, written by whom, saying what?",
    "If you found two sources that disagree, how would you decide, or how would you record both?",
)

_TEMPLATE = """<section aria-label="Research challenges" style="max-width:60em">
<p>{{ challenges|length }} question(s) the sources read do not answer. Choose one.</p>
<ol>{% for c in challenges %}
<li style="margin-bottom:0.6em"><b>{{ c.question }}</b>{% if c.step %} <i>(step: {{ c.step }})</i>{% endif %}<br>
Why it matters: {{ c.why_it_matters }}<br>
Already searched: {{ c.searched }}</li>{% endfor %}
</ol>
<p><b>Your tasks for the challenge you chose:</b></p>
<ol>{% for t in tasks %}<li>{{ t }}</li>{% endfor %}</ol>
</section>"""
_ENV = Environment(loader=DictLoader({"challenges": _TEMPLATE}), autoescape=select_autoescape(default=True, default_for_string=True))


def research_challenges_html(unknowns: Iterable[KnownUnknown]) -> str:
    """The known unknowns as a numbered list of challenges with the tasks a student is set."""
    return _ENV.get_template("challenges").render(challenges=list(unknowns), tasks=CHALLENGE_TASKS)
