"""Accessible figures: the inline SVG is named by an aria-label, the caption is visible, data are escaped."""

from __future__ import annotations

import pytest
from lxml import etree

from kernel_utils.views.figure import figure_bundle, figure_html, labelled_svg

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="presentation" aria-labelledby="t d"><title id="t">T</title></svg>'


def test_labelled_svg_replaces_role_and_labelledby_with_an_aria_label():
    root = etree.fromstring(labelled_svg(SVG, 'A & "B"').encode("utf-8"))
    assert root.get("role") == "img" and root.get("aria-label") == 'A & "B"'
    assert root.get("aria-labelledby") is None and root.get("viewBox") == "0 0 10 10"


def test_figure_has_a_visible_escaped_caption_and_the_bundle_keeps_the_image():
    html = figure_html(SVG, label="Map", caption="<b>x</b>")
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    figure = etree.fromstring(html.encode("utf-8"))
    assert figure.tag == "figure" and figure.find("figcaption").text == "<b>x</b>"
    bundle = figure_bundle(SVG, label="Map", caption="c", alt="alt text")
    assert bundle == {"text/html": figure_html(SVG, label="Map", caption="c"), "image/svg+xml": SVG, "text/plain": "alt text"}


def test_markup_without_an_svg_element_is_refused():
    with pytest.raises(ValueError, match="expected SVG markup"):
        labelled_svg("<p>no figure</p>", "x")
