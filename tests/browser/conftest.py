"""Fixtures for the browser tests: Debian's Chromium driven by Playwright (sync API).

Without ``/usr/bin/chromium`` (or ``$EDITION_CHROMIUM``) the browser tests are skipped with the
reason printed, except in CI (``CI=true``), where a missing browser fails the run.  One
JupyterLab server serves a temporary copy of the notebooks for the whole session; screenshots
go to ``artifacts/browser/`` (git-ignored).
"""

from __future__ import annotations

import functools
import json
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SEED = ROOT.parent / "shared" / "seeds" / "000_b36d7e05e59ec9c6.txt"  # same names as tests/conftest.py
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = ROOT / "artifacts" / "browser"
CHROMIUM = Path(os.environ.get("EDITION_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

# The fixture notebooks (one of which raises on purpose) are test data, not tests for nbval.
collect_ignore_glob = ["fixtures/*"]


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def _missing(what: str) -> None:
    """Skip on a developer's machine, fail in CI: a CI run must not pass without a browser."""
    if in_ci():
        pytest.fail(f"{what} (CI is set: the browser tests must run in CI)", pytrace=False)
    pytest.skip(what)


def browser_unavailable() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        return f"no Chromium at {CHROMIUM}: install it with 'apt-get install chromium' (or set EDITION_CHROMIUM)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the Python package playwright is not installed (pip install -e '.[test]')"
    return None


def pytest_report_header(config):
    reason = browser_unavailable()
    if reason is None:
        return f"browser tests: Chromium at {CHROMIUM}"
    return f"browser tests: {'FAIL' if in_ci() else 'skipped'}: {reason}"


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session."""
    reason = browser_unavailable()
    if reason:
        _missing(reason)
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=20_000)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core's axe.min.js, fetched once from the npm registry into the ignored cache."""
    from tools.npm_vendor import VendorError, npm_package

    try:
        return npm_package("axe-core") / "axe.min.js"
    except VendorError as exc:
        _missing(f"axe-core is not available: {exc}")


def _cleared_copy(source: Path, target: Path) -> None:
    """The notebook as a reader who chose 'Clear all outputs' sees it: every output then comes from this run."""
    nb = json.loads(source.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    nb.get("metadata", {}).pop("widgets", None)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(nb, indent=1, ensure_ascii=False), encoding="utf-8")


@pytest.fixture(scope="session")
def lab(browser, axe_script, tmp_path_factory):
    """JupyterLab on a temporary copy of notebooks/ and the fixtures, loaded once in one page;
    ``lab.check(path)`` opens, runs and inspects one notebook there (see lab_check.py)."""
    from lab_check import check_notebook, open_lab, record_off_machine
    from lab_server import LabServer

    root = tmp_path_factory.mktemp("lab-root")
    for path in NOTEBOOKS:
        _cleared_copy(path, root / "notebooks" / path.name)
    for path in sorted(FIXTURES.glob("*.ipynb")):
        _cleared_copy(path, root / "fixtures" / path.name)
    server = LabServer(root_dir=root, state_dir=tmp_path_factory.mktemp("lab-state")).start()
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    off_machine: list[str] = []
    record_off_machine(context, off_machine)

    class Lab:
        page = open_lab(context, server.lab_url())

        def check(self, relpath: str, interact=None):
            return check_notebook(
                self.page, relpath, axe_script=axe_script,
                screenshot=ARTIFACTS / "lab" / (Path(relpath).stem + ".png"), off_machine=off_machine,
                interact=interact,
            )

    try:
        yield Lab()
    finally:
        context.close()
        server.stop()


# --------------------------------------------------------------------------- the static edition
class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the server's signature
        pass


def edition_notebooks() -> list[Path]:
    """The notebooks the edition is built from: notebooks/, or the executed copies in $EDITION_NOTEBOOKS_DIR
    (to check a branch whose notebooks are committed without outputs before the lead re-executes them)."""
    from tools.notebook_runner import notebook_paths

    folder = os.environ.get("EDITION_NOTEBOOKS_DIR")
    return sorted(Path(folder).glob("[0-9][0-9]-*.ipynb")) if folder else notebook_paths()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The edition, freshly built into a temporary folder (no browser needed)."""
    from tools.edition import build_edition
    from tools.npm_vendor import VendorError

    folder = tmp_path_factory.mktemp("edition") / "site"
    try:
        build_edition(folder, edition_notebooks())
    except VendorError as exc:
        pytest.fail(f"the edition's JavaScript could not be fetched: {exc}")
    return folder


@pytest.fixture(scope="session")
def site(built_site, browser):
    """The edition served on 127.0.0.1 from a thread; yields (folder, base URL)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(built_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield built_site, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
