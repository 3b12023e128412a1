"""The package's shape is its architecture: imports run one way (text → store → layers → views),
the public API is static and complete, and no library code names one document."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import nbformat
import pytest

import kernel_utils

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kernel_utils"
#: Each layer of the package may import the ones before it, never those after.
ORDER = ("text", "store", "layers", "views")


def _modules(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module an import statement in ``path`` names (relative imports resolved), with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            found.append((node.lineno, base))
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def _rank(module: str) -> int | None:
    """The position in ORDER of a kernel_utils module (None: errors, the top level, __main__)."""
    parts = module.split(".")
    if parts[0] != "kernel_utils" or len(parts) < 2 or parts[1] not in ORDER:
        return None
    return ORDER.index(parts[1])


def upward_imports() -> list[str]:
    found = []
    for path in _modules(PACKAGE):
        own = _rank(".".join(path.relative_to(ROOT).with_suffix("").parts))
        if own is None:
            continue
        for line, target in _imports(path):
            if target.startswith("tools"):
                found.append(f"{path.relative_to(ROOT)}:{line} imports {target} (build tooling)")
            rank = _rank(target)
            if rank is not None and rank > own:
                found.append(f"{path.relative_to(ROOT)}:{line} imports {target}")
    return sorted(set(found))


def test_imports_run_one_way_text_store_layers_views():
    assert upward_imports() == []


def test_the_import_check_sees_an_upward_import(tmp_path, monkeypatch):
    """The check itself works: a store module importing a view is caught (relative imports too)."""
    fake = tmp_path / "kernel_utils" / "store"
    fake.mkdir(parents=True)
    (fake / "bad.py").write_text("from ..views.figure import figure_html\nimport kernel_utils.layers.timeline\n")
    monkeypatch.setattr(__import__(__name__), "ROOT", tmp_path)
    monkeypatch.setattr(__import__(__name__), "PACKAGE", tmp_path / "kernel_utils")
    found = upward_imports()
    assert any("imports kernel_utils.views.figure" in f for f in found)
    assert any("imports kernel_utils.layers.timeline" in f for f in found)


def test_errors_import_nothing_of_the_package_and_tools_are_never_imported_by_it():
    assert [t for _, t in _imports(PACKAGE / "errors.py") if t.startswith("kernel_utils")] == []
    for path in _modules(PACKAGE):
        assert not [t for _, t in _imports(path) if t == "tools" or t.startswith("tools.")], path


# --------------------------------------------------------------------------- the public API
def _stub_imports() -> dict[str, tuple[str, ...]]:
    """The stub's public names by module: ``from .store.documents import load_document as load_document``."""
    tree = ast.parse((PACKAGE / "__init__.pyi").read_text(encoding="utf-8"))
    table: dict[str, tuple[str, ...]] = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            assert node.level == 1 and node.module, "the stub imports only from the package's own modules"
            for alias in node.names:
                assert alias.asname == alias.name, f"{alias.name}: write 'name as name' (an explicit re-export)"
            table[node.module] = table.get(node.module, ()) + tuple(a.name for a in node.names)
    return table


def test_the_stub_is_the_one_list_of_public_names_and_all_follows_it():
    names = [name for names in _stub_imports().values() for name in names]
    assert len(names) == len(set(names)), "a name is listed twice in __init__.pyi"
    assert sorted(kernel_utils.__all__) == sorted([*names, "__version__"])


def test_all_is_the_promise_every_name_resolves_and_its_module_exports_it():
    for module, names in _stub_imports().items():
        home = importlib.import_module(f"kernel_utils.{module}")
        for name in names:
            assert getattr(kernel_utils, name) is getattr(home, name)
            assert name in home.__all__, f"{name} is public in kernel_utils but not in {home.__name__}.__all__"


def test_a_name_outside_the_stub_is_a_clear_attribute_error():
    with pytest.raises(AttributeError, match="no_such_name"):
        kernel_utils.no_such_name  # noqa: B018


def test_importing_the_package_imports_no_layer_module_until_a_name_is_used():
    code = (
        "import sys, kernel_utils\n"
        "before = {m for m in sys.modules if m.startswith('kernel_utils.layers.argument')}\n"
        "kernel_utils.load_reading\n"
        "after = {m for m in sys.modules if m.startswith('kernel_utils.layers.argument')}\n"
        "print(sorted(before), 'kernel_utils.layers.argument.model' in after, 'pandas' in sys.modules)"
    )
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split()[0:2] == ["[]", "True"], out.stdout


def test_the_version_comes_from_the_package_metadata():
    import tomllib
    from importlib.metadata import version

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert kernel_utils.__version__ == version("kernel-utils-telegram602") == declared
    import yaml

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert str(cff["version"]) == declared, "CITATION.cff repeats the version for citation tools: keep it equal"
    assert not re.search(r"__version__\s*=\s*['\"]\d+\.", (PACKAGE / "__init__.py").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.stem)
def test_notebooks_import_only_from_the_top_level(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tree = ast.parse(
            "\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!")))
        )
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("kernel_utils"):
                assert node.module == "kernel_utils", (
                    f"{path.name} cell {cell.get('id')}: from {node.module} import ..."
                )
                assert all(a.name in kernel_utils.__all__ for a in node.names), (
                    f"{path.name}: {[a.name for a in node.names]}"
                )
            if isinstance(node, ast.Import):
                assert not [a.name for a in node.names if a.name.startswith("kernel_utils.")], (
                    f"{path.name} cell {cell.get('id')}"
                )


# --------------------------------------------------------------------------- one document model
def document_literals(folder: Path = PACKAGE) -> list[str]:
    """String constants (docstrings excepted) naming telegram 602, its date or its FRUS id: they
    belong in data/ (the standing check of /work/shared/hooks/before-stop, as a test)."""
    hits = []
    for f in sorted(folder.rglob("*.py")):
        tree = ast.parse(f.read_text(encoding="utf-8"))
        docs = {
            id(n.body[0].value)
            for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and n.body
            and isinstance(n.body[0], ast.Expr)
            and isinstance(n.body[0].value, ast.Constant)
        }
        hits += [
            f"{f.relative_to(folder.parent)}:{n.lineno}: {n.value[:60]!r}"
            for n in ast.walk(tree)
            if isinstance(n, ast.Constant)
            and isinstance(n.value, str)
            and id(n) not in docs
            and re.search(r"\b602\b|1950-12-20|d1077", n.value)
        ]
    return hits


def test_no_document_specific_literal_in_library_code():
    assert document_literals() == []


def test_the_literal_check_finds_a_planted_constant(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "m.py").write_text('"""About telegram 602 (a docstring is fine)."""\nDATE = "1950-12-20"\n')
    assert document_literals(package) == ["pkg/m.py:2: '1950-12-20'"]
