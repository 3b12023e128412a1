"""Widget state that cannot drift: every widget a committed notebook shows has its state saved with it.

A static render (the reader's edition, nbviewer, GitHub) draws a widget from the state saved in the
notebook's metadata (``widgets`` → ``application/vnd.jupyter.widget-state+json``); a widget view
whose model is not there renders empty.  Notebooks committed without outputs have no widget
views, so they pass; executed ones must be saved with ``python -m tools.notebook_runner``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT

VIEW = "application/vnd.jupyter.widget-view+json"
STATE = "application/vnd.jupyter.widget-state+json"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def unsaved_widgets(nb: dict, name: str) -> list[str]:
    """Each widget view in the outputs whose model, or a model it refers to, has no saved state."""
    state = nb.get("metadata", {}).get("widgets", {}).get(STATE, {}).get("state", {})
    problems = []
    for i, cell in enumerate(nb.get("cells", []), start=1):
        for out in cell.get("outputs", []):
            view = out.get("data", {}).get(VIEW)
            if not view:
                continue
            todo, seen = [view.get("model_id")], set()
            while todo:
                model_id = todo.pop()
                if model_id in seen:
                    continue
                seen.add(model_id)
                if model_id not in state:
                    problems.append(f"{name}, cell {i}: expected the state of widget model {model_id} in the notebook's metadata; found none")
                    continue
                refs = json.dumps(state[model_id].get("state", {}))
                todo += [ref for ref in _model_refs(refs)]
    return problems


def _model_refs(text: str) -> list[str]:
    """The model ids a widget's state refers to (children, layout, style: ``IPY_MODEL_<id>``)."""
    import re

    return re.findall(r"IPY_MODEL_(\w+)", text)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_widget_in_a_committed_notebook_has_its_state_saved(path: Path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert unsaved_widgets(nb, f"notebooks/{path.name}") == []


def test_a_widget_without_saved_state_is_found():
    nb = {
        "metadata": {"widgets": {STATE: {"state": {"box": {"state": {"children": ["IPY_MODEL_child"]}}}}}},
        "cells": [
            {"cell_type": "code", "outputs": [{"data": {VIEW: {"model_id": "box"}}}]},
            {"cell_type": "code", "outputs": [{"data": {VIEW: {"model_id": "gone"}}}]},
        ],
    }
    assert unsaved_widgets(nb, "x.ipynb") == [
        "x.ipynb, cell 1: expected the state of widget model child in the notebook's metadata; found none",
        "x.ipynb, cell 2: expected the state of widget model gone in the notebook's metadata; found none",
    ]
    nb["metadata"]["widgets"][STATE]["state"].update(child={"state": {}}, gone={"state": {}})
    assert unsaved_widgets(nb, "x.ipynb") == []
