"""Weigh the hypotheses: choose one, see its evidence laid out, switch items on and off, see what follows.

The controls are native and labelled (a drop-down and one check box per evidence
item), so they are keyboard-usable.  Every control has a method that sets it from
code and returns what the view then shows as HTML, so a notebook cell can
demonstrate it, nbval runs the callbacks, and a static render still shows an example.
"""

from __future__ import annotations

from typing import Any, Iterable

from IPython.display import HTML

from kernel_utils.layers.interpretation.hypotheses import Hypotheses, load_hypotheses, tally
from kernel_utils.views.interpretation.tables import deciding_html, evidence_table_html, statement_html, tally_html
from kernel_utils.views.static import StaticItem, listed_box, static_listing, with_static_html

__all__ = ["HypothesisExplorer"]


def _box_label(e) -> str:
    quote = " ".join(e.quote.split())
    short = quote if len(quote) <= 70 else quote[:69] + "…"
    return f"{e.stance} ({e.weight}) · {e.id}: “{short}”"


class HypothesisExplorer:
    """A drop-down of hypotheses, a check box per evidence item, and the evidence table and tally they give."""

    def __init__(self, hypotheses: Hypotheses | None = None, *, start: str | None = None):
        import ipywidgets as widgets

        self.data = hypotheses or load_hypotheses()
        first = start or self.data.hypotheses[0].id
        options = [(f"{h.title} ({h.id})", h.id) for h in self.data.hypotheses]
        self.choice = widgets.Dropdown(options=options, value=first, description="Hypothesis", style={"description_width": "initial"},
                                       layout=widgets.Layout(width="40em"))
        self.statement = widgets.HTML()
        self.result = widgets.HTML()
        self.table = widgets.HTML()
        self.deciding = widgets.HTML()
        # One pool of check boxes, reused for every hypothesis (relabelled, extra ones hidden): the controls on
        # the page stay the same elements when the hypothesis changes, so focus and keyboard use are not lost.
        size = max(len(h.evidence) for h in self.data.hypotheses)
        self._pool = [widgets.Checkbox(value=True, description="", indent=False, layout=widgets.Layout(width="60em")) for _ in range(size)]
        self._quiet = False
        for box in self._pool:
            box.observe(self._on_box, names="value")
        self.choice.observe(lambda change: self._build(), names="value")
        self._build()
        self.widget = listed_box(self, [self.choice, self.statement, widgets.Label("Evidence switched on (uncheck to leave an item out):"),
                                        widgets.VBox(self._pool), self.result, self.table, self.deciding])

    # ------------------------------------------------------------------ state
    @property
    def hypothesis(self):
        """The hypothesis chosen."""
        return self.data.get(self.choice.value)

    @property
    def boxes(self) -> dict[str, Any]:
        """The check box of each evidence item of the chosen hypothesis, by item id."""
        return {e.id: box for e, box in zip(self.hypothesis.evidence, self._pool)}

    @property
    def on(self) -> list[str]:
        """Ids of the evidence items switched on, in the hypothesis's order."""
        return [i for i, box in self.boxes.items() if box.value]

    def _build(self) -> None:
        h = self.hypothesis
        self._quiet = True
        for i, box in enumerate(self._pool):
            if i < len(h.evidence):
                box.description, box.value, box.layout.display = _box_label(h.evidence[i]), True, None
            else:
                box.description, box.value, box.layout.display = "", True, "none"
        self._quiet = False
        self.statement.value = statement_html(h).data
        self.deciding.value = deciding_html(h).data
        self._refresh()

    def _on_box(self, change) -> None:
        if not self._quiet:
            self._refresh()

    def _refresh(self) -> None:
        h = self.hypothesis
        self.result.value = tally_html(tally(h, self.data.weights, self.on), h.title, dict(self.data.weights)).data
        self.table.value = evidence_table_html(h, self.on).data

    # ------------------------------------------------------------------ set from code
    def choose(self, hypothesis_id: str) -> HTML:
        """Choose a hypothesis (all its evidence switched on) and return the tally and table shown."""
        self.data.get(hypothesis_id)  # KeyError listing the valid ids
        self.choice.value = hypothesis_id
        return self.shown()

    def switch(self, item_ids: Iterable[str], on: bool = False) -> HTML:
        """Switch the given evidence items off (or on) and return what the view now shows."""
        for i in item_ids:
            self.hypothesis.item(i)  # KeyError listing the valid ids
            self.boxes[i].value = on
        return self.shown()

    def static_html(self) -> str:
        """Every hypothesis with all its evidence switched on: statement, tally, evidence table, what would
        decide it (collapsed), anchored ``hypothesis-ID``, for static pages."""
        items = []
        for label, hid in self.choice.options:
            h = self.data.get(hid)
            on = [e.id for e in h.evidence]
            html = (statement_html(h).data + tally_html(tally(h, self.data.weights, on), h.title, dict(self.data.weights)).data
                    + evidence_table_html(h, on).data + deciding_html(h).data)
            items.append(StaticItem(label, html, f"hypothesis-{hid}"))
        return static_listing("HypothesisExplorer", "Every hypothesis with all its evidence", items,
                              note="Each with every evidence item switched on; the live widget lets you leave items out.")

    def _repr_mimebundle_(self, **kwargs):
        return with_static_html(self, self.widget._repr_mimebundle_(**kwargs))

    def shown(self) -> HTML:
        """The tally and evidence table as the view shows them now (static HTML)."""
        return HTML(self.result.value + self.table.value)

