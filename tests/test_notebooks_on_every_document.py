"""Every notebook (00–06) runs on every bundled document of the dossier and say plainly what a document lacks.

Each run executes the notebook on a fresh kernel with ``DOCUMENT_ID`` set (nothing is written back);
a cell that raised would fail the run.  Slow (one run per notebook and document), part of the default run.
"""

from __future__ import annotations

import pytest

from kernel_utils import list_documents
from tools.notebook_runner import execute_notebook, notebook_paths

NOTEBOOKS = notebook_paths()
DOCUMENTS = list_documents()


@pytest.mark.slow
@pytest.mark.parametrize("document", DOCUMENTS)
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem[:2] for p in NOTEBOOKS])
def test_notebook_runs_on_every_bundled_document(notebook, document):
    executed = execute_notebook(notebook, parameters={"DOCUMENT_ID": document})
    errors = [o for c in executed.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []


def test_a_document_without_publication_facts_gets_a_plain_statement_not_a_citation():
    from kernel_utils import CitationChooser, CitationUnavailable, citation_chooser

    assert isinstance(citation_chooser("frus1950v07-d1077"), CitationChooser)
    missing = citation_chooser("frus1951v07p1-d17")
    assert isinstance(missing, CitationUnavailable)
    note = missing.select("bibtex").data
    assert "cannot be cited from the data" in note and "frus1951v07p1-d17" in note
    with pytest.raises(KeyError, match="no citation format"):
        missing.select("mla")
