"""The timeline explorer: each control changes the view, and the set-from-code methods return what it shows."""

from __future__ import annotations

import pytest

from kernel_utils.views.timeline.widgets import TimelineExplorer


@pytest.fixture(scope="module")
def explorer():
    return TimelineExplorer()


def test_controls_are_labelled_native_widgets(explorer):
    import ipywidgets as widgets

    # two labelled drop-downs, not a range slider (whose handles have no accessible name in ipywidgets 8.1)
    assert isinstance(explorer.start, widgets.Dropdown) and explorer.start.description == "From"
    assert isinstance(explorer.end, widgets.Dropdown) and explorer.end.description == "To"
    assert explorer.start.options == explorer.end.options and len(explorer.start.options) > 200
    assert explorer.start.options[0][0] == "01 Jun 1950" and explorer.dates == (explorer._days[0], explorer._days[-1])
    assert not any(isinstance(w, widgets.SelectionRangeSlider) for w in _descendants(explorer.widget))
    assert all(isinstance(b, widgets.Checkbox) and b.description for b in explorer.category_boxes.values())
    assert explorer.horizon.description == "Only what Washington could know on 20 December 1950"
    assert isinstance(explorer.event, widgets.Dropdown) and explorer.event.description == "Event"


def _descendants(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _descendants(child)


def test_from_and_to_drop_downs_set_the_range_as_a_reader_would(explorer):
    explorer.set_range("1950-12-13", "1950-12-28")
    assert (explorer.start.label, explorer.end.label) == ("13 Dec 1950", "28 Dec 1950")
    december = set(explorer.current()["id"])
    explorer.end.value = explorer._days[-1]  # a reader moves only "To": the view follows
    assert december < set(explorer.current()["id"]) and "and 28 February 1951" in explorer.summary.value
    explorer.start.value, explorer.end.value = explorer.end.value, explorer.start.value  # "From" after "To": same days
    assert "between 13 December 1950 and 28 February 1951" in explorer.summary.value
    explorer.set_range("1950-12-01", "1951-01-10")


def test_range_categories_lanes_and_horizon_change_the_selection(explorer):
    everything = len(explorer.current())
    html = explorer.set_range("1950-12-13", "1950-12-28").data
    december = explorer.current()
    assert 0 < len(december) < everything
    assert "between 13 December 1950 and 28 December 1950" in html
    explorer.set_filters(lanes=["correspondence"])
    assert set(explorer.current()["lane"]) == {"correspondence"}
    with_hindsight = set(explorer.current()["id"])
    html = explorer.set_horizon(True).data
    known = set(explorer.current()["id"])
    assert "deptel-602-1950-12-20" in known and "delga-460-1950-12-22" in with_hindsight - known
    assert "only what Washington could know" in html and "<svg" in html
    explorer.set_horizon(False)
    explorer.set_filters(categories=["war", "un", "washington", "peking", "diplomacy"], lanes=["events", "correspondence"])
    with pytest.raises(ValueError, match="unknown 'gossip'"):
        explorer.set_filters(categories=["gossip"])
    with pytest.raises(ValueError, match="start ≤ end"):
        explorer.set_range("1951-01-05", "1950-12-01")


def test_event_view_shows_sources_and_passages(explorer):
    explorer.set_range("1950-12-01", "1951-01-10")
    html = explorer.select("chinese-new-year-offensive").data
    assert "prior to any Communist offensive across the parallel" in html
    assert "later-bears-on" in html and "Sources disagree on the date" in html
    assert "happened: no" in html
    with pytest.raises(KeyError, match="not in the current selection"):
        explorer.select("north-korean-attack")
