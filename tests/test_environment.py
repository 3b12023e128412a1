"""The pip path (pyproject.toml) and Binder (environment.yml, postBuild) install the same things."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT

_REQ = re.compile(r"^\s*-\s+([A-Za-z0-9_.\-\[\]]+)\s*(==\s*[\w.]+)?\s*$")


def _pyproject_pins() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        reqs += extra
    pins = {}
    for req in reqs:
        name, _, version = req.partition("==")
        assert version, f"pyproject.toml: {req!r} is not pinned with =="
        pins[name.strip().lower()] = version.strip()
    return pins


def _environment_pins() -> tuple[dict[str, str], list[str]]:
    text = (ROOT / "environment.yml").read_text()
    conda, pip = [], {}
    section = None
    for line in text.splitlines():
        if re.match(r"^\s*-\s+pip:\s*$", line):
            section = "pip"
            continue
        m = re.match(r"^\s*-\s+(\S+)\s*$", line)
        if not m:
            continue
        item = m.group(1)
        if section == "pip" and line.startswith("      "):
            name, _, version = item.partition("==")
            pip[name.lower()] = version
        else:
            conda.append(item)
    return pip, conda


def test_environment_yml_pins_equal_pyproject():
    pins = _pyproject_pins()
    env_pins, _ = _environment_pins()
    for name, version in env_pins.items():
        assert name in pins, f"environment.yml installs {name}, which pyproject.toml does not name"
        assert version == pins[name], f"{name}: environment.yml pins {version}, pyproject.toml {pins[name]}"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    needed = [r.split("==")[0].lower() for r in project["dependencies"] + project["optional-dependencies"]["notebooks"]]
    for name in needed:
        assert name in env_pins, f"{name} is needed to run the notebooks but environment.yml does not install it"


def test_environment_yml_is_binder_ready():
    _, conda = _environment_pins()
    assert "pip" in conda, "list pip explicitly"
    assert any(re.fullmatch(r"python=3\.\d+", c) for c in conda), "pin python as python=3.X"
    text = (ROOT / "environment.yml").read_text()
    assert "-e ." not in text and "-r " not in text, "local installs in environment.yml defeat Binder's cache"
    assert not (ROOT / "binder").exists(), "a binder/ folder would make repo2docker ignore the root files"
    post = (ROOT / "postBuild").read_text()
    assert post.startswith("#!/bin/bash") and "set -euo pipefail" in post and "pip install --no-deps -e ." in post


@pytest.mark.slow
def test_repo2docker_plans_the_environment_then_postbuild():
    beside_python = Path(sys.executable).parent / "jupyter-repo2docker"
    exe = str(beside_python) if beside_python.exists() else shutil.which("jupyter-repo2docker") or "jupyter-repo2docker"
    try:
        result = subprocess.run(
            [exe, "--no-build", "--debug", str(ROOT)], capture_output=True, text=True, timeout=300,
        )
    except FileNotFoundError:
        pytest.fail("jupyter-repo2docker is not installed (it is in the test extra)")
    dockerfile = result.stdout + result.stderr
    assert "environment.yml" in dockerfile, dockerfile[-2000:]
    env_at = dockerfile.find('env update -p ${NB_PYTHON_PREFIX} --file "environment.yml"')
    post_at = dockerfile.find("RUN ./postBuild")
    assert post_at > env_at >= 0, "postBuild must run after the environment is assembled"
    # The environment layer is built from environment.yml alone, before the repository is copied in.
    copy_repo = re.search(r"COPY --chown=[^\n]*\s+src/\s+\$\{REPO_DIR\}", dockerfile)
    assert copy_repo is not None, "expected repo2docker to copy the repository"
    assert env_at < copy_repo.start(), "environment.yml must be installed before the repository is copied (cached layer)"
