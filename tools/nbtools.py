"""Author notebooks from a list of (kind, source) cells: a helper for writing notebooks by script.

    from tools.nbtools import write_notebook
    write_notebook("notebooks/00-reading-the-telegram.ipynb", [("md", "# Title"), ("code", "1 + 1")])

Cell tags: ("code", source, ["nbval-ignore-output"]).  After writing, run
``python3 run.py execute NOTEBOOK`` to fill the outputs.
"""

from __future__ import annotations

from pathlib import Path


def write_notebook(path: str | Path, cells: list[tuple]) -> None:
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    nb = new_notebook()
    for i, cell in enumerate(cells):
        kind, source, *rest = cell
        tags = rest[0] if rest else []
        made = new_markdown_cell(source) if kind == "md" else new_code_cell(source)
        made.id = f"cell-{i:02d}"  # stable ids: diffs stay readable
        if tags:
            made.metadata["tags"] = list(tags)
        nb.cells.append(made)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nb.metadata["language_info"] = {"name": "python"}
    nbformat.write(nb, Path(path))
