"""Every notebook, executed again on a fresh kernel with the network blocked, gives exactly the
committed outputs (all of them: HTML, images and SVG too, which nbval does not compare), and the
committed outputs hold nothing machine-specific."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from tools.notebook_runner import execute_notebook, notebook_paths

OFFLINE = Path(__file__).parent / "offline"
NOTEBOOKS = notebook_paths()

# Things that differ between machines or runs and must never appear in an output.
FORBIDDEN = {
    "timestamp": re.compile(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?"),
    "memory address": re.compile(r"0x[0-9a-fA-F]{6,}"),
    "absolute path": re.compile(r"(?<![\w.])(/work/|/tmp/|/home/|/root/|/usr/|/opt/|[A-Z]:\\\\)"),
    "random id": re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"),
}


def _outputs(nb) -> list:
    """Every code cell's outputs, with the one legitimately random thing (widget model ids) masked."""
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        outputs = []
        for out in cell.get("outputs", []):
            out = json.loads(json.dumps(out))
            view = out.get("data", {}).get("application/vnd.jupyter.widget-view+json")
            if view:
                view["model_id"] = "<model id>"
            if not out.get("metadata"):
                out.pop("metadata", None)  # nbclient may or may not write an empty one
            outputs.append(out)
        cells.append((cell.get("execution_count"), outputs))
    return cells


@pytest.fixture
def offline_kernel(tmp_path, monkeypatch):
    """Kernels started in this test load tests/offline/sitecustomize.py: no network but loopback."""
    log = tmp_path / "network-attempts.log"
    log.write_text("")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(OFFLINE), os.environ.get("PYTHONPATH")])))
    monkeypatch.setenv("EDITION_BLOCK_NETWORK", "1")
    monkeypatch.setenv("EDITION_NETLOG", str(log))
    return log


def test_the_network_blocker_works(tmp_path, offline_kernel):
    """Negative control: a notebook that reaches for the network fails under the blocker."""
    nb = new_notebook(cells=[new_code_cell("import urllib.request\nurllib.request.urlopen('http://example.org', timeout=5)")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "reaches-out.ipynb"
    nbformat.write(nb, path)
    from nbclient.exceptions import CellExecutionError

    with pytest.raises(CellExecutionError, match="blocked by the offline test"):
        execute_notebook(path, timeout=60)
    assert "example.org" in offline_kernel.read_text()


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_reruns_offline_to_identical_outputs(path, offline_kernel):
    committed = nbformat.read(path, as_version=4)
    rerun = execute_notebook(path, timeout=600)
    assert offline_kernel.read_text() == "", f"{path.name} tried to reach: {offline_kernel.read_text()}"
    for (count_a, outs_a), (count_b, outs_b) in zip(_outputs(committed), _outputs(rerun), strict=True):
        assert count_a == count_b, f"{path.name}: execution counts differ: re-execute it (python3 run.py execute)"
        assert outs_a == outs_b, f"{path.name}, cell {count_a}: outputs differ between the committed run and a fresh one"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_committed_outputs_hold_nothing_machine_specific(path):
    nb = nbformat.read(path, as_version=4)
    counts = [c.execution_count for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    assert counts == list(range(1, len(counts) + 1)), f"{path.name}: not executed top to bottom in one run"
    for number, (_, outputs) in enumerate(_outputs(nb), start=1):
        text = json.dumps(outputs, ensure_ascii=False)
        for what, pattern in FORBIDDEN.items():
            match = pattern.search(text)
            assert match is None, f"{path.name}, code cell {number}: output holds a {what}: {match.group(0)!r}"
