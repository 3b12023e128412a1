"""The units folder holds only small, fast, made-up cases (no notebooks, no browser)."""

from pathlib import Path


def test_unit_test_files_are_named_after_the_modules_they_exercise():
    names = sorted(p.name for p in Path(__file__).parent.glob("test_*.py"))
    assert all(name.startswith("test_units_") for name in names), names
