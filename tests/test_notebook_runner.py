"""The notebook runner overwrites a notebook only on a plain run; --output and -p leave it as it is."""

from __future__ import annotations

import nbformat
import pytest

from tools.notebook_runner import main


@pytest.fixture
def tiny_notebook(tmp_path):
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('WORD = "a"')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell("print(WORD)")]
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    path = tmp_path / "tiny.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.mark.slow
def test_output_leaves_the_notebook_unchanged(tiny_notebook, tmp_path):
    before = tiny_notebook.read_bytes()
    out = tmp_path / "out.ipynb"
    assert main([str(tiny_notebook), "--output", str(out)]) == 0
    assert tiny_notebook.read_bytes() == before
    executed = nbformat.read(out, as_version=4)
    assert executed.cells[1].outputs[0]["text"] == "a\n"


@pytest.mark.slow
def test_parameters_with_output_write_only_the_output(tiny_notebook, tmp_path):
    before = tiny_notebook.read_bytes()
    out = tmp_path / "out.ipynb"
    assert main([str(tiny_notebook), "-p", "WORD", "b", "--output", str(out)]) == 0
    assert tiny_notebook.read_bytes() == before
    assert nbformat.read(out, as_version=4).cells[1].outputs[0]["text"] == "b\n"


@pytest.mark.slow
def test_a_plain_run_saves_the_outputs_in_place(tiny_notebook):
    assert main([str(tiny_notebook)]) == 0
    assert nbformat.read(tiny_notebook, as_version=4).cells[1].outputs[0]["text"] == "a\n"
