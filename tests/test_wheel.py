"""A built wheel works on its own: installed non-editable in a fresh virtual environment, it loads
the edition from its packaged data (``kernel_utils/_data``, read through importlib.resources)
from a directory that is not the repository."""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

SCRIPT = """
import json, kernel_utils
from kernel_utils.store.paths import data_dir
doc = kernel_utils.load_document(kernel_utils.default_document())
print(json.dumps({"data": str(data_dir()), "file": kernel_utils.__file__, "version": kernel_utils.__version__,
                  "documents": kernel_utils.list_documents(), "paragraphs": len(doc.paragraphs),
                  "problems": len(kernel_utils.validate_all()),
                  "html": "<" in str(kernel_utils.render_text(doc))}))  # the views' templates ship too
"""


@pytest.mark.slow
def test_the_wheel_installs_and_loads_the_edition_from_elsewhere(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info", "site", "__pycache__", "node_modules"),
    )
    wheels = tmp_path / "wheels"
    # build isolation: pip fetches the build requirements of pyproject.toml (setuptools>=77) from PyPI
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(source)],
        check=True,
        cwd=tmp_path,
    )
    [wheel] = wheels.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "kernel_utils/_data/edition.json" in names and "kernel_utils/_data/schemas/document.schema.json" in names
    assert not [n for n in names if n.startswith(("tools/", "tests/", "data/"))]

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    # the dependencies come from this test environment (no download): its site-packages, after the venv's own
    own = subprocess.run(
        [str(python), "-c", "import site; print(site.getsitepackages()[0])"], check=True, capture_output=True, text=True
    ).stdout.strip()
    (Path(own) / "test-dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    pip = [sys.executable, "-m", "pip", "--python", str(python)]
    subprocess.run([*pip, "install", "--no-deps", "--quiet", "--force-reinstall", str(wheel)], check=True, cwd=tmp_path)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KERNEL_UTILS_DATA")}
    out = subprocess.run([str(python), "-c", SCRIPT], capture_output=True, text=True, cwd=elsewhere, env=env)
    assert out.returncode == 0, out.stderr[-3000:]
    out = out.stdout
    import json

    result = json.loads(out)
    installed = str(env_dir)
    assert result["file"].startswith(installed), result  # the wheel's copy, not the checkout
    assert result["data"].startswith(installed) and result["data"].endswith("kernel_utils/_data"), result
    assert sorted(result["documents"]) == sorted(p.name for p in (ROOT / "data" / "documents").iterdir() if p.is_dir())
    assert result["paragraphs"] > 0 and result["problems"] == 0 and result["html"]
    assert result["version"] != "0+unknown"
