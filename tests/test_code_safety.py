"""The library never evaluates data: no eval/exec/pickle/marshal, YAML only through safe_load,
XML only through parsers that neither expand entities nor reach the network."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kernel_utils"
SOURCES = sorted(PACKAGE.rglob("*.py"))

FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
FORBIDDEN_MODULES = {"pickle", "marshal", "shelve", "dill", "cloudpickle"}
XML_PARSE_CALLS = {"fromstring", "parse", "XML"}
XML_OWNERS = {"etree", "ET", "ElementTree", "lxml"}


def violations(source: str, name: str = "<source>") -> list[str]:
    """Every unsafe construct in a module's source, as 'name:line: what'."""
    found = []
    for node in ast.walk(ast.parse(source, filename=name)):
        where = f"{name}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS:
            found.append(f"{where}: {node.func.id}()")
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            found += [f"{where}: imports {n}" for n in names if n.split(".")[0] in FORBIDDEN_MODULES]
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("xml.etree"):
                found.append(f"{where}: xml.etree (use lxml with a safe parser)")
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "yaml":
            if node.attr in {"load", "load_all", "unsafe_load", "full_load"}:
                found.append(f"{where}: yaml.{node.attr} (use yaml.safe_load)")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if node.func.attr in XML_PARSE_CALLS and isinstance(owner, ast.Name) and owner.id in XML_OWNERS:
                if "parser" not in {k.arg for k in node.keywords}:
                    found.append(f"{where}: {owner.id}.{node.func.attr}() without an explicit safe parser")
            if node.func.attr == "XMLParser":
                keywords = {k.arg: k.value for k in node.keywords}
                for flag, wanted in (("resolve_entities", False), ("no_network", True)):
                    value = keywords.get(flag)
                    if not (isinstance(value, ast.Constant) and value.value is wanted):
                        found.append(f"{where}: XMLParser needs {flag}={wanted}")
    return found


@pytest.mark.parametrize("path", SOURCES, ids=[p.name for p in SOURCES])
def test_module_is_safe(path):
    assert violations(path.read_text(encoding="utf-8"), path.name) == []


def test_the_scan_catches_each_kind_of_violation():
    """Negative control: the same scanner flags every construct it forbids."""
    bad = (
        "import pickle\nx = eval('1')\nexec('y=2')\nimport yaml\nyaml.load(s)\n"
        "from lxml import etree\netree.fromstring(b'<a/>')\np = etree.XMLParser()\n"
        "from xml.etree import ElementTree\n"
    )
    found = "\n".join(violations(bad, "bad.py"))
    for words in ("imports pickle", "eval()", "exec()", "yaml.load", "without an explicit safe parser",
                  "resolve_entities=False", "no_network=True", "xml.etree"):
        assert words in found
    good = "from lxml import etree\np = etree.XMLParser(resolve_entities=False, no_network=True)\netree.fromstring(b'<a/>', parser=p)\n"
    assert violations(good) == []
