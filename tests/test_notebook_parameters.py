"""Notebooks take a document as a parameter: notebook 00 runs on the second bundled document."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from kernel_utils import load_document
from tools.notebook_runner import PARAMETERS_TAG, apply_parameters, execute_notebook, notebook_paths

ROOT = Path(__file__).resolve().parent.parent
NB00 = ROOT / "notebooks" / "00-reading-the-telegram.ipynb"
SECOND = "frus1950v07-d970"


def _outputs(nb) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error", f"cell {cell.get('id')} raised: {out.get('ename')}: {out.get('evalue')}"
            parts.append(out.get("text", ""))
            parts.append(json.dumps(out.get("data", {}), ensure_ascii=False))
    return "\n".join(parts)


def test_notebook_00_has_one_parameters_cell_defaulting_to_telegram_602():
    nb = nbformat.read(NB00, as_version=4)
    tagged = [c for c in nb.cells if PARAMETERS_TAG in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and tagged[0].cell_type == "code"
    assert tagged[0].source.startswith('DOCUMENT_ID = "frus1950v07-d1077"')
    assert tagged[0] is next(c for c in nb.cells if c.cell_type == "code")  # the first code cell, papermill's convention


@pytest.mark.slow
def test_notebook_00_runs_on_the_second_document_and_shows_its_own_data():
    nb = execute_notebook(NB00, parameters={"DOCUMENT_ID": SECOND})
    shown = _outputs(nb)
    doc = load_document(SECOND)
    for words in ("Delga 369", "320/12–450", "[Page 1379]", "Pages: 1378–1379", "document 970", doc.paragraphs[-1].reading_text[:60]):
        assert words in shown, words
    for words in ("602", "Webb", "320.2/12–2050", "document 1077"):  # nothing of telegram 602 leaks in
        assert words not in shown, words
    assert next(c for c in nb.cells if c.cell_type == "code").source.startswith(f"DOCUMENT_ID = {SECOND!r}")


def test_apply_parameters_refuses_unknown_names_and_missing_cells():
    nb = nbformat.read(NB00, as_version=4)
    with pytest.raises(ValueError, match="no parameter 'DOCUMENT' .*it has: DOCUMENT_ID"):
        apply_parameters(nb, {"DOCUMENT": "x"}, source="nb00")
    for cell in nb.cells:
        cell.metadata.pop("tags", None)
    with pytest.raises(ValueError, match="nb00: expected exactly one code cell tagged 'parameters'; found 0"):
        apply_parameters(nb, {"DOCUMENT_ID": "x"}, source="nb00")


def test_apply_parameters_keeps_the_comment_and_writes_a_python_literal():
    nb = nbformat.read(NB00, as_version=4)
    apply_parameters(nb, {"DOCUMENT_ID": 'a"b'})
    assert next(c for c in nb.cells if c.cell_type == "code").source == "DOCUMENT_ID = 'a\"b'  # any id from kernel_utils.list_documents()"


def _parametrised_notebooks() -> list[Path]:
    """Notebooks of the sequence whose parameters cell declares DOCUMENT_ID (00 must be one)."""
    found = []
    for path in notebook_paths():
        nb = nbformat.read(path, as_version=4)
        if any(PARAMETERS_TAG in c.metadata.get("tags", []) and "DOCUMENT_ID" in c.source for c in nb.cells if c.cell_type == "code"):
            found.append(path)
    return found


def test_the_reading_notebook_is_parametrised():
    assert NB00 in _parametrised_notebooks()


def test_every_notebook_of_the_sequence_takes_a_document_in_its_first_code_cell():
    """00–03 (and any later notebook) take DOCUMENT_ID, so CI runs every one on the second document."""
    assert set(_parametrised_notebooks()) == set(notebook_paths())
    for path in notebook_paths():
        nb = nbformat.read(path, as_version=4)
        first_code = next(c for c in nb.cells if c.cell_type == "code")
        assert PARAMETERS_TAG in first_code.metadata.get("tags", []), path.name
        assert first_code.source.startswith('DOCUMENT_ID = "frus1950v07-d1077"'), path.name


def test_the_provenance_notebook_is_parametrised_like_00():
    nb01 = ROOT / "notebooks" / "01-provenance.ipynb"
    assert nb01 in _parametrised_notebooks()
    nb = nbformat.read(nb01, as_version=4)
    tagged = [c for c in nb.cells if PARAMETERS_TAG in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and tagged[0] is next(c for c in nb.cells if c.cell_type == "code")
    assert tagged[0].source.startswith('DOCUMENT_ID = "frus1950v07-d1077"')
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "load_telegram" not in code and '"320.2/12–2050"' not in code  # everything goes through DOCUMENT_ID


@pytest.mark.slow
@pytest.mark.parametrize("path", [p for p in _parametrised_notebooks() if p != NB00], ids=lambda p: p.stem)
def test_every_other_parametrised_notebook_runs_on_the_second_document(path):
    """Any notebook that takes DOCUMENT_ID (01 · provenance among them) runs on Delga 369 without
    errors and shows that document, not telegram 602."""
    shown = _outputs(execute_notebook(path, parameters={"DOCUMENT_ID": SECOND}))
    assert "frus1950v07/d970" in shown or "Delga 369" in shown or "320/12–450" in shown
    if path.stem == "03-timeline-context":
        # the timeline is shared by all documents and its events cite telegram 602 as a source; what
        # belongs to the document (the marked day, the horizon, the titles) is Delga 369's
        assert "marks Delga 369 on 04 December 1950" in shown and "marks Telegram 602" not in shown
        assert "events around Delga 369" in shown and "events around Telegram 602" not in shown
    else:
        assert "320.2/12–2050" not in shown
