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


PASTED_QUOTE = "Our obligations under the Charter"


def student_adds_a_unit_by_keyboard(page) -> str:
    """Notebook 06: paste a quote into the builder's box, press "Add unit" with the keyboard; return the view's text."""
    notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    box = notebook.locator(".widget-textarea textarea").first
    box.focus()
    box.press("Control+a")
    box.press("Delete")
    page.keyboard.insert_text(PASTED_QUOTE)  # the input event a paste gives
    button = notebook.locator(".widget-button", has_text="Add unit").first
    button.focus()
    button.press("Enter")
    page.wait_for_timeout(1500)
    return notebook.locator("section[aria-label='Your reading so far']").first.inner_text()


#: Notebook-specific tasks done by keyboard after the generic checks (notebook stem → task).
INTERACTIONS = {"06-build-your-own-reading": student_adds_a_unit_by_keyboard}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_and_its_widgets_respond_in_jupyterlab(lab, notebook):
    report = lab.check(f"notebooks/{notebook.name}", interact=INTERACTIONS.get(notebook.stem))
    assert not report.problems(), report.describe()
    assert report.rendered_widgets == report.expected_widgets
    if notebook.stem == "06-build-your-own-reading":
        # the pasted quote became a new unit (the notebook adds s01–s04), placed in ¶5 of the telegram
        assert "Added: added s05." in report.interaction, report.interaction
        assert "s05 · ¶5" in report.interaction and PASTED_QUOTE in report.interaction, report.interaction


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
