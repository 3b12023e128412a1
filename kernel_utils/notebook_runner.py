"""Re-execute the notebooks in place so their committed outputs stay current.

``python -m kernel_utils.notebook_runner [NOTEBOOK ...]`` (or ``python3 run.py execute``)
runs each notebook top to bottom on a fresh kernel with nbclient, stores the
widget state (so static renders show the widgets), records no timings, and
writes it back.  nbval then compares exactly these outputs in CI.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["execute_notebook", "notebook_paths"]

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"


def notebook_paths() -> list[Path]:
    """The notebooks of the sequence, in reading order (their file names start with a number)."""
    return sorted(NOTEBOOK_DIR.glob("[0-9][0-9]-*.ipynb"))


def execute_notebook(path: Path, *, timeout: int = 600, write: bool = False):
    """Execute one notebook on a fresh kernel (cwd: its folder); return the executed notebook."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        store_widget_state=True,
    )
    client.execute()
    nb.metadata.pop("papermill", None)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    if write:
        nbformat.write(nb, path)
    return nb


def main(argv: list[str]) -> int:
    targets = [Path(a) for a in argv] or notebook_paths()
    for path in targets:
        print(f"executing {path.name} ...", flush=True)
        execute_notebook(path.resolve(), write=True)
    print(f"{len(targets)} notebook(s) executed and saved.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
