"""Where the argument map must render: the committed notebook's outputs (what GitHub's preview shows)
and its static HTML export (nbconvert) and JupyterLab, which prefer the text/html figure (inline SVG with
an aria-label and a caption) to the image/svg+xml output (an <img> without alt text)."""

from __future__ import annotations

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


def test_maps_are_saved_as_svg_image_and_accessible_html_outputs(notebook):
    """GitHub's notebook preview shows image/svg+xml outputs; JupyterLab shows the text/html figure.
    Widgets GitHub cannot show, so each widget is followed by a cell whose saved output is static HTML."""
    found = dict(_diagram_outputs(notebook))
    # generic cells (any document): the map of the first and the second reading, or a plain absence statement
    assert {source.split(" if ")[0] for source in found} == {"argument_diagram(a)", "argument_diagram(b)"}
    for source, outputs in found.items():
        (output,) = outputs
        root = etree.fromstring(output.data["image/svg+xml"].encode("utf-8"))
        assert root.get("role") == "img" and root.find(f"{SVG}title") is not None and root.find(f"{SVG}desc") is not None
        expected = "Reading A" if source.startswith("argument_diagram(a)") else "Reading B"
        assert expected in root.find(f"{SVG}title").text
        assert not root.findall(f".//{SVG}script") and "href=\"http" not in output.data["image/svg+xml"]
        assert "0x" not in output.data["text/plain"]
        figure = etree.fromstring(output.data["text/html"].encode("utf-8"))
        (svg,) = figure.findall(f"{SVG}svg")
        assert expected in svg.get("aria-label") and svg.get("role") == "img" and figure.find("figcaption").text
    selects = [c for c in notebook.cells if c.cell_type == "code" and ".select(" in c.source]
    assert len(selects) == 4
    for cell in selects:
        assert "<svg" in cell.outputs[0].data["text/html"]


def test_static_html_export_embeds_every_map(notebook):
    from nbconvert import HTMLExporter

    html, _ = HTMLExporter().from_notebook_node(notebook)
    # the maps are inline (text/html is preferred), named by an aria-label: no <img> without alt text
    assert not re.findall(r'<img[^>]*src="data:image/svg\+xml', html)
    labels = re.findall(r'<svg[^>]*\saria-label="([^"]*)"', html)  # nbconvert may reorder attributes
    assert any("Reading A" in t for t in labels) and any("Reading B" in t for t in labels)
    assert len(re.findall(r"<figure\b", html)) >= 2
    inline = re.findall(r"<svg[^>]*role=\"img\"", html)
    assert len(inline) >= 6  # the two maps and those inside the four static widget views
