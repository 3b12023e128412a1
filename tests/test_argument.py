"""The argument layer: both readings load, cover the whole telegram, and answer a reader's questions."""

from __future__ import annotations

import json

import pytest

from kernel_utils import DataValidationError, compare_readings, list_readings, load_reading, load_telegram, load_vocabulary
from kernel_utils.layers.argument.model import Reading

ARG = "documents/frus1950v07-d1077/argument"


@pytest.fixture(scope="module")
def a() -> Reading:
    return load_reading("reading-a")


@pytest.fixture(scope="module")
def b() -> Reading:
    return load_reading("reading-b")


def test_both_readings_are_stored_and_load(a, b):
    assert list_readings()[:2] == ["reading-a", "reading-b"]  # reading-c (the exchange) is tested in test_cross_document.py
    assert (a.main_conclusion, b.main_conclusion) == ("a25", "b01")
    assert b.based_on == "reading-a"


def test_every_paragraph_of_the_telegram_is_annotated(a, b):
    telegram = load_telegram()
    for reading in (a, b):
        covered = {u.paragraph for u in reading.units.values()}
        assert covered == {p.id for p in telegram.paragraphs}, reading.id


def test_every_unit_is_an_exact_span_in_the_paragraph_it_names(a, b):
    telegram = load_telegram()
    for reading in (a, b):
        for u in reading.units.values():
            assert telegram.text[u.start:u.end] == u.quote
            p = telegram.paragraph(u.paragraph)
            assert p.start <= u.start < u.end <= p.end
            assert u.rationale.strip() and u.label.strip()


def test_types_come_from_the_documented_vocabulary(a, b):
    vocab = load_vocabulary()
    assert {"premise", "claim", "objective", "red_line", "condition", "concession", "anticipated_objection", "rebuttal",
            "proposal", "conclusion", "instruction"} <= set(vocab.unit_types)
    assert {"supports", "attacks", "rebuts", "qualifies", "concedes", "implements"} <= set(vocab.relation_types)
    for t in [*vocab.unit_types.values(), *vocab.relation_types.values()]:
        assert len(t.definition) > 30, t.id
    for reading in (a, b):
        assert {u.type for u in reading.units.values()} <= set(vocab.unit_types)
        assert {r.type for r in reading.relations.values()} <= set(vocab.relation_types)
    assert set(vocab.table().index.get_level_values("type")) == set(vocab.unit_types) | set(vocab.relation_types)


def test_reading_a_marks_the_parts_the_issue_names(a):
    types = {u.id: u.type for u in a.units.values()}
    assert types["a01"] == "premise" and "danger of general war" in a.unit("a01").quote
    assert types["a07"] == "red_line"
    assert types["a08"] == "objective" and types["a10"] == "concession"
    assert types["a13"] == "condition" and "as a minimum" in a.unit("a13").quote
    assert types["a20"] == "anticipated_objection" and a.unit("a20").implicit
    assert a.unit("a21").quote == "discussion itself does not constitute appeasement"
    assert types["a25"] == "conclusion" and "prior to any Communist offensive" in a.unit("a25").quote
    assert [u.id for u in a.units_of_type("instruction")] == ["a26", "a27"]


def test_annotations_say_they_are_the_editions_interpretation(a, b):
    for reading in (a, b):
        assert "interpretive layer" in reading.annotator and "not a fact from any source" in reading.annotator


def test_what_supports_a_unit(a):
    supporters = {r.id: [u.id for u in units] for r, units in a.supporters("a15")}
    assert supporters == {"r12": ["a14"], "r15": ["a17"], "r16": ["a18"], "r17": ["a19"]}
    assert [(r.id, [u.id for u in units]) for r, units in a.attackers("a15")] == [("r18", ["a20"])]


def test_what_a_unit_rests_on_transitively(a):
    assert a.rests_on("a02") == ["a01"]
    assert a.rests_on("a07") == ["a04", "a05", "a06"]
    grounds = a.rests_on("a25")
    assert {"a01", "a06", "a07", "a22", "a13"} <= set(grounds)
    assert "a20" not in grounds  # an objection is not a ground
    assert a.rests_on("a26") == sorted(set(a.rests_on("a25")) | {"a25", "a03"}, key=list(a.units).index)


def test_units_without_support(a):
    unsupported = a.unsupported()
    assert {"a01", "a04", "a05", "a06", "a22"} <= set(unsupported)
    assert "a25" not in unsupported and "a26" not in unsupported
    assert all(a.unit(u).type != "conclusion" for u in unsupported)


def test_withdrawing_a_premise(a):
    w = a.withdraw("a01")
    assert w.fallen == ("a02", "a03") and not w.main_conclusion_falls
    w = a.withdraw("a22")
    assert w.fallen == ("a21", "a23") and w.unanswered == ("a20",)
    w = a.withdraw("a06")
    assert w.fallen == ("a07", "a25", "a27") and w.main_conclusion_falls  # a26 keeps the stock-taking a03
    assert a.withdraw("a05").fallen == ()  # the red line keeps its other ground
    with pytest.raises(KeyError, match="no unit 'zz'"):
        a.withdraw("zz")


def test_the_two_readings_differ_where_the_text_is_contested(a, b):
    c = compare_readings(a, b)
    assert c.main_conclusions == ("a25", "b01")
    assert c.changed_unit_ids == ["b02", "a11", "a20", "a25", "b01"]
    assert c.units.loc["a11", "change"] == "type concession → premise"
    assert set(c.changed_relation_ids) == {"r08", "rb1", "rb2", "rb3", "rb4", "rb5"}
    # the difference matters: withdraw the danger of war and only reading B loses its conclusion
    assert not a.withdraw("a01").main_conclusion_falls and b.withdraw("a01").main_conclusion_falls
    assert b.unit("a11").origin == "override" and b.unit("a01").origin == "inherited" and b.unit("b01").origin == "own"


def test_tables(a):
    units, relations = a.unit_table(), a.relation_table()
    assert list(units.index) == list(a.units) and len(relations) == len(a.relations)
    assert units.loc["a20", "statement"] == a.unit("a20").reconstruction
    assert "[Page" not in units.loc["a09", "statement"]


# ----------------------------------------------------------------------- bad input through the loader
def _break(data_copy, name, change):
    path = data_copy / ARG / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_loader_refuses_a_span_that_does_not_match(data_copy):
    _break(data_copy, "reading-a.json", lambda d: d["units"][0].update(start=d["units"][0]["start"] + 1))
    with pytest.raises(DataValidationError) as caught:
        load_reading("reading-a")
    message = str(caught.value)
    assert "reading-a.json, record 'a01', field 'quote'" in message and "stand at" in message


def test_loader_refuses_reading_b_when_reading_a_loses_a_unit_b_inherits(data_copy):
    def drop(d):
        d["units"] = [u for u in d["units"] if u["id"] != "a16"]
        d["relations"] = [r for r in d["relations"] if r["id"] != "r14"]
    _break(data_copy, "reading-a.json", drop)
    with pytest.raises(DataValidationError) as caught:
        load_reading("reading-b")
    message = str(caught.value)
    assert "reading-b.json" in message and "'a16', which reading-a does not define" in message


def test_unknown_reading_is_a_key_error():
    with pytest.raises(KeyError, match="reading-a, reading-b"):
        load_reading("reading-z")


def test_an_anticipated_objection_says_who_raised_it_with_a_source(a, b):
    """An objection the telegram does not state is not 'imagined': its rationale names where it was
    on record (a source in data/sources.json, cited by FRUS volume and document) or says it is unknown."""
    sources = {s["id"] for s in json.loads((__import__("kernel_utils.store.paths", fromlist=["data_dir"]).data_dir() / "sources.json").read_text(encoding="utf-8"))["sources"]}
    assert {"frus1950v07-d1013", "frus1950v01-d146"} <= sources
    for reading in (a, b):
        objections = [u for u in reading.units.values() if u.type == "anticipated_objection"]
        assert objections
        for unit in objections:
            text = unit.rationale
            assert "imagined critic" not in text and "nobody" not in text
            assert ("doc. 1013" in text and "doc. 146" in text) or "unknown" in text, (reading.id, unit.id)


# ----------------------------------------------------------------------- cycles: small made-up graphs
def test_find_cycle_on_small_graphs():
    from kernel_utils.layers.argument.checks import _find_cycle

    assert _find_cycle(["x", "y", "z", "w"], [("x", "y", "r1"), ("x", "z", "r2"), ("y", "w", "r3"), ("z", "w", "r4")]) is None  # a diamond
    assert _find_cycle(["x"], [("x", "x", "r1")]) == [("x", "x", "r1")]  # a unit grounding itself
    assert _find_cycle(["x", "y"], [("x", "y", "r1"), ("y", "x", "r2")]) == [("x", "y", "r1"), ("y", "x", "r2")]
    # a cycle reachable only from the last unit listed, behind an acyclic start
    cycle = _find_cycle(["a", "b", "c", "d"], [("a", "b", "r1"), ("d", "c", "r2"), ("c", "d", "r3")])
    assert cycle is not None and {e[2] for e in cycle} == {"r2", "r3"}


@pytest.mark.parametrize("relation_type", ["supports", "implements", "qualifies", "attacks", "rebuts", "concedes"])
def test_a_cycle_through_each_relation_kind(data_copy, relation_type):
    """The validator refuses a loop closed by any inference relation (support or condition role:
    supports, implements, qualifies), and only those: conflict relations may answer each other."""
    from kernel_utils.store.validation import validate_paths

    vocabulary = load_vocabulary()
    role = vocabulary.relation_types[relation_type].role
    _break(data_copy, "reading-a.json", lambda d: d["relations"].append(
        {"id": "r99", "type": relation_type, "from": ["a25"], "to": "a01", "rationale": "circular"}))
    messages = [str(p) for p in validate_paths([data_copy / ARG / "reading-a.json"])]
    cyclic = [m for m in messages if "no cycle" in m]
    if role in ("support", "condition"):
        assert len(cyclic) == 1 and "record 'r99'" in cyclic[0] and "a25 → a01" in cyclic[0], messages
    else:
        assert cyclic == [], messages
