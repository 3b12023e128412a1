"""The one colour palette of the edition: Okabe & Ito's eight colours, safe for colour-blind readers.

Every figure, map and highlight takes its colours from here, and always pairs colour with a
second cue (a shape, a dash pattern or a word), so nothing depends on colour alone.
"""

from __future__ import annotations

__all__ = ["OKABE_ITO", "OKABE_ITO_HEX"]

#: Okabe, M. & Ito, K. (2008), "Color Universal Design": the eight colours by name.
OKABE_ITO: dict[str, str] = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}
#: The same colours as a set of hex codes, for checking that a figure uses nothing else.
OKABE_ITO_HEX: frozenset[str] = frozenset(OKABE_ITO.values())
