"""The "build your own reading" widgets: paste a quote, choose a type, add a unit; join units; see the map; compare.

Every control is a labelled native control (a textarea, selects, buttons), usable by
keyboard.  Each action has a method that does what the control does (``paste``,
``choose_type``, ``add_unit``, ``add_relation``, ``compare_with``) and returns the view as
static HTML, so a notebook cell can show the same from code and nbval runs the callbacks.
HTML is made with Jinja2 templates with autoescape.
"""

from __future__ import annotations

from typing import Any, Sequence

from IPython.display import HTML
from jinja2 import DictLoader, Environment, select_autoescape
from markupsafe import Markup

from kernel_utils.errors import DataValidationError, KernelUtilsError
from kernel_utils.layers.argument.model import Reading
from kernel_utils.layers.teaching.compare import agreement
from kernel_utils.layers.teaching.student import QuoteError, StudentReading, find_quote
from kernel_utils.views.argument.diagram import argument_svg

__all__ = ["ReadingBuilder", "status_html", "map_html", "agreement_html"]

_TEMPLATES = {
    "status": """<section style="border:1px solid #767676;border-radius:4px;padding:0.6em 0.9em;margin:0.4em 0;max-width:60em" aria-label="Your reading so far">
<p role="status" style="margin:0.2em 0"><b>{{ message_kind }}:</b> {{ message }}</p>
{% if preview %}<p style="margin:0.2em 0">Next unit: {{ preview }}</p>{% endif %}
{% if relation_preview %}<p style="margin:0.2em 0">Next relation: {{ relation_preview }}</p>{% endif %}
<p style="margin:0.4em 0 0.2em"><b>{{ reading_id }}: {{ units|length }} unit(s), {{ relations|length }} relation(s)</b>{% if main %}; main conclusion {{ main }}{% endif %}</p>
{% if units %}<ol style="margin:0.2em 0">{% for u in units %}<li>{{ u.id }} · ¶{{ u.paragraph[1:]|int }} · {{ u.type }}: “{{ u.words }}” ({{ u.start }}–{{ u.end }})</li>{% endfor %}</ol>{% endif %}
{% if relations %}<ul style="margin:0.2em 0">{% for r in relations %}<li>{{ r.id }}: {{ r.from|join(' + ') }} —{{ r.type }}→ {{ r.to }}</li>{% endfor %}</ul>{% endif %}
{% if problems %}<p style="margin:0.4em 0 0.2em"><b>Still to fix before the map can be drawn ({{ problems|length }}):</b></p><ul>{% for p in problems %}<li>{{ p }}</li>{% endfor %}</ul>{% endif %}
</section>""",
    "map": """<figure style="margin:0.4em 0;max-width:100%;overflow-x:auto">{{ svg }}<figcaption style="font-size:0.9em">Your map: {{ caption }}</figcaption></figure>""",
    "agreement": """<section style="border:1px solid #767676;border-radius:4px;padding:0.6em 0.9em;margin:0.4em 0;max-width:60em" aria-label="Agreement with {{ other }}">
<h4 style="margin:0.2em 0">Your reading compared with {{ other }}</h4>
<table><thead><tr><th scope="col">measure</th><th scope="col">value</th><th scope="col">what it means</th></tr></thead><tbody>
<tr><td>characters marked (you / {{ other }} / both)</td><td>{{ a.characters.first }} / {{ a.characters.second }} / {{ a.characters.shared }}</td><td>how much of the text each reading counts as argument</td></tr>
<tr><td>character overlap (Jaccard)</td><td>{{ a.characters.jaccard }}</td><td>shared ÷ marked by either (1 = the same words)</td></tr>
<tr><td>units paired</td><td>{{ a.units.matched|length }} of your {{ a.units.first }}; {{ a.units.second }} in {{ other }}</td><td>units whose spans overlap by at least half</td></tr>
<tr><td>same type on paired units</td><td>{{ a.types.agreeing }} of {{ a.types.matched }}</td><td>observed agreement {{ a.types.observed_agreement }}</td></tr>
<tr><td>Cohen's kappa</td><td>{{ a.types.cohen_kappa if a.types.cohen_kappa is not none else "undefined" }}</td><td>agreement beyond chance (1 = complete, 0 = no better than chance)</td></tr>
<tr><td>relations shared (same type)</td><td>{{ a.relations.shared }} ({{ a.relations.same_type }})</td><td>relations with the same ends through the paired units</td></tr>
<tr><td>main conclusion</td><td>{{ a.main_conclusion.first }} / {{ a.main_conclusion.second }}</td><td>{{ "the same passage" if a.main_conclusion.same_unit else "different passages" }}</td></tr>
</tbody></table>
{% if a.types.disagreements %}<p><b>Typed differently:</b></p><ul>{% for d in a.types.disagreements %}<li>your {{ d.first }} is a {{ d.type_first }}; {{ other }}'s {{ d.second }} is a {{ d.type_second }}</li>{% endfor %}</ul>{% endif %}
</section>""",
}
_ENV = Environment(loader=DictLoader(_TEMPLATES), autoescape=select_autoescape(default=True, default_for_string=True))


def _words(quote: str) -> str:
    words = " ".join(quote.split())
    return words if len(words) <= 90 else words[:89] + "…"


def status_html(student: StudentReading, *, message: str = "", kind: str = "Ready", preview: str = "", relation_preview: str = "") -> str:
    """The reading so far (units, relations, what still breaks the rules) with the last action's message."""
    units = [dict(u, words=_words(u["quote"])) for u in student.units]
    problems = [f"{p.record or 'reading'} {p.field}: expected {p.expected}; found {p.found}" for p in student.problems()] if student.units else []
    return _ENV.get_template("status").render(message_kind=kind, message=message or "paste a quote and choose its type.",
                                              preview=preview, relation_preview=relation_preview, reading_id=student.id,
                                              units=units, relations=student.relations, main=student.main_conclusion, problems=problems)


def map_html(student: StudentReading) -> str:
    """The student's map when the reading is valid; otherwise a plain note saying why not yet."""
    try:
        reading = student.reading()
    except DataValidationError:
        return "<p>No map yet: the reading still breaks a rule (see the list above).</p>" if student.units else "<p>No units yet.</p>"
    svg = argument_svg(reading, caption=f"Argument map · {reading.id}")
    return _ENV.get_template("map").render(svg=Markup(svg), caption=f"{len(reading.units)} units, {len(reading.relations)} relations")


def agreement_html(mine: Reading, other: Reading) -> str:
    """The agreement figures of the student's reading with another, as a table with plain explanations."""
    return _ENV.get_template("agreement").render(a=agreement(mine, other), other=other.id)


class ReadingBuilder:
    """The widgets: quote + type + "Add unit"; from + relation + to + "Add relation"; "Compare with"; status and map views."""

    def __init__(self, student: StudentReading, others: Sequence[Reading] = ()):
        import ipywidgets as widgets

        self.student = student
        self.others = {r.id: r for r in others}
        self._message, self._kind = "", "Ready"
        wide = {"width": "min(100%, 42em)"}
        style = {"description_width": "initial"}
        self.quote = widgets.Textarea(value="", description="Quote from the telegram", placeholder="paste the words here",
                                      rows=3, layout=wide, style=style)
        types = [(t.label, t.id) for t in student.vocabulary.unit_types.values()]
        self.unit_type = widgets.Dropdown(options=types, value=types[0][1], description="Unit type", style=style)
        self.add_button = widgets.Button(description="Add unit", tooltip="Add the quoted words as a unit of the chosen type")
        self.source = widgets.Dropdown(options=[("—", "")], description="From unit", style=style)
        self.relation_type = widgets.Dropdown(options=[(t.label, t.id) for t in student.vocabulary.relation_types.values()],
                                              description="Relation", style=style)
        self.target = widgets.Dropdown(options=[("—", "")], description="To unit", style=style)
        self.relate_button = widgets.Button(description="Add relation", tooltip="Join the two units by the chosen relation")
        self.other = widgets.Dropdown(options=[("nothing", "")] + [(r, r) for r in self.others], value="",
                                      description="Compare with", style=style)
        self.status = widgets.HTML()
        self.map = widgets.HTML()
        self.comparison = widgets.HTML()
        for control in (self.quote, self.unit_type, self.source, self.relation_type, self.target):
            control.observe(lambda _change: self._refresh(), names="value")
        self.other.observe(lambda _change: self._refresh_comparison(), names="value")
        self.add_button.on_click(lambda _b: self.add_unit())
        self.relate_button.on_click(lambda _b: self.add_relation())
        self.widget = widgets.VBox([self.quote, self.unit_type, self.add_button, self.source, self.relation_type, self.target,
                                    self.relate_button, self.other, self.status, self.map, self.comparison])
        self._refresh()

    # ---------------------------------------------------------------- rendering
    def _preview(self) -> str:
        if not self.quote.value.strip():
            return f"paste a quote; it will be added as a {self.unit_type.value}"
        try:
            m = find_quote(self.quote.value, self.student.document)
        except QuoteError as exc:
            return f"not placed yet ({exc})"
        return f"“{_words(m.quote)}” in ¶{int(m.paragraph[1:]) if m.paragraph else '?'} at {m.start}–{m.end}, as a {self.unit_type.value}"

    def _relation_preview(self) -> str:
        if not (self.source.value and self.target.value):
            return ""
        return f"{self.source.value} —{self.relation_type.value}→ {self.target.value}"

    def _refresh(self) -> None:
        ids = [(f"{u['id']} · {u['type']}: {_words(u['quote'])[:40]}", u["id"]) for u in self.student.units]
        for control in (self.source, self.target):
            keep = control.value
            control.options = [("—", "")] + ids
            control.value = keep if keep in {v for _, v in ids} else ""
        self.status.value = status_html(self.student, message=self._message, kind=self._kind, preview=self._preview(),
                                        relation_preview=self._relation_preview())
        self.map.value = map_html(self.student)
        self._refresh_comparison()

    def _refresh_comparison(self) -> None:
        other = self.others.get(self.other.value)
        if other is None:
            self.comparison.value = "<p>Choose a reading to compare yours with.</p>" if self.others else ""
            return
        try:
            self.comparison.value = agreement_html(self.student.reading(), other)
        except DataValidationError:
            self.comparison.value = "<p>Your reading must be valid (no problems listed above) before it can be compared.</p>"

    def _show(self) -> HTML:
        return HTML(self.status.value + self.map.value + self.comparison.value)

    # ---------------------------------------------------------------- actions, as a reader would take them
    def paste(self, quote: str) -> HTML:
        """Put words into the quote box; the view says where they stand (or why they cannot be placed)."""
        self.quote.value = quote
        return self._show()

    def choose_type(self, unit_type: str) -> HTML:
        """Choose the unit type in the drop-down."""
        self.unit_type.value = unit_type
        return self._show()

    def add_unit(self) -> HTML:
        """Press "Add unit": the quote becomes a unit of the chosen type, or the message says what is wrong."""
        try:
            uid = self.student.add_unit(self.quote.value, self.unit_type.value)
        except KernelUtilsError as exc:
            self._message, self._kind = str(exc), "Not added"
        else:
            self._message, self._kind = f"added {uid}.", "Added"
            self.quote.value = ""
        self._refresh()
        return self._show()

    def choose_relation(self, source: str, relation_type: str, target: str) -> HTML:
        """Set the three relation drop-downs."""
        self.source.value, self.relation_type.value, self.target.value = source, relation_type, target
        return self._show()

    def add_relation(self) -> HTML:
        """Press "Add relation"."""
        try:
            if not (self.source.value and self.target.value):
                raise QuoteError("choose a unit in 'From unit' and in 'To unit' first")
            rid = self.student.add_relation(self.relation_type.value, self.source.value, self.target.value)
        except KernelUtilsError as exc:
            self._message, self._kind = str(exc), "Not added"
        else:
            self._message, self._kind = f"added {rid}.", "Added"
        self._refresh()
        return self._show()

    def compare_with(self, reading_id: str) -> HTML:
        """Choose a reading in "Compare with" ("" for none); return the agreement view."""
        self.other.value = reading_id
        return HTML(self.comparison.value)

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)
