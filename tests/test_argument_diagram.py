"""The argument map: well-formed, accessible, complete, deterministic SVG that renders in a browser."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from kernel_utils import argument_diagram, argument_svg, load_reading
from kernel_utils.views.argument.diagram import layout

SVG = "{http://www.w3.org/2000/svg}"
from kernel_utils.views.palette import OKABE_ITO_HEX as OKABE_ITO


@pytest.fixture(scope="module", params=["reading-a", "reading-b"])
def reading(request):
    return load_reading(request.param)


def test_svg_parses_and_has_alt_text(reading):
    root = etree.fromstring(argument_svg(reading).encode("utf-8"))
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and reading.title in title.text
    assert desc is not None and "Main conclusion" in desc.text and reading.main_conclusion in desc.text
    assert root.get("aria-label") == f"{title.text}. {desc.text}"
    # no ids: the same map may be shown twice on a page (a cell's output and a widget's view)
    assert not [e for e in root.iter() if e.get("id") is not None] and "url(#" not in argument_svg(reading)


def test_every_unit_and_relation_is_drawn_with_its_paragraph_number(reading):
    root = etree.fromstring(argument_svg(reading).encode("utf-8"))
    units = {g.get("data-unit"): g for g in root.iter(f"{SVG}g") if g.get("data-unit")}
    assert set(units) == set(reading.units)
    for uid, g in units.items():
        texts = [t.text for t in g.iter(f"{SVG}text")]
        assert f"¶{reading.unit(uid).number} · {uid}" in texts
        assert reading.unit(uid).statement in g.find(f"{SVG}title").text  # the full words as a tooltip
    relations = {g.get("data-relation") for g in root.iter(f"{SVG}g") if g.get("data-relation")}
    assert relations == set(reading.relations)


def test_types_differ_by_shape_and_use_okabe_ito_colours(reading):
    vocab = reading.vocabulary
    shapes = [t.shape for t in vocab.unit_types.values()]
    assert len(set(shapes)) == len(shapes), "every unit type has its own shape"
    svg = argument_svg(reading)
    strokes = set(re.findall(r'stroke="(#[0-9A-F]{6})"', svg)) - {"#767676", "#FFFFFF"}
    assert strokes <= OKABE_ITO, strokes - OKABE_ITO
    for t in vocab.unit_types.values():
        assert f">{t.label}</text>" in svg  # the legend names every type


def test_layout_puts_grounds_above_what_rests_on_them(reading):
    placements, width, height = layout(reading)
    for r in reading.relations.values():
        if reading.role(r) != "conflict":
            for s in r.sources:
                assert placements[s].y < placements[r.target].y, r.id
    boxes = sorted((p.x, p.y) for p in placements.values())
    assert len(set(boxes)) == len(boxes), "no two units drawn in one place"


def test_diagram_is_deterministic_and_displays_as_svg(reading):
    d = argument_diagram(reading, selected=reading.main_conclusion)
    assert d._repr_svg_() == argument_svg(load_reading(reading.id), selected=reading.main_conclusion)
    assert "0x" not in repr(d) and reading.id in repr(d)


def test_diagram_displays_as_an_accessible_html_figure_and_keeps_the_svg_image(reading):
    """JupyterLab draws image/svg+xml as an <img> without alt: the bundle's text/html (which front ends
    prefer) has the SVG inline with an aria-label and a visible caption; GitHub gets the image."""
    bundle = argument_diagram(reading)._repr_mimebundle_()
    assert set(bundle) == {"text/html", "image/svg+xml", "text/plain"}
    assert bundle["image/svg+xml"] == argument_svg(reading)
    figure = etree.fromstring(bundle["text/html"].encode("utf-8"))
    assert figure.tag == "figure"
    (svg,) = figure.findall(f"{SVG}svg")
    assert svg.get("role") == "img" and svg.get("aria-label") == f"Argument map of Telegram 602 · {reading.title}"
    caption = figure.find("figcaption").text
    assert reading.main_conclusion in caption and "legend" in caption
    assert bundle["text/plain"].startswith(svg.get("aria-label")) and caption in bundle["text/plain"]
    assert bundle == argument_diagram(load_reading(reading.id))._repr_mimebundle_()  # deterministic


def test_options_mark_units_and_refuse_unknown_ids(reading):
    w = reading.withdraw(reading.unsupported()[0])
    svg = argument_svg(reading, selected=reading.main_conclusion, withdrawn=w.withdrawn, fallen=w.fallen, emphasis=[reading.main_conclusion])
    assert 'opacity="0.28"' in svg and 'stroke-dasharray="4 3"' in svg
    with pytest.raises(KeyError, match="no unit 'zz'"):
        argument_svg(reading, selected="zz")


def test_data_are_escaped_in_the_svg(reading, monkeypatch):
    unit = reading.unit(reading.main_conclusion)
    monkeypatch.setitem(reading.units, unit.id, type(unit)(**{**unit.__dict__, "label": "<script>x</script> & co"}))
    svg = argument_svg(reading)
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    etree.fromstring(svg.encode("utf-8"))


@pytest.mark.browser
def test_svg_as_an_image_fits_its_container_in_headless_chromium(tmp_path):
    """JupyterLab, nbconvert HTML and GitHub all show an image/svg+xml output as an <img>: the map must
    scale to the width of its container (not be clipped) and be drawn."""
    chromium = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if chromium is None:
        pytest.skip("needs Chromium (.ci/run installs Debian's chromium)")
    import base64

    from matplotlib.image import imread

    svg = argument_svg(load_reading("reading-a"))
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    page = tmp_path / "page.html"
    page.write_text(f"<!doctype html><body style='margin:0;background:#fff'><div style='width:600px'>"
                    f"<img src='data:image/svg+xml;base64,{data}'></div></body>", encoding="utf-8")
    shot = tmp_path / "page.png"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=900,1200",
                    f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=120, check=False)
    assert shot.is_file(), "Chromium wrote no screenshot"
    pixels = imread(shot)[:, :, :3]
    ink = (pixels < 0.85).any(axis=2)
    columns = ink.any(axis=0).nonzero()[0]
    assert columns.min() < 40 and 540 < columns.max() < 600, (columns.min(), columns.max())  # fills the 600 px box, no more
    colours = {tuple(p) for p in (pixels[::5, :600:5] * 255).astype(int).reshape(-1, 3)}
    assert len(colours) > 20  # a drawn map, not a blank or broken image
