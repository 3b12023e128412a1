"""The README's quick start: its two commands exist, and `run.py lab` really serves the notebooks."""

from __future__ import annotations

import importlib.util
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
import yaml

from conftest import ROOT


def _run_module():
    spec = importlib.util.spec_from_file_location("edition_run", ROOT / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_quick_start_names_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^python3 run\.py (\w+)", quick, flags=re.M)
    assert commands == ["lab", "test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 run.py test" in ci, ".ci/run must call the README's test command"


def test_citation_file_is_valid_cff_shape():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    for key in ("message", "title", "authors", "license"):
        assert cff.get(key), key
    ref = cff["references"][0]
    assert (ref["start"], ref["end"]) == (1583, 1584)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_lab_command_allows_root_only_as_root(monkeypatch):
    run = _run_module()
    monkeypatch.setattr(run.os, "geteuid", lambda: 0, raising=False)
    assert run.lab_command([]).count("--allow-root") == 1
    assert run.lab_command(["--allow-root"]).count("--allow-root") == 1
    monkeypatch.setattr(run.os, "geteuid", lambda: 1000, raising=False)
    assert "--allow-root" not in run.lab_command([])


@pytest.mark.slow
def test_lab_command_serves_the_first_notebook(tmp_path):
    run = _run_module()
    port, token = _free_port(), secrets.token_hex(16)
    command = run.lab_command([
        "--no-browser", "--ip=127.0.0.1", f"--port={port}", f"--IdentityProvider.token={token}",
        "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ])
    command[0] = sys.executable  # this test environment's Python, whatever .venv holds
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp_path / "config"), JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    log = tmp_path / "lab.log"
    with open(log, "w") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                pytest.fail(f"JupyterLab exited early:\n{log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not answer:\n{log.read_text()[-3000:]}")
            time.sleep(0.5)
        url = f"http://127.0.0.1:{port}/api/contents/notebooks/00-reading-the-telegram.ipynb?content=0&token={token}"
        with urllib.request.urlopen(url, timeout=10) as r:
            assert r.status == 200
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token={token}", timeout=10) as r:
            assert r.status == 200 and b"JupyterLab" in r.read()
        assert f"http://127.0.0.1:{port}/lab" in log.read_text(), "the URL is printed for people without a browser"
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
