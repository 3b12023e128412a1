"""Where the argument map must render: the committed notebook's outputs (what GitHub's preview shows)
and its static HTML export (nbconvert).  JupyterLab renders the same image/svg+xml output."""

from __future__ import annotations

import base64
import re

import nbformat
import pytest
from lxml import etree

from conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "02-argument-structure.ipynb"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def notebook():
    return nbformat.read(NOTEBOOK, as_version=4)


def _diagram_outputs(nb):
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.source.startswith("argument_diagram("):
            yield cell.source, [o for o in cell.outputs if "data" in o]


def test_maps_are_saved_as_svg_image_outputs(notebook):
    """GitHub's notebook preview shows image/svg+xml outputs; widgets it cannot show, so each widget is
    followed by a cell whose saved output is static HTML."""
    found = dict(_diagram_outputs(notebook))
    assert set(found) == {"argument_diagram(a)", "argument_diagram(b)"}
    for source, outputs in found.items():
        (output,) = outputs
        root = etree.fromstring(output.data["image/svg+xml"].encode("utf-8"))
        assert root.get("role") == "img" and root.find(f"{SVG}title") is not None and root.find(f"{SVG}desc") is not None
        expected = "Reading A" if source.endswith("(a)") else "Reading B"
        assert expected in root.find(f"{SVG}title").text
        assert not root.findall(f".//{SVG}script") and "href=\"http" not in output.data["image/svg+xml"]
        assert "0x" not in output.data["text/plain"]
    selects = [c for c in notebook.cells if c.cell_type == "code" and ".select(" in c.source]
    assert len(selects) == 4
    for cell in selects:
        assert "<svg" in cell.outputs[0].data["text/html"]


def test_static_html_export_embeds_every_map(notebook):
    from nbconvert import HTMLExporter

    html, _ = HTMLExporter().from_notebook_node(notebook)
    images = re.findall(r'src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"', html)
    titles = []
    for data in images:
        root = etree.fromstring(base64.b64decode(data))
        titles.append(root.find(f"{SVG}title").text)
    assert any("Reading A" in t for t in titles) and any("Reading B" in t for t in titles)
    inline = re.findall(r"<svg[^>]*role=\"img\"", html)
    assert len(inline) >= 4  # the maps inside the four static widget views
