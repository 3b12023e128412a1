#!/usr/bin/env python3
"""One entry point for people and CI: set up the environment, then do one thing.

    python3 run.py lab        # set up .venv, open JupyterLab on the notebooks
    python3 run.py test       # set up .venv, run the whole test suite (python -m pytest)
    python3 run.py execute    # re-execute every notebook in place, widget state stored
    python3 run.py bench      # print the benchmark figures
    python3 run.py edition    # build the static HTML edition into site/

Needs only Python 3.11+ with pip and venv.  The environment is created in
``.venv`` and reinstalled only when ``pyproject.toml`` changes.  Extra
arguments after the command go to the tool (``python3 run.py test -k parser``).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("EDITION_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def _stamp() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_environment() -> None:
    """Create .venv and install the package with its notebook and test extras when needed."""
    if sys.version_info < (3, 11):
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    stamp_file = VENV / ".edition-stamp"
    if stamp_file.is_file() and stamp_file.read_text() == _stamp() and PYTHON.is_file():
        return
    if not PYTHON.is_file():
        print(f"Creating the virtual environment in {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Installing the edition and its dependencies (first run only) ...", flush=True)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run(
        [str(PYTHON), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[notebooks,test]"],
        check=True,
    )
    stamp_file.write_text(_stamp())


def _running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def lab_command(extra: list[str] = ()) -> list[str]:
    """The JupyterLab command ``run.py lab`` runs: the repository as root, the notebooks opened.

    JupyterLab prints the URL with its token, and opens a browser only where there is one.  As the
    root user (a container, a cloud machine) JupyterLab refuses to start unless told
    ``--allow-root``; the command adds it there.
    """
    root = ["--allow-root"] if _running_as_root() and "--allow-root" not in extra else []
    return [
        str(PYTHON), "-m", "jupyterlab", "--notebook-dir", str(ROOT),
        "--LabApp.default_url=/lab/tree/notebooks/00-reading-the-telegram.ipynb", *root, *extra,
    ]


def _run(args: list[str]) -> int:
    return subprocess.run(args, cwd=ROOT).returncode


def main(argv: list[str]) -> int:
    commands = ("lab", "test", "execute", "bench", "edition")
    if not argv or argv[0] not in commands:
        print(__doc__)
        return 2
    command, extra = argv[0], argv[1:]
    ensure_environment()
    if command == "lab":
        if _running_as_root():
            print("Running as root: starting JupyterLab with --allow-root (it refuses root otherwise).", flush=True)
        print("Open the address JupyterLab prints below (http://127.0.0.1:PORT/lab?token=...).", flush=True)
        return _run(lab_command(extra))
    if command == "test":
        return _run([str(PYTHON), "-m", "pytest", *extra])
    if command == "execute":
        return _run([str(PYTHON), "-m", "tools.notebook_runner", *extra])
    if command == "bench":
        return _run([str(PYTHON), str(ROOT / "benchmarks" / "bench.py"), *extra])
    return _run([str(PYTHON), "-m", "tools.edition", *extra])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
