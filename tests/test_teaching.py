"""Build your own reading (quotes → units → a checked reading) and measured agreement between readings.

The agreement figures are checked on small made-up readings whose answers are computed by hand
in the comments; the student tool is checked on the real telegram.
"""

from __future__ import annotations

import json

import pytest

from kernel_utils import (AmbiguousQuote, QuoteNotFound, StudentReading, agreement, class_agreement, cohen_kappa, find_quote,
                          load_reading, load_reading_file, match_units)
from kernel_utils.__main__ import main
from kernel_utils.errors import DataValidationError
from kernel_utils.layers.argument.model import Reading, Relation, Unit, load_vocabulary

DOC = "frus1950v07-d1077"


def _made_up(reading_id: str, units: list[tuple[str, str, int, int]], relations: list[tuple[str, str, list[str], str]], main: str) -> Reading:
    """A reading of a made-up 100-character text (the checks of data files do not run on it)."""
    text = "x" * 100
    meta = {"id": reading_id, "document": "made-up", "title": reading_id, "description": "-", "annotator": "-",
            "coverage": "partial", "main_conclusion": main}
    return Reading(meta, [Unit(i, t, "p01", s, e, text[s:e], i, "-") for i, t, s, e in units],
                   [Relation(i, t, tuple(f), to, "-") for i, t, f, to in relations], load_vocabulary(DOC), text)


@pytest.fixture
def pair() -> tuple[Reading, Reading]:
    first = _made_up("reading-first", [("u1", "premise", 0, 10), ("u2", "claim", 10, 20), ("u3", "conclusion", 30, 40),
                                       ("u4", "premise", 50, 60)],
                     [("r1", "supports", ["u1"], "u3"), ("r2", "supports", ["u2"], "u3"), ("r3", "supports", ["u4"], "u2")], "u3")
    second = _made_up("reading-second", [("v1", "premise", 0, 10), ("v2", "premise", 12, 20), ("v3", "conclusion", 30, 36),
                                         ("v4", "claim", 70, 80)],
                      [("q1", "supports", ["v1"], "v3"), ("q2", "qualifies", ["v2"], "v3"), ("q3", "supports", ["v4"], "v3")], "v3")
    return first, second


def test_cohen_kappa_by_hand():
    # p_o = 3/4; p_e = (2·1 + 2·3) / 16 = 1/2; kappa = (3/4 − 1/2) / (1 − 1/2) = 1/2
    assert cohen_kappa(["x", "x", "y", "y"], ["x", "y", "y", "y"]) == (0.75, 0.5, 0.5)
    # one and the same type throughout: p_e = 1, kappa undefined
    assert cohen_kappa(["x", "x"], ["x", "x"]) == (1.0, 1.0, None)
    assert cohen_kappa([], []) == (None, None, None)
    with pytest.raises(ValueError, match="same length"):
        cohen_kappa(["x"], [])


def test_units_are_paired_by_span_overlap(pair):
    # u1/v1 identical (1.0); u2 10–20 vs v2 12–20: 8/10 = 0.8; u3 30–40 vs v3 30–36: 6/10 = 0.6; u4, v4 unpaired
    assert match_units(*pair) == [("u1", "v1", 1.0), ("u2", "v2", 0.8), ("u3", "v3", 0.6)]
    assert match_units(*pair, threshold=0.7) == [("u1", "v1", 1.0), ("u2", "v2", 0.8)]


def test_agreement_figures_by_hand(pair):
    result = agreement(*pair)
    # characters: first 10+10+10+10 = 40, second 10+8+6+10 = 34, shared 10+8+6 = 24, union 50
    assert result["characters"] == {"first": 40, "second": 34, "shared": 24, "jaccard": 0.48}
    assert result["units"]["only_first"] == ["u4"] and result["units"]["only_second"] == ["v4"]
    # types on the pairs: premise/premise, claim/premise, conclusion/conclusion: p_o = 2/3;
    # p_e = (1·2 + 1·0 + 1·1) / 9 = 1/3; kappa = (2/3 − 1/3) / (2/3) = 1/2
    assert result["types"]["agreeing"] == 2
    assert result["types"]["observed_agreement"] == pytest.approx(2 / 3, abs=1e-4)
    assert result["types"]["chance_agreement"] == pytest.approx(1 / 3, abs=1e-4)
    assert result["types"]["cohen_kappa"] == 0.5
    assert result["types"]["disagreements"] == [{"first": "u2", "second": "v2", "type_first": "claim", "type_second": "premise"}]
    # relations: r1~q1 (same type), r2~q2 (same ends, type differs); r3 has an unpaired end; union 3+3−2 = 4
    rel = result["relations"]
    assert (rel["shared"], rel["same_type"], rel["jaccard"]) == (2, 1, 0.5)
    assert rel["only_first"] == ["r3"] and rel["only_second"] == ["q3"]
    assert result["main_conclusion"]["same_unit"] is True


def test_readings_a_and_b_agree_except_on_the_contested_passages():
    a, b = load_reading("reading-a"), load_reading("reading-b")
    result = agreement(a, b)
    assert result["characters"]["jaccard"] > 0.99
    assert result["types"]["cohen_kappa"] < 1            # B retypes contested units
    assert result["main_conclusion"]["same_unit"] is False  # B's main conclusion is its own unit
    assert agreement(a, a)["types"]["cohen_kappa"] == 1.0


def test_find_quote_tolerates_spacing_and_page_markers():
    text_match = find_quote("bring that about  by\npeaceful means")
    assert text_match.quote == "bring that about [Page 1584] by peaceful means"
    assert text_match.paragraph == "p03"


def test_find_quote_says_when_a_quote_is_missing_or_ambiguous():
    with pytest.raises(QuoteNotFound, match="is not in the text"):
        find_quote("the enemy is now in fact incapable")
    with pytest.raises(AmbiguousQuote, match="stands 3 times") as info:
        find_quote("the United Nations")
    assert "paragraph='p03'" in str(info.value) and "occurrence=1" in str(info.value)
    assert find_quote("the United Nations", occurrence=3).start == info.value.matches[2].start
    with pytest.raises(AmbiguousQuote):
        find_quote("the United Nations", paragraph="p03")  # twice in ¶3 (p03)


def _small_student_reading() -> StudentReading:
    s = StudentReading("Ada Student")
    p = s.add_unit("the undeniably heightened danger of general war", "premise")
    c = s.add_unit("we should overlook no honorable possibility of bringing about a peaceful settlement in Korea", "conclusion")
    s.add_relation("supports", p, c, rationale="'In view of'")
    return s


def test_student_reading_is_checked_by_the_editions_rules():
    s = StudentReading("Ada Student")
    s.add_unit("the undeniably heightened danger of general war", "premise")
    s.add_unit("we should overlook no honorable possibility of bringing about a peaceful settlement in Korea", "conclusion")
    found = {(p.record, p.found) for p in s.problems()}
    assert ("'s01'", "a unit no relation mentions (an orphan)") in found
    with pytest.raises(DataValidationError, match="orphan"):
        s.reading()
    s.add_relation("supports", "s01", "s02")
    assert s.problems() == []
    reading = s.reading()
    assert reading.id == "reading-ada-student" and reading.main_conclusion == "s02"
    assert reading.withdraw("s01").main_conclusion_falls


def test_student_reading_saves_loads_and_compares(tmp_path):
    path = _small_student_reading().save(tmp_path / "ada.json")
    loaded = load_reading_file(path)
    result = agreement(loaded, load_reading("reading-a"))
    # the two quotes are reading A's a01 and a02 exactly; a02 is a claim there, a conclusion here
    assert [(m["first"], m["second"]) for m in result["units"]["matched"]] == [("s01", "a01"), ("s02", "a02")]
    assert result["types"]["agreeing"] == 1 and result["relations"]["shared"] == 1
    assert class_agreement([loaded, load_reading("reading-a"), load_reading("reading-b")])["readings"] == [
        "reading-ada-student", "reading-a", "reading-b"]


def test_compare_readings_cli_prints_pairwise_json(tmp_path, capsys):
    first = _small_student_reading().save(tmp_path / "ada.json")
    other = StudentReading("Ben")
    u = other.add_unit("the undeniably heightened danger of general war", "premise")
    v = other.add_unit("we should overlook no honorable possibility", "claim")
    other.add_relation("supports", u, v)
    other.main_conclusion = v
    second = other.save(tmp_path / "ben.json")
    assert main(["compare-readings", str(first), str(second), "reading-a"]) == 1  # Ben's main conclusion is a claim
    err = capsys.readouterr().err
    assert "ben.json" in err and "main_conclusion" in err and "Traceback" not in err


def test_compare_readings_cli_on_valid_files(tmp_path, capsys):
    first = _small_student_reading().save(tmp_path / "ada.json")
    assert main(["compare-readings", str(first), "reading-a"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["readings"] == ["reading-ada-student", "reading-a"] and len(out["pairs"]) == 1
    assert set(out["pairs"][0]) >= {"characters", "units", "types", "relations"}
    assert main(["compare-readings", str(first)]) == 2
    assert main(["compare-readings", str(tmp_path / "missing.json"), "reading-a"]) == 2
