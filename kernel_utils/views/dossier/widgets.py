"""Follow a chain through the exchange: labelled, keyboard-usable drop-downs (document, direction,
kind of edge) and an ``HTML`` view; :meth:`ChainExplorer.select` sets them from code and returns
what the view shows, so a notebook cell can demonstrate it and a static render keeps an example."""

from __future__ import annotations

from IPython.display import HTML

from kernel_utils.layers.dossier.links import LINK_TYPES
from kernel_utils.layers.dossier.network import (
    Correspondence,
    correspondence,
    follow_chain,
)
from kernel_utils.views.dossier.templates import render

__all__ = ["ChainExplorer", "chain_html"]

_VERBS = {"cites": "cites", **LINK_TYPES, "uses": "uses"}
_DIRECTIONS = [("what it rests on (back)", "back"), ("what rests on it (forward)", "forward")]
_KINDS = [("every kind", "all"), ("citations the texts make", "text"), ("the edition's links", "edition")]


def chain_html(document_id: str, direction: str = "back", reading: str = "all", *, net: Correspondence | None = None) -> str:
    """The chain from a document as an HTML list (``reading``: all, text or edition edges)."""
    net = net or correspondence()
    steps = [(d, e) for d, e in follow_chain(document_id, direction, network=net) if reading in ("all", e.reading)]
    label = lambda i: f"{net.node(i).label} ({i})" if any(n.id == i for n in net.nodes) else i
    rows = [{"depth": d, "source": label(e.source), "target": label(e.target), "verb": _VERBS.get(e.kind, e.kind),
             "bundled": e.bundled, "partial": ", ".join(i for i in (e.source, e.target) if i in net.partial), "reading": "the text" if e.reading == "text" else "the edition's reading", "quote": e.quote}
            for d, e in steps]
    names = {value: words for words, value in _DIRECTIONS}
    heading = f"From {label(document_id)}, {names[direction]}: {len(rows)} step(s)"
    return render("chain.html", heading=heading, rows=rows, empty="No document in the dossier is reached this way.")


class ChainExplorer:
    """Choose a document, a direction and a kind of edge; read the chain of documents reached."""

    def __init__(self, document_id: str):
        import ipywidgets as widgets

        self.net = correspondence()
        style = {"description_width": "initial"}
        options = [(f"{n.short} · {n.date or 'undated'} · {n.id}", n.id) for n in sorted(self.net.nodes, key=lambda n: (n.date or "", n.id))]
        self.document = widgets.Dropdown(options=options, value=document_id, description="Document", style=style, layout=widgets.Layout(width="36em"))
        self.direction = widgets.Dropdown(options=_DIRECTIONS, value="back", description="Follow", style=style)
        self.reading = widgets.Dropdown(options=_KINDS, value="all", description="Edges", style=style)
        self.view = widgets.HTML()
        for control in (self.document, self.direction, self.reading):
            control.observe(self._update, names="value")
        self._update()
        from kernel_utils.views.static import listed_box

        self.widget = listed_box(self, [widgets.HBox([self.document]), widgets.HBox([self.direction, self.reading]), self.view])

    def _update(self, change=None) -> None:
        self.view.value = chain_html(self.document.value, self.direction.value, self.reading.value, net=self.net)

    def select(self, document_id: str | None = None, *, direction: str | None = None, reading: str | None = None) -> HTML:
        """Set the controls as a reader would; return what the view now shows."""
        if document_id is not None:
            self.net.node(document_id)  # KeyError naming the bundled ids
            self.document.value = document_id
        if direction is not None:
            self.direction.value = direction
        if reading is not None:
            self.reading.value = reading
        return HTML(self.view.value)

    def static_html(self) -> str:
        """Every document's chains, back and forward, with every kind of edge (collapsed), anchored
        ``chain-ID``, for static pages."""
        from kernel_utils.views.static import StaticItem, static_listing

        items = [StaticItem(label, "".join(chain_html(doc_id, direction, "all", net=self.net) for _, direction in _DIRECTIONS),
                            f"chain-{doc_id}") for label, doc_id in self.document.options]
        kinds = ", ".join(words for words, value in _KINDS if value != "all")
        note = (f"Each document's chains, both ways; every kind of edge ({kinds}) is shown, "
                "each step labelled with the reading it comes from.")
        return static_listing("ChainExplorer", "Every document's chains", items, note=note)

    def _repr_mimebundle_(self, **kwargs):
        from kernel_utils.views.static import with_static_html

        return with_static_html(self, self.widget._repr_mimebundle_(**kwargs))
