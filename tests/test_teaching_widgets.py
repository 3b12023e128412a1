"""The build-your-own-reading widgets and the research challenges view, without a browser."""

from __future__ import annotations

from kernel_utils import ReadingBuilder, StudentReading, load_known_unknowns, load_reading, research_challenges_html


def _builder() -> ReadingBuilder:
    return ReadingBuilder(StudentReading("<b>Eve</b>"), [load_reading("reading-a")])


def test_pasting_shows_where_the_quote_stands_or_why_not():
    b = _builder()
    assert "in ¶1 at 144–191, as a premise" in b.paste("the undeniably heightened danger of general war").data
    assert "not placed yet" in b.paste("no such words in the telegram").data
    assert "stands 3 times" in b.paste("the United Nations").data
    assert "Not added" in b.add_unit().data and b.student.units == []


def test_units_relations_map_and_comparison_through_the_controls():
    b = _builder()
    b.paste("the undeniably heightened danger of general war")
    b.choose_type("premise")
    assert "Added:</b> added s01." in b.add_unit().data and b.quote.value == ""
    b.paste("we should overlook no honorable possibility of bringing about a peaceful settlement in Korea")
    b.choose_type("conclusion")
    b.add_unit()
    assert "orphan" in b.status.value and "<svg" not in b.map.value
    assert "Not added" in b.add_relation().data  # no units chosen yet
    b.choose_relation("s01", "supports", "s02")
    view = b.add_relation().data
    assert "t01: s01 —supports→ s02" in view and "<svg" in b.map.value
    comparison = b.compare_with("reading-a").data
    assert "Cohen" in comparison and "your s02 is a conclusion; reading-a's a02 is a claim" in comparison


def test_student_supplied_text_is_escaped():
    b = _builder()
    assert "&lt;b&gt;Eve&lt;/b&gt;" not in b.status.value  # the id is a slug, the name appears escaped where shown
    assert "<b>Eve</b>" not in b.status.value
    assert b.student.id == "reading-b-eve-b"


def test_research_challenges_keep_the_editions_questions_and_set_tasks():
    unknowns = load_known_unknowns("frus1950v07-d1077")
    html = research_challenges_html(unknowns)
    assert f"{len(unknowns)} question(s)" in html
    for u in unknowns:
        assert u.question.replace("'", "&#39;") in html
    assert "Where would you look next" in html
