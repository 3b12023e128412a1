"""Every notebook in JupyterLab, as a reader uses it: run all, no errors, every widget renders and responds.

The fixture notebooks prove the checks work: ``explorers`` has one explorer per kind of control
(each must be operated and its view must change); ``raises`` and ``defects`` are negative
controls whose problems must each be reported.
"""

from __future__ import annotations

import pytest

from conftest import NOTEBOOKS

pytestmark = pytest.mark.browser


def test_there_are_notebooks_to_check():
    assert NOTEBOOKS, "notebooks/ holds no .ipynb file: the browser suite would test nothing"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_and_its_widgets_respond_in_jupyterlab(lab, notebook):
    report = lab.check(f"notebooks/{notebook.name}")
    assert not report.problems(), report.describe()
    assert report.rendered_widgets == report.expected_widgets


def test_every_kind_of_control_is_operated_and_changes_its_view(lab):
    report = lab.check("fixtures/explorers.ipynb")
    # ipywidgets 8.1 gives a slider's handles (role=slider) no accessible name: the check must say so.
    assert [p for p in report.problems() if "slider" not in p] == [], report.describe()
    assert len(report.unnamed) == 3 and all(u.startswith("slider") for u in report.unnamed), report.describe()
    assert any(a.startswith("aria-input-field-name") for a in report.axe), report.describe()
    assert report.expected_widgets == report.rendered_widgets == 8
    operated = sorted((op.kind, op.control) for op in report.operations if op.changed)
    assert operated == sorted([
        ("dropdown", "Letter"), ("toggle-buttons", "Number"), ("checkbox", "Show notes"),
        ("select", "Colour"), ("select-multiple", "Members"), ("radio", "Side"),
        ("slider", "Count"), ("slider", "Dates"),
    ]), report.describe()
    assert all(op.how.startswith("keyboard") for op in report.operations
               if op.kind in ("dropdown", "checkbox", "slider"))
    assert report.screenshot.is_file()


def test_negative_control_a_notebook_that_raises_fails_the_check(lab):
    report = lab.check("fixtures/raises.ipynb")
    problems = report.problems()
    assert any("RuntimeError: negative control: this cell fails on purpose" in p for p in problems), problems
    assert "cell 3 was not executed" in problems, problems


def test_negative_control_widget_and_network_defects_are_each_reported(lab):
    report = lab.check("fixtures/defects.ipynb")
    problems = report.problems()
    assert any(p.startswith("dropdown 'Stuck'") and "no visible change" in p for p in problems), problems
    assert any(p.startswith("control without an accessible name: dropdown") for p in problems), problems
    assert any("axe: select-name" in p for p in problems), problems
    assert report.off_machine == ["https://example.org/off-machine.png"], problems
    assert not report.errors
