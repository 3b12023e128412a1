"""The palette is Okabe & Ito's eight colours, exactly, and every figure module draws from it."""

from pathlib import Path

from kernel_utils.views.palette import OKABE_ITO, OKABE_ITO_HEX


def test_palette_is_the_published_okabe_ito_set():
    assert OKABE_ITO_HEX == {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}
    assert len(OKABE_ITO) == 8


def test_colour_modules_import_the_palette():
    package = Path(__file__).resolve().parent.parent / "kernel_utils"
    for name in ("views/argument/diagram.py", "views/timeline/chart.py", "views/provenance/tables.py"):
        assert "from kernel_utils.views.palette import OKABE_ITO" in (package / name).read_text(encoding="utf-8"), name
