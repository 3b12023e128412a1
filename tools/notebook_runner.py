"""Re-execute the notebooks in place so their committed outputs stay current; run them with parameters.

``python -m tools.notebook_runner [NOTEBOOK ...]`` (or ``python3 run.py execute``)
runs each notebook top to bottom on a fresh kernel with nbclient, stores the
widget state (so static renders show the widgets), records no timings, and
writes it back.  nbval then compares exactly these outputs in CI.

``python -m tools.notebook_runner NOTEBOOK -p DOCUMENT_ID frus1950v07-d970 [--output OUT]``
runs a notebook on other parameters, the papermill way: the code cell tagged
``parameters`` has its assignments replaced by the given values (papermill
injects a cell after it instead; the effect on the run is the same, and no new
dependency is needed).  Without ``--output`` nothing is written: the run is a check.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any, Mapping

__all__ = ["execute_notebook", "notebook_paths", "apply_parameters", "PARAMETERS_TAG"]

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
#: The papermill convention: the code cell holding a notebook's parameters carries this tag.
PARAMETERS_TAG = "parameters"


def notebook_paths() -> list[Path]:
    """The notebooks of the sequence, in reading order (their file names start with a number)."""
    return sorted(NOTEBOOK_DIR.glob("[0-9][0-9]-*.ipynb"))


def apply_parameters(nb, parameters: Mapping[str, Any], *, source: str = "notebook") -> None:
    """Replace the assignments in ``nb``'s ``parameters`` cell by ``parameters`` (in place).

    Each parameter must be assigned in that cell already (a misspelt name fails
    instead of being silently ignored); values are written with ``repr``, so
    strings, numbers, booleans and ``None`` round-trip.  Raises ``ValueError``
    naming the notebook when there is no parameters cell or an unknown name.
    """
    cells = [c for c in nb.cells if c.cell_type == "code" and PARAMETERS_TAG in c.get("metadata", {}).get("tags", [])]
    if len(cells) != 1:
        raise ValueError(f"{source}: expected exactly one code cell tagged {PARAMETERS_TAG!r}; found {len(cells)}")
    cell = cells[0]
    lines = cell.source.split("\n")
    for name, value in parameters.items():
        if not name.isidentifier():
            raise ValueError(f"{source}: parameter name {name!r} is not a Python identifier")
        pattern = re.compile(rf"^{re.escape(name)}\s*(?::[^=]+)?=")
        hits = [i for i, line in enumerate(lines) if pattern.match(line)]
        if not hits:
            known = [m.group(1) for line in lines if (m := re.match(r"^([A-Za-z_]\w*)\s*(?::[^=]+)?=", line))]
            raise ValueError(f"{source}: no parameter {name!r} in the parameters cell; it has: {', '.join(known) or 'none'}")
        for i in hits:
            comment = re.search(r"\s#[^'\"]*$", lines[i])  # a trailing comment is kept
            lines[i] = f"{name} = {value!r}" + (f"  {comment.group(0).strip()}" if comment else "")
    cell.source = "\n".join(lines)


def execute_notebook(path: Path, *, timeout: int = 600, write: bool = False, parameters: Mapping[str, Any] | None = None,
                     output: Path | None = None):
    """Execute one notebook on a fresh kernel (cwd: its folder); return the executed notebook.

    ``parameters`` replace the values in the cell tagged ``parameters`` (see
    :func:`apply_parameters`); ``write`` saves the result over ``path``, ``output`` elsewhere.
    """
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    if parameters:
        apply_parameters(nb, parameters, source=str(path))
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
    if output is not None:
        nbformat.write(nb, output)
    return nb


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.notebook_runner", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to run (default: every notebook of the sequence)")
    parser.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"), default=[],
                        help="run with this parameter value (string); the notebook is not overwritten")
    parser.add_argument("--output", type=Path, help="where to save the executed notebook instead of over it (one notebook)")
    args = parser.parse_args(argv)
    targets = args.notebooks or notebook_paths()
    parameters = dict(args.parameter)
    if (parameters or args.output) and len(targets) != 1:
        parser.error("-p and --output run one notebook at a time")
    for path in targets:
        print(f"executing {path.name}" + (f" with {parameters}" if parameters else "") + " ...", flush=True)
        try:
            # the notebook is overwritten only by a plain run: -p or --output leave it as it is
            execute_notebook(path.resolve(), write=not parameters and args.output is None,
                             parameters=parameters or None, output=args.output)
        except ValueError as exc:
            print(str(exc), file=sys.stderr)
            return 1
    done = "executed" if parameters and args.output is None else "executed and saved"  # saved: in place or to --output
    print(f"{len(targets)} notebook(s) {done}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
