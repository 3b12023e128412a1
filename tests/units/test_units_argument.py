"""The argument layer on small made-up readings: the model's queries (layers/argument/model.py)
and every rule and message of the reading's check (layers/argument/checks.py).

The model's readings are built in memory; the checks run on a throw-away data folder holding two
made-up memoranda, a made-up vocabulary and made-up readings (no real data, no notebook).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kernel_utils.layers.argument.checks import (
    INFERENCE_ROLES,
    _check_vocabulary,
    _find_cycle,
    _paragraphs,
    _reached_from_premises,
    argument_dir,
    check_reading,
    resolve_reading,
)
from kernel_utils.layers.argument.model import (
    Reading,
    Relation,
    RelationType,
    Unit,
    UnitType,
    Vocabulary,
    compare_readings,
    list_readings,
    load_reading,
    load_vocabulary,
)
from kernel_utils.store.validation import CheckContext

# =========================================================================== the model
ROLES = {
    "supports": "support",
    "implements": "support",
    "qualifies": "condition",
    "attacks": "conflict",
    "rebuts": "conflict",
}
VOCAB = Vocabulary(
    unit_types={
        t: UnitType(t, t.title(), f"{t} defined", "rect", "#000000")
        for t in ("premise", "claim", "condition", "conclusion", "objection", "rebuttal")
    },
    relation_types={
        t: RelationType(t, t.title(), f"{t} defined", role, "RA" if role != "conflict" else "CA", t)
        for t, role in ROLES.items()
    },
    description="a made-up vocabulary",
)
META = {
    "id": "rx",
    "document": "d1",
    "title": "A made-up reading",
    "description": "for tests",
    "annotator": "nobody",
    "coverage": "part",
    "main_conclusion": "u4",
}


def unit(uid: str, utype: str, start: int, *, paragraph: str = "p01", document: str = "d1", **more: Any) -> Unit:
    return Unit(
        uid, utype, paragraph, start, start + 4, f"q{uid}", f"label {uid}", f"because {uid}", document=document, **more
    )


def rel(rid: str, rtype: str, sources: tuple[str, ...], target: str, **more: Any) -> Relation:
    return Relation(rid, rtype, sources, target, f"why {rid}", **more)


def made_up_reading(meta: dict[str, Any] | None = None) -> Reading:
    """Two premises ground a claim and (directly) the conclusion; two conditions qualify it; an
    objection attacks it and is rebutted by a rebuttal that needs both premises; a second
    objection is only attacked (not rebutted)."""
    units = [
        unit("u4", "conclusion", 40),
        unit("u1", "premise", 0),
        unit("u2", "premise", 6),
        unit("u3", "claim", 20),
        unit("u5", "condition", 31),
        unit("u6", "objection", 51),
        unit("u7", "rebuttal", 60),
        unit("u8", "objection", 66),
        unit("u9", "condition", 71),
    ]
    relations = [
        rel("r1", "supports", ("u1",), "u3"),
        rel("r2", "supports", ("u3",), "u4"),
        rel("r3", "implements", ("u2",), "u4"),
        rel("r4", "qualifies", ("u5",), "u4"),
        rel("r5", "attacks", ("u6",), "u4"),
        rel("r6", "rebuts", ("u7",), "u6"),
        rel("r7", "supports", ("u1", "u2"), "u7"),
        rel("r8", "attacks", ("u2",), "u8"),
        rel("r9", "qualifies", ("u9",), "u4"),
    ]
    return Reading(meta or META, units, relations, VOCAB, "the text")


@pytest.fixture(scope="module")
def rx() -> Reading:
    return made_up_reading()


def test_unit_and_relation_defaults():
    u = Unit("u", "premise", "p03", 1, 2, "q", "l", "r")
    assert (u.implicit, u.reconstruction, u.origin, u.document) == (False, None, "own", "")
    r = Relation("r", "supports", ("u",), "v", "why")
    assert (r.origin, r.refers_to) == ("own", None)


def test_a_units_number_is_read_from_its_paragraph_id():
    assert unit("u", "premise", 0, paragraph="p12").number == 12
    assert unit("u", "premise", 0, paragraph="p07").number == 7


def test_a_units_statement_is_its_reconstruction_or_its_quote_without_page_markers():
    bare = Unit("u", "premise", "p01", 0, 9, "one\n[Page 4]\n two  three", "l", "r")
    assert bare.statement == "one two three"
    assert (
        Unit("u", "premise", "p01", 0, 9, "one [Page 4] two", "l", "r", True, "Reconstructed.").statement
        == "Reconstructed."
    )
    assert (
        Unit("u", "premise", "p01", 0, 9, "plain", "l", "r", True, "").statement == "plain"
    )  # an empty reconstruction says nothing


def test_the_reading_keeps_its_metadata(rx):
    based = made_up_reading({**META, "based_on": "ry"})
    assert (rx.id, rx.document, rx.title, rx.description, rx.annotator, rx.coverage, rx.main_conclusion) == (
        "rx",
        "d1",
        "A made-up reading",
        "for tests",
        "nobody",
        "part",
        "u4",
    )
    assert rx.based_on is None and based.based_on == "ry"
    assert rx.vocabulary is VOCAB and rx.text == "the text"
    assert repr(rx) == "<Reading rx: 9 units, 9 relations, main conclusion u4>"


def test_units_are_in_text_order_own_document_first():
    units = [
        unit("z", "premise", 5, document="d2"),
        unit("b", "premise", 5, document=""),
        unit("a", "premise", 5),
        unit("c", "premise", 2, document="d0"),
        unit("e", "premise", 1),
        Unit("d", "premise", "p01", 1, 3, "q", "l", "r", document="d1"),
    ]
    r = Reading(META, units, [], VOCAB, "")
    assert list(r.units) == ["d", "e", "a", "b", "c", "z"]  # start, then end, then id; then d0 before d2
    assert r.unit("b").document == "d1"  # a bare unit lies in the reading's own document
    assert r.documents == ["d1", "d0", "d2"]
    assert Reading(META, [unit("c", "premise", 2, document="d0")], [], VOCAB, "").documents == ["d1", "d0"]


def test_the_text_of_a_unit_is_its_own_documents_text():
    from kernel_utils.store.documents import load_document

    other = "frus1950v07-d1013"
    r = Reading(META, [unit("a", "premise", 0), unit("b", "premise", 0, document=other)], [], VOCAB, "own text")
    assert r.text_of(r.unit("a")) == "own text"
    assert r.text_of(Unit("x", "premise", "p01", 0, 1, "q", "l", "r")) == "own text"
    assert r.text_of(r.unit("b")) == load_document(other).text != "own text"


def test_external_references_and_cross_document_relations():
    units = [unit("a", "premise", 0), unit("b", "claim", 9), unit("c", "premise", 0, document="d2")]
    relations = [
        rel("r1", "supports", ("a",), "b", refers_to={"document": "d3", "read": False}),
        rel("r2", "supports", ("c",), "b"),
        rel("r3", "supports", ("a", "c"), "b", refers_to={}),
        rel("r4", "attacks", ("c",), "c"),
    ]
    r = Reading(META, units, relations, VOCAB, "")
    assert [x.id for x in r.external_references()] == ["r1"]
    assert [x.id for x in r.cross_document_relations()] == ["r2", "r3"]


def test_unknown_unit_and_unknown_type_are_key_errors_listing_what_exists(rx):
    with pytest.raises(KeyError) as caught:
        rx.unit("zz")
    assert caught.value.args[0] == "no unit 'zz' in rx; units: u1, u2, u3, u5, u4, u6, u7, u8, u9"
    with pytest.raises(KeyError) as caught:
        rx.units_of_type("axiom")
    assert (
        caught.value.args[0]
        == "no unit type 'axiom'; types: premise, claim, condition, conclusion, objection, rebuttal"
    )
    for query in (rx.relations_into, rx.relations_from, rx.withdraw):
        with pytest.raises(KeyError, match="no unit 'zz' in rx"):
            query("zz")


def test_relations_into_and_from_a_unit_by_role(rx):
    ids = lambda rels: [r.id for r in rels]  # noqa: E731
    assert rx.role(rx.relations["r4"]) == "condition"
    assert ids(rx.relations_into("u4")) == ["r2", "r3", "r4", "r5", "r9"]
    assert ids(rx.relations_into("u4", ("conflict",))) == ["r5"]
    assert ids(rx.relations_into("u4", ["condition"])) == ["r4", "r9"]
    assert ids(rx.relations_into("u4", [])) == []
    assert ids(rx.relations_from("u2")) == ["r3", "r7", "r8"]
    assert ids(rx.relations_from("u2", ("support",))) == ["r3", "r7"]
    assert ids(rx.relations_from("u2", ())) == []


def test_neighbours_and_units_of_a_type_in_text_order(rx):
    assert rx.neighbours("u4") == ["u2", "u3", "u5", "u6", "u9"]
    assert rx.neighbours("u2") == ["u1", "u4", "u7", "u8"]  # u1 shares relation r7 with it
    assert [u.id for u in rx.units_of_type("objection")] == ["u6", "u8"]


def test_supporters_and_attackers(rx):
    shown = lambda pairs: [(r.id, [u.id for u in units]) for r, units in pairs]  # noqa: E731
    assert shown(rx.supporters("u4")) == [("r2", ["u3"]), ("r3", ["u2"]), ("r4", ["u5"]), ("r9", ["u9"])]
    assert shown(rx.supporters("u7")) == [("r7", ["u1", "u2"])]
    assert shown(rx.attackers("u4")) == [("r5", ["u6"])]
    assert shown(rx.attackers("u6")) == [("r6", ["u7"])]
    assert shown(rx.attackers("u1")) == []


def test_what_a_unit_rests_on_and_the_starting_points(rx):
    assert rx.rests_on("u4") == ["u1", "u2", "u3", "u5", "u9"]  # conditions too, objections not
    assert rx.rests_on("u7") == ["u1", "u2"]
    assert rx.rests_on("u1") == []
    assert rx.unsupported() == ["u1", "u2", "u5", "u6", "u8", "u9"]


def test_a_unit_never_rests_on_itself_even_in_circular_data():
    r = Reading(
        META,
        [unit("a", "premise", 0), unit("b", "claim", 5)],
        [rel("r1", "supports", ("a",), "b"), rel("r2", "supports", ("b",), "a")],
        VOCAB,
        "",
    )
    assert r.rests_on("a") == ["b"]
    with pytest.raises(ValueError) as caught:
        r.standing()
    assert str(caught.value) == "rx: support runs in a circle; validate the data"


def test_everything_stands_when_nothing_is_withdrawn(rx):
    assert rx.standing() == frozenset(rx.units)
    w = rx.withdraw()
    assert (w.withdrawn, w.fallen, w.unanswered, w.standing, w.main_conclusion_falls) == (
        (),
        (),
        (),
        frozenset(rx.units),
        False,
    )


def test_a_support_is_one_sufficient_ground(rx):
    w = rx.withdraw("u1")  # u3 falls; u4 keeps its other ground u2; the rebuttal u7 needs both premises
    assert (w.withdrawn, w.fallen, w.unanswered, w.main_conclusion_falls) == (("u1",), ("u3", "u7"), ("u6",), False)
    assert w.standing == frozenset({"u2", "u4", "u5", "u6", "u8", "u9"})
    w = rx.withdraw("u2")  # u8 is only attacked by u2, never rebutted: not 'unanswered'
    assert (w.fallen, w.unanswered, w.main_conclusion_falls) == (("u7",), ("u6",), False)
    w = rx.withdraw("u1", "u2")
    assert (w.withdrawn, w.fallen, w.unanswered, w.main_conclusion_falls) == (
        ("u1", "u2"),
        ("u3", "u4", "u7"),
        ("u6",),
        True,
    )


def test_every_condition_is_necessary(rx):
    for condition in ("u5", "u9"):
        w = rx.withdraw(condition)
        assert (w.fallen, w.unanswered, w.main_conclusion_falls) == (("u4",), (), True), condition


def test_withdrawn_units_are_neither_fallen_nor_unanswered(rx):
    w = rx.withdraw("u7")
    assert (w.fallen, w.unanswered) == ((), ("u6",))
    w = rx.withdraw("u6", "u7")
    assert (w.fallen, w.unanswered, w.main_conclusion_falls) == ((), (), False)
    assert rx.withdraw("u4").main_conclusion_falls


def test_the_tables_of_units_relations_and_types(rx):
    based = Reading(
        META,
        [unit("a", "premise", 0, paragraph="p12", implicit=True, reconstruction="R.", origin="inherited")],
        [rel("r1", "supports", ("a", "b"), "c", origin="override")],
        VOCAB,
        "",
    )
    units = based.unit_table().reset_index().to_dict("records")
    assert units == [
        {
            "id": "a",
            "document": "d1",
            "paragraph": "¶12",
            "type": "premise",
            "label": "label a",
            "start": 0,
            "end": 4,
            "implicit": True,
            "statement": "R.",
            "origin": "inherited",
        }
    ]
    relations = based.relation_table().reset_index().to_dict("records")
    assert relations == [
        {
            "id": "r1",
            "type": "supports",
            "role": "support",
            "from": "a, b",
            "to": "c",
            "rationale": "why r1",
            "origin": "override",
        }
    ]
    small = Vocabulary({"premise": VOCAB.unit_types["premise"]}, {"attacks": VOCAB.relation_types["attacks"]}, "")
    assert small.table().reset_index().to_dict("records") == [
        {"kind": "unit", "type": "premise", "label": "Premise", "AIF": "I", "definition": "premise defined"},
        {"kind": "relation", "type": "attacks", "label": "Attacks", "AIF": "CA", "definition": "attacks defined"},
    ]


# ------------------------------------------------------------------ comparison
def _pair() -> tuple[Reading, Reading]:
    first = Reading(
        {**META, "id": "A", "main_conclusion": "u4"},
        [
            unit("u1", "premise", 0),
            unit("u2", "claim", 10, paragraph="p02"),
            unit("u3", "objection", 20, implicit=True, reconstruction="X."),
            unit("u4", "conclusion", 30),
            unit("u6", "premise", 40, paragraph="p05"),
        ],
        [
            rel("r1", "supports", ("u1",), "u2"),
            rel("r2", "supports", ("u2",), "u4"),
            rel("r3", "attacks", ("u3",), "u4"),
        ],
        VOCAB,
        "",
    )
    second = Reading(
        {**META, "id": "B", "main_conclusion": "u5"},
        [
            unit("u1", "premise", 0),
            Unit("u2", "premise", "p03", 10, 14, "qu2", "B's label", "other reason", document="d1"),
            unit("u3", "objection", 20, implicit=True, reconstruction="Y."),
            Unit("u4", "claim", "p01", 30, 35, "qu4 longer", "l", "r"),
            unit("u5", "conclusion", 12, paragraph="p04"),
        ],
        [
            Relation("r1", "supports", ("u1",), "u2", "another rationale"),
            rel("r2", "implements", ("u2",), "u4"),
            rel("r4", "supports", ("u5",), "u4"),
            rel("r5", "supports", ("u1", "u2"), "u4"),
        ],
        VOCAB,
        "",
    )
    return first, second


def test_comparing_two_readings_lists_every_unit_that_differs_in_span_order():
    first, second = _pair()
    c = compare_readings(first, second)
    assert (c.first, c.second, c.main_conclusions) == ("A", "B", ("u4", "u5"))
    assert c.changed_unit_ids == ["u2", "u5", "u3", "u4", "u6"]
    assert list(c.units.columns) == ["paragraph", "change", "type in A", "type in B", "label"]
    assert c.units.reset_index().to_dict("records") == [
        {
            "id": "u2",
            "paragraph": "¶3",
            "change": "type claim → premise",
            "type in A": "claim",
            "type in B": "premise",
            "label": "B's label",
        },
        {
            "id": "u5",
            "paragraph": "¶4",
            "change": "only in B",
            "type in A": "—",
            "type in B": "conclusion",
            "label": "label u5",
        },
        {
            "id": "u3",
            "paragraph": "¶1",
            "change": "reconstruction changed",
            "type in A": "objection",
            "type in B": "objection",
            "label": "label u3",
        },
        {
            "id": "u4",
            "paragraph": "¶1",
            "change": "type conclusion → claim; span 30–34 → 30–35",
            "type in A": "conclusion",
            "type in B": "claim",
            "label": "l",
        },
        {
            "id": "u6",
            "paragraph": "¶5",
            "change": "only in A",
            "type in A": "premise",
            "type in B": "—",
            "label": "label u6",
        },
    ]


def test_comparing_two_readings_lists_every_relation_that_differs():
    first, second = _pair()
    c = compare_readings(first, second)
    assert c.changed_relation_ids == ["r2", "r3", "r4", "r5"]  # r1 differs only in its rationale
    assert list(c.relations.columns) == ["change", "type", "from", "to", "rationale"]
    assert c.relations.reset_index().to_dict("records") == [
        {"id": "r2", "change": "redefined", "type": "implements", "from": "u2", "to": "u4", "rationale": "why r2"},
        {"id": "r3", "change": "only in A", "type": "attacks", "from": "u3", "to": "u4", "rationale": "why r3"},
        {"id": "r4", "change": "only in B", "type": "supports", "from": "u5", "to": "u4", "rationale": "why r4"},
        {"id": "r5", "change": "only in B", "type": "supports", "from": "u1, u2", "to": "u4", "rationale": "why r5"},
    ]


def test_a_relation_is_redefined_by_its_sources_or_its_target():
    base = Reading(
        META,
        [unit("a", "premise", 0), unit("b", "claim", 5), unit("c", "claim", 9)],
        [rel("r1", "supports", ("a",), "b"), rel("r2", "supports", ("a",), "b")],
        VOCAB,
        "",
    )
    other = Reading(
        {**META, "id": "ry"},
        [unit("a", "premise", 0), unit("b", "claim", 5), unit("c", "claim", 9)],
        [rel("r1", "supports", ("a", "c"), "b"), rel("r2", "supports", ("a",), "c")],
        VOCAB,
        "",
    )
    c = compare_readings(base, other)
    assert list(c.relations["change"]) == ["redefined", "redefined"] and c.changed_unit_ids == []


def test_a_unit_differs_by_its_start_or_its_end_alone():
    base = Reading(META, [unit("a", "premise", 0), Unit("b", "claim", "p01", 5, 9, "q", "l", "r")], [], VOCAB, "")
    other = Reading(
        {**META, "id": "ry"},
        [Unit("a", "premise", "p01", 1, 4, "qa", "l", "r"), Unit("b", "claim", "p01", 5, 8, "q", "l", "r")],
        [],
        VOCAB,
        "",
    )
    assert list(compare_readings(base, other).units["change"]) == ["span 0–4 → 1–4", "span 5–9 → 5–8"]


def test_a_reading_compared_with_itself_differs_nowhere(rx):
    c = compare_readings(rx, rx)
    assert c.changed_unit_ids == [] and c.changed_relation_ids == []
    assert list(c.units.columns) == ["paragraph", "change", "type in rx", "type in rx", "label"]
    assert c.main_conclusions == ("u4", "u4")


# ------------------------------------------------------------------ loading (the bundled data)
def test_loading_defaults_to_the_default_document_and_reading_a():
    from kernel_utils.store.documents import default_document

    doc = default_document()
    assert list_readings() == list_readings(doc) == ["reading-a", "reading-b", "reading-c"]
    assert load_vocabulary().description == load_vocabulary(doc).description
    vocabulary = load_vocabulary()
    supports = vocabulary.relation_types["supports"]
    assert (supports.id, supports.label, supports.role, supports.aif_type) == ("supports", "supports", "support", "RA")
    premise = vocabulary.unit_types["premise"]
    assert (premise.id, premise.label, premise.shape, premise.colour) == ("premise", "premise", "rect", "#56B4E9")
    assert premise.definition.startswith("A statement the telegram offers as given")
    assert vocabulary.description.startswith("The small vocabulary of the argument layer")
    assert supports.aif_text == "Default Inference" and supports.definition.startswith(
        "The source units, taken together"
    )
    assert load_reading().id == "reading-a" and load_reading(document=doc).document == doc


def test_an_unknown_reading_names_the_readings_there_are():
    with pytest.raises(KeyError) as caught:
        load_reading("reading-z", "frus1950v07-d1077")
    assert (
        caught.value.args[0] == "no reading 'reading-z' of frus1950v07-d1077; readings: reading-a, reading-b, reading-c"
    )


def test_a_document_without_an_argument_layer_has_no_reading():
    assert list_readings("frus1950v07-d1013") == []
    with pytest.raises(KeyError) as caught:
        load_reading("reading-a", "frus1950v07-d1013")
    assert caught.value.args[0] == "no reading 'reading-a' of frus1950v07-d1013; readings: "


def test_a_named_document_is_read_even_when_another_is_the_default(data_copy):
    """Every part of a reading (its list, vocabulary and text) comes from the document named, not the default."""
    from kernel_utils.store.documents import load_document

    edition = data_copy / "edition.json"
    edition.write_text(
        json.dumps({**json.loads(edition.read_text(encoding="utf-8")), "default_document": "frus1950v07-d1013"}),
        encoding="utf-8",
    )
    doc = "frus1950v07-d1077"
    assert list_readings() == [] and list_readings(doc) == ["reading-a", "reading-b", "reading-c"]
    a = load_reading("reading-a", doc)
    assert a.document == doc and a.text == load_document(doc).text
    assert set(a.vocabulary.unit_types) == set(load_vocabulary(doc).unit_types)


def test_a_loaded_unit_and_relation_keep_every_field():
    a = load_reading("reading-a")
    u = a.unit("a20")
    assert (u.type, u.paragraph, u.start, u.end, u.quote, u.implicit, u.origin, u.document) == (
        "anticipated_objection",
        "p04",
        2326,
        2337,
        "appeasement",
        True,
        "own",
        "frus1950v07-d1077",
    )
    assert u.reconstruction == "To discuss Korea with the Chinese Communists would be appeasement."
    assert u.label == "Talking would be appeasement" and u.rationale.startswith("Never stated in the telegram")
    assert a.text == load_reading("reading-b").text and "appeasement" in a.text[u.start : u.end]
    assert a.unit("a01").implicit is False and a.unit("a01").reconstruction is None
    b = load_reading("reading-b")
    assert (b.unit("a11").origin, b.unit("a01").origin, b.unit("b01").origin) == ("override", "inherited", "own")
    assert b.based_on == "reading-a" and a.based_on is None
    assert (b.relations["r01"].origin, b.relations["rb1"].origin) == ("inherited", "own")
    c = load_reading("reading-c")
    ref = c.relations["rc31"]
    assert (ref.type, ref.sources, ref.target, ref.origin) == ("supports", ("c21",), "c20", "own")
    assert ref.refers_to is not None and ref.refers_to["document"] == "frus1950v07-d1055"
    assert ref.rationale.startswith("By reference: the instruction defers to Deptel 916")
    assert c.unit("no-appeasement").document == "frus1950v07-d1013" and c.text_of(c.unit("no-appeasement")) != c.text


# =========================================================================== the checks
MEMO = "Memorandum by the Planning Staff\n\n1. Alpha beta gamma.\n\n2. Delta epsilon.\n\n3. Zeta eta [Page 4] theta."
OTHER = "Memorandum by the Secretary\n\n1. Omega first.\n\n2. Psi second."
FILE = "documents/d1/argument/reading-x.json"
CHECK_VOCAB = {
    "unit_types": [{"id": "premise"}, {"id": "claim"}, {"id": "conclusion"}, {"id": "objection"}, "junk"],
    "relation_types": [
        {"id": "supports", "role": "support"},
        {"id": "qualifies", "role": "condition"},
        {"id": "attacks", "role": "conflict"},
        {"id": "rebuts", "role": "conflict"},
        7,
    ],
}


def at(words: str, text: str = MEMO) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def u(uid: str, utype: str, words: str, paragraph: str, **more: Any) -> dict[str, Any]:
    start, end = at(words, OTHER if more.get("document") == "d2" else MEMO)
    return {"id": uid, "type": utype, "paragraph": paragraph, "start": start, "end": end, "quote": words, **more}


def r(rid: str, rtype: str, sources: list[str], target: str, **more: Any) -> dict[str, Any]:
    return {"id": rid, "type": rtype, "from": sources, "to": target, **more}


def reading(**changes: Any) -> dict[str, Any]:
    """A valid reading of MEMO: a premise (¶1) supports a claim (¶2) that supports the conclusion (¶3)."""
    data = {
        "id": "reading-x",
        "document": "d1",
        "coverage": "whole",
        "main_conclusion": "u3",
        "units": [
            u("u1", "premise", "Alpha", "p01"),
            u("u2", "claim", "Delta", "p02"),
            u("u3", "conclusion", "Zeta", "p03"),
        ],
        "relations": [r("r1", "supports", ["u1"], "u2"), r("r2", "supports", ["u2"], "u3")],
    }
    data.update(changes)
    return data


@pytest.fixture
def root(tmp_path: Path) -> Path:
    for doc, text in (("d1", MEMO), ("d2", OTHER)):
        (tmp_path / "documents" / doc / "argument").mkdir(parents=True)
        (tmp_path / "documents" / doc / "text.txt").write_text(text, encoding="utf-8")
    (tmp_path / "documents" / "d1" / "argument" / "vocabulary.json").write_text(
        json.dumps(CHECK_VOCAB), encoding="utf-8"
    )
    return tmp_path


def problems(root: Path, data: dict[str, Any], file: str = FILE, **others: Any) -> list[tuple[str, str, str, str]]:
    """The problems check_reading finds (record, field, expected, found); ``others`` are more
    readings of d1 written beside it (by id)."""
    for name, other in others.items():
        (root / "documents" / "d1" / "argument" / f"{name}.json").write_text(json.dumps(other), encoding="utf-8")
    found = list(check_reading(data, CheckContext(root, file)))
    assert all(p.file == file for p in found)
    return [(p.record, p.field, p.expected, p.found) for p in found]


NOT_REACHED = (
    "",
    "main_conclusion",
    "a unit reached from at least one premise through supports, qualifies or implements relations",
    "'u3', which no premise reaches",
)


def test_the_small_pieces():
    assert argument_dir("d1") == "documents/d1/argument"
    assert INFERENCE_ROLES == ("support", "condition")
    assert [p.id for p in _paragraphs(MEMO)] == ["p01", "p02", "p03"]
    assert _paragraphs("   ") == []  # unparseable: the document's own check reports it


def test_a_valid_reading_has_no_problem(root):
    assert problems(root, reading()) == []
    part = reading(coverage="part", units=reading()["units"][:2] + [u("u3", "conclusion", "Delta epsilon", "p02")])
    assert problems(root, part) == []


def test_the_file_is_named_after_the_readings_id(root):
    expected = (
        "",
        "id",
        "the file's own name without .json (a reading with id 'reading-x' lives in reading-x.json)",
        "'reading-x'",
    )
    assert problems(root, reading(), "documents/d1/argument/reading-y.json") == [expected]
    assert problems(root, reading(), "documents/d1/argument/my-reading-x.json") == [expected]


def test_a_reading_of_a_document_without_text_stops_at_once(root):
    broken = reading(document="d9", main_conclusion="zz")
    assert problems(root, broken, "documents/d9/argument/reading-x.json") == [
        ("", "document", "a bundled document whose text can be read", "'d9'")
    ]


@pytest.mark.parametrize(
    "vocabulary",
    [["not", "a", "dict"], {"unit_types": {}, "relation_types": []}, {"unit_types": [], "relation_types": None}],
    ids=["list", "unit-types-not-a-list", "relation-types-not-a-list"],
)
def test_a_reading_without_a_readable_vocabulary_stops_at_once(root, vocabulary):
    (root / "documents" / "d1" / "argument" / "vocabulary.json").write_text(json.dumps(vocabulary), encoding="utf-8")
    assert problems(root, reading(main_conclusion="zz")) == [
        ("", "document", "a readable vocabulary at data/documents/d1/argument/vocabulary.json", "none")
    ]


def test_a_unit_type_comes_from_the_vocabulary(root):
    data = reading()
    data["units"][1]["type"] = "axiom"
    assert problems(root, data) == [
        ("'u2'", "type", "a unit type of vocabulary.json (premise, claim, conclusion, objection)", "'axiom'")
    ]


def test_unit_and_relation_ids_are_unique(root):
    data = reading(
        units=reading()["units"] + [u("u1", "premise", "Alpha", "p01")],
        relations=reading()["relations"] + [r("r1", "supports", ["u1"], "u2")],
    )
    assert problems(root, data) == [
        ("#4", "id", "a unique unit id", "'u1' again (first used by unit #1)"),
        ("#3", "id", "a unique relation id", "'r1' again (first used by relation #1)"),
    ]


def test_a_quote_that_does_not_match_is_reported_once(root):
    data = reading()
    data["units"][0]["quote"] = "Alpho"
    found = problems(root, data)
    assert [(rec, fld) for rec, fld, _, _ in found] == [("'u1'", "quote")]


def test_a_span_lies_inside_one_paragraph(root):
    crossing = ("'u1'", "start/end", "a span inside one paragraph of the body")
    for words in ("1. Alpha beta gamma.", "Alpha"):  # the whole paragraph, exactly, is inside it
        data = reading()
        data["units"][0] = u("u1", "premise", words, "p01")
        assert problems(root, data) == [], words
    for words in ("\n1. Alpha beta gamma.", "1. Alpha beta gamma.\n", "gamma.\n\n2. Delta"):
        data = reading()
        data["units"][0] = u("u1", "premise", words, "p01")
        start, end = at(words)
        assert problems(root, data) == [(*crossing, f"{start}–{end}, which is not inside one paragraph")], words


def test_a_unit_names_the_paragraph_that_holds_it(root):
    data = reading()
    data["units"][0]["paragraph"] = "p02"
    start, end = at("Alpha")
    assert problems(root, data) == [
        ("'u1'", "paragraph", f"'p01' (the paragraph that holds {start}–{end})", "'p02'"),
        ("", "units", "at least one unit in every paragraph (coverage 'whole')", "no unit in p01 (¶1)"),
    ]


@pytest.mark.parametrize(
    "fields, found",
    [
        ({"implicit": True}, "implicit without a reconstruction"),
        ({"reconstruction": "Said."}, "a reconstruction on a unit not marked implicit"),
        ({"implicit": False, "reconstruction": "Said."}, "a reconstruction on a unit not marked implicit"),
        ({"implicit": True, "reconstruction": "Said."}, None),
        ({"implicit": False}, None),
    ],
)
def test_a_reconstruction_exactly_when_implicit(root, fields, found):
    data = reading()
    data["units"][1].update(fields)
    expected = (
        []
        if found is None
        else [("'u2'", "reconstruction", "a reconstruction exactly when the unit is implicit (implicit: true)", found)]
    )
    assert problems(root, data) == expected


def test_a_unit_in_another_document_is_checked_against_that_documents_text(root):
    other = u("o1", "premise", "Psi", "p02", document="d2")
    data = reading(
        units=reading()["units"] + [other], relations=reading()["relations"] + [r("r3", "supports", ["o1"], "u3")]
    )
    assert problems(root, data) == []
    second = u("o2", "premise", "Omega", "p01", document="d2")
    data = reading(
        units=reading()["units"] + [other, second],
        relations=reading()["relations"] + [r("r3", "supports", ["o1", "o2"], "u3")],
    )
    assert problems(root, data) == []
    data["units"][3]["paragraph"] = "p01"
    start, end = at("Psi", OTHER)
    assert problems(root, data) == [("'o1'", "paragraph", f"'p02' (the paragraph that holds {start}–{end})", "'p01'")]
    data["units"][3]["document"] = "d9"
    assert problems(root, data) == [("'o1'", "document", "a bundled document whose text can be read", "'d9'")]


def test_units_of_another_document_do_not_cover_the_readings_own_paragraphs(root):
    data = reading(
        units=[
            u("u1", "premise", "Alpha", "p01"),
            u("o2", "claim", "Psi", "p02", document="d2"),
            u("u3", "conclusion", "Zeta", "p03"),
        ],
        relations=[r("r1", "supports", ["u1"], "o2"), r("r2", "supports", ["o2"], "u3")],
    )
    assert problems(root, data) == [
        ("", "units", "at least one unit in every paragraph (coverage 'whole')", "no unit in p02 (¶2)")
    ]
    data["coverage"] = "part"
    assert problems(root, data) == []


# ------------------------------------------------------------------ the base reading
def based(**changes: Any) -> dict[str, Any]:
    """A valid reading based on reading-x: it inherits u1, u2 and r1 and adds its own conclusion."""
    data = reading(
        id="reading-y",
        based_on="reading-x",
        inherits={"units": ["u1", "u2"], "relations": ["r1"]},
        units=[u("y3", "conclusion", "Zeta eta", "p03")],
        relations=[r("ry2", "supports", ["u2"], "y3")],
        main_conclusion="y3",
    )
    data.update(changes)
    return data


FILE_Y = "documents/d1/argument/reading-y.json"


def test_a_valid_based_reading_has_no_problem(root):
    assert problems(root, based(), FILE_Y, **{"reading-x": reading()}) == []


def test_inherits_needs_based_on(root):
    data = reading(inherits={"units": ["u1"], "relations": []})
    data["relations"][0]["type"] = "causes"  # not reported: the check stops
    assert problems(root, data) == [
        (
            "",
            "inherits",
            "inherits only together with based_on (the reading it inherits from)",
            "inherits without based_on",
        )
    ]
    assert problems(root, reading(inherits={}, based_on="")) == []  # an empty inherits says nothing


def test_a_reading_is_not_based_on_itself(root):
    data = based(based_on="reading-y")
    assert problems(root, data, FILE_Y) == [("", "based_on", "another reading of the same document", "'reading-y'")]


def test_the_base_reading_must_be_readable(root):
    assert problems(root, based(based_on="reading-q"), FILE_Y) == [
        ("", "based_on", "a readable reading at data/documents/d1/argument/reading-q.json", "'reading-q'")
    ]
    assert problems(root, based(), FILE_Y, **{"reading-x": ["a", "list"]}) == [
        ("", "based_on", "a readable reading at data/documents/d1/argument/reading-x.json", "'reading-x'")
    ]


def test_one_level_of_inheritance(root):
    assert problems(root, based(), FILE_Y, **{"reading-x": reading(based_on="reading-w")}) == [
        ("", "based_on", "a reading that is not itself based on another (one level of inheritance)", "'reading-x'")
    ]


def test_what_is_inherited_exists_in_the_base_and_is_not_redefined(root):
    data = based(
        inherits={"units": ["u1", "zz", "u2"], "relations": ["r9", "r1"]},
        units=[u("u2", "claim", "Delta", "p02"), u("y3", "conclusion", "Zeta eta", "p03")],
        relations=[r("r1", "supports", ["u1"], "u2"), r("ry2", "supports", ["u2"], "y3")],
    )
    assert problems(root, data, FILE_Y, **{"reading-x": reading()}) == [
        ("", "inherits.units.1", "the id of a unit of reading-x", "'zz', which reading-x does not define"),
        ("'u2'", "id", "a unit either inherited or redefined, not both", "'u2' both in inherits.units and in units"),
        ("", "inherits.relations.0", "the id of a relation of reading-x", "'r9', which reading-x does not define"),
        (
            "'r1'",
            "id",
            "a relation either inherited or redefined, not both",
            "'r1' both in inherits.relations and in relations",
        ),
    ]


def test_a_based_reading_may_inherit_nothing(root):
    data = based(
        inherits=None,
        units=[
            u("u1", "premise", "Alpha", "p01"),
            u("u2", "claim", "Delta", "p02"),
            u("y3", "conclusion", "Zeta eta", "p03"),
        ],
        relations=[r("r1", "supports", ["u1"], "u2"), r("ry2", "supports", ["u2"], "y3")],
    )
    base = reading(units=[{"id": 5}, *reading()["units"]])
    assert problems(root, data, FILE_Y, **{"reading-x": base}) == []


# ------------------------------------------------------------------ relations
def test_a_base_reading_without_relations_lends_only_units(root):
    base = {k: v for k, v in reading().items() if k != "relations"}
    data = based(
        inherits={"units": ["u1", "u2"], "relations": []},
        relations=[r("ry1", "supports", ["u1"], "u2"), r("ry2", "supports", ["u2"], "y3")],
    )
    assert problems(root, data, FILE_Y, **{"reading-x": base}) == []


def test_a_relation_without_ends_misses_its_target(root):
    data = reading()
    data["relations"].append({"id": "r3", "type": "supports"})
    assert problems(root, data) == [("'r3'", "to", "the id of a unit of this reading (e.g. u1, u2, u3)", "None")]


def test_a_relation_type_comes_from_the_vocabulary(root):
    data = reading()
    data["relations"][1]["type"] = "causes"  # and so the conclusion is no longer reached
    assert problems(root, data) == [
        ("'r2'", "type", "a relation type of vocabulary.json (supports, qualifies, attacks, rebuts)", "'causes'"),
        NOT_REACHED,
    ]


def test_a_relations_ends_are_units_of_the_reading(root):
    data = reading()
    data["relations"][0] = r("r1", "supports", ["u1", "zz"], "yy")
    data["main_conclusion"] = "u2"  # not reported either way: the map is not checked with an end missing
    assert problems(root, data) == [
        ("'r1'", "from.1", "the id of a unit of this reading (e.g. u1, u2, u3)", "'zz'"),
        ("'r1'", "to", "the id of a unit of this reading (e.g. u1, u2, u3)", "'yy'"),
    ]


def test_a_missing_end_shows_at_most_six_units(root):
    words = [
        ("u1", "Alpha", "p01"),
        ("u4", "beta", "p01"),
        ("u5", "gamma", "p01"),
        ("u2", "Delta", "p02"),
        ("u6", "epsilon", "p02"),
        ("u3", "Zeta", "p03"),
        ("u7", "theta", "p03"),
    ]
    six = reading(units=[u(i, "premise", w, p) for i, w, p in words[:6]], relations=[r("r1", "supports", ["zz"], "u3")])
    assert problems(root, six) == [
        ("'r1'", "from.0", "the id of a unit of this reading (e.g. u1, u4, u5, u2, u6, u3)", "'zz'")
    ]
    seven = reading(units=[u(i, "premise", w, p) for i, w, p in words], relations=[r("r1", "supports", ["zz"], "u3")])
    assert problems(root, seven) == [
        ("'r1'", "from.0", "the id of a unit of this reading (e.g. u1, u4, u5, u2, u6, u3 …)", "'zz'")
    ]


def test_a_based_readings_relation_ends_are_defined_or_inherited(root):
    data = based(inherits={"units": ["u2"], "relations": ["r1"]}, relations=[r("ry2", "supports", ["u2"], "y4")])
    assert problems(root, data, FILE_Y, **{"reading-x": reading()}) == [
        (
            "'r1' (inherited from reading-x)",
            "from.0",
            "the id of a unit that reading-y defines or inherits",
            "'u1', which reading-y neither defines nor inherits",
        ),
        (
            "'ry2'",
            "to",
            "the id of a unit that reading-y defines or inherits",
            "'y4', which reading-y neither defines nor inherits",
        ),
    ]


def test_a_reference_that_was_read_names_a_bundled_document(root):
    for ref, expected in [
        (
            {"document": "d7", "read": True},
            [("'r1'", "refers_to.document", "a bundled document when 'read' is true (else 'read': false)", "'d7'")],
        ),
        ({"document": "d7", "read": False}, []),
        ({"document": "d2", "read": True}, []),
        ("d7", []),
    ]:
        data = reading()
        data["relations"][0]["refers_to"] = ref
        assert problems(root, data) == expected, ref


def test_a_relations_target_is_not_among_its_sources(root):
    data = reading()
    data["relations"][0] = r("r1", "attacks", ["u1", "u2"], "u2")
    data["relations"].append(r("r3", "supports", ["u1"], "u2"))
    assert problems(root, data) == [("'r1'", "to", "a target that is not also one of the relation's sources", "'u2'")]


def test_a_relations_sources_are_each_named_once(root):
    data = reading()
    data["relations"][0] = r("r1", "supports", ["u1", "u1"], "u2")
    assert problems(root, data) == [("'r1'", "from", "each source unit once", "['u1', 'u1']")]


# ------------------------------------------------------------------ the map as a whole
def test_the_main_conclusion_is_a_unit_of_the_reading(root):
    data = reading(
        main_conclusion="zz", units=reading()["units"][:2], relations=reading()["relations"][:1]
    )  # ¶3 uncovered: not reported
    assert problems(root, data) == [("", "main_conclusion", "the id of a unit of reading-x", "'zz'")]


def test_support_never_runs_in_a_circle(root):
    data = reading()
    data["relations"].append(r("r3", "qualifies", ["u3"], "u1"))
    data["units"].append(u("u4", "premise", "gamma", "p01"))  # an orphan, not reported after the cycle
    assert problems(root, data) == [
        (
            "'r3'",
            "from",
            "supports, qualifies and implements relations that never lead back to where they start (no cycle)",
            "the cycle u1 → u2 → u3 → u1 (relations r1, r2, r3)",
        )
    ]
    data["relations"][-1]["type"] = "rebuts"
    assert problems(root, data) == [
        ("'u4'", "id", "a unit joined to the map by at least one relation", "a unit no relation mentions (an orphan)")
    ]


def test_an_inherited_orphan_says_where_it_comes_from(root):
    base = reading(
        units=reading()["units"] + [u("u4", "premise", "gamma", "p01")],
        relations=reading()["relations"] + [r("r4", "supports", ["u4"], "u2")],
    )
    data = based(inherits={"units": ["u1", "u2", "u4"], "relations": ["r1"]})
    assert problems(root, data, FILE_Y, **{"reading-x": base}) == [
        (
            "'u4' (inherited from reading-x)",
            "id",
            "a unit joined to the map by at least one relation",
            "a unit no relation mentions (an orphan)",
        )
    ]


def test_the_main_conclusion_is_a_conclusion(root):
    data = reading(main_conclusion="u2")
    assert problems(root, data) == [("", "main_conclusion", "a unit of type 'conclusion'", "'u2', of type 'claim'")]


def test_the_main_conclusion_is_reached_from_a_premise(root):
    data = reading()
    data["relations"][0]["type"] = "attacks"
    assert problems(root, data) == [NOT_REACHED]
    data["relations"][0]["type"] = "qualifies"
    assert problems(root, data) == []
    data["units"][0]["type"] = "claim"
    assert problems(root, data) == [NOT_REACHED]


def test_reached_from_premises_follows_inference_edges_only_forward():
    units = {
        "p": {"type": "premise"},
        "a": {"type": "claim"},
        "b": {"type": "claim"},
        "c": {"type": "claim"},
        "d": {"type": "claim"},
        "q": {"type": "premise"},
    }
    edges = [("p", "a", "r1"), ("a", "b", "r2"), ("c", "p", "r3"), ("b", "a", "r4"), ("c", "d", "r5")]
    assert _reached_from_premises(units, edges) == {"p", "q", "a", "b"}  # c and d: not from a premise
    assert _reached_from_premises({"a": {}}, [("a", "a", "r")]) == set()


def test_find_cycle_returns_only_the_edges_on_the_cycle():
    assert _find_cycle(["a", "b", "c"], [("a", "b", "r1"), ("b", "c", "r2"), ("c", "b", "r3")]) == [
        ("b", "c", "r2"),
        ("c", "b", "r3"),
    ]
    assert _find_cycle(["a", "b"], [("a", "b", "r1"), ("a", "b", "r2")]) is None  # two edges, same direction
    assert _find_cycle([], [("a", "b", "r1"), ("b", "a", "r2")]) is None  # only from the units listed
    assert _find_cycle(["b", "a"], [("a", "b", "r1"), ("b", "a", "r2")]) == [("b", "a", "r2"), ("a", "b", "r1")]
    assert _find_cycle(["a", "b"], [("a", "b", "r1"), ("b", "b", "r2")]) == [
        ("b", "b", "r2")
    ]  # not the edge that led there


# ------------------------------------------------------------------ resolving and the vocabulary's own check
def test_resolving_a_reading_gives_each_unit_and_relation_its_origin():
    base = {"units": [{"id": "a"}, {"id": "b"}, {"id": 3}, "junk"], "relations": [{"id": "r1"}, {"id": "r2"}, ["junk"]]}
    data = {
        "units": [{"id": "b", "new": True}, {"id": "c"}, {"no": "id"}],
        "relations": [{"id": "r2", "new": True}, {"id": "r3"}, "junk"],
        "inherits": {"units": ["a", "zz"], "relations": ["r1", "r9"]},
    }
    units, rels, unit_origin, rel_origin = resolve_reading(data, base)
    assert units == {"a": {"id": "a"}, "b": {"id": "b", "new": True}, "c": {"id": "c"}}
    assert rels == {"r1": {"id": "r1"}, "r2": {"id": "r2", "new": True}, "r3": {"id": "r3"}}
    assert unit_origin == {"a": "inherited", "b": "override", "c": "own"}
    assert rel_origin == {"r1": "inherited", "r2": "override", "r3": "own"}
    alone = resolve_reading({"units": [{"id": "b"}], "relations": [{"id": "r2"}], "inherits": None}, None)
    assert alone == ({"b": {"id": "b"}}, {"r2": {"id": "r2"}}, {"b": "own"}, {"r2": "own"})
    assert resolve_reading({}, {"units": [{"id": "a"}]}) == ({}, {}, {}, {})
    assert resolve_reading({"inherits": {"units": ["a"], "relations": []}}, {"units": [{"id": "a"}]})[2] == {
        "a": "inherited"
    }
    # a base or an inherits that lacks a list holds nothing of that kind
    only_units = resolve_reading({"inherits": {"units": ["a"]}}, {"units": [{"id": "a"}]})
    assert only_units == ({"a": {"id": "a"}}, {}, {"a": "inherited"}, {})
    only_relations = resolve_reading(
        {"inherits": {"relations": ["r1"]}, "units": [{"id": "a"}]}, {"relations": [{"id": "r1"}]}
    )
    assert only_relations == ({"a": {"id": "a"}}, {"r1": {"id": "r1"}}, {"a": "own"}, {"r1": "inherited"})


def test_the_vocabulary_has_unique_ids_and_no_id_for_both_kinds():
    vocabulary = {
        "unit_types": [{"id": "premise"}, {"id": "claim"}, {"id": "premise"}, {"id": "red"}],
        "relation_types": [{"id": "supports"}, {"id": "red"}, {"id": "claim"}, {"id": "supports"}],
    }
    found = [
        (p.file, p.record, p.field, p.expected, p.found)
        for p in _check_vocabulary(vocabulary, CheckContext(Path("/nowhere"), "v.json"))
    ]
    assert found == [
        ("v.json", "#3", "id", "a unique unit type id", "'premise' again (first used by unit type #1)"),
        ("v.json", "#4", "id", "a unique relation type id", "'supports' again (first used by relation type #1)"),
        ("v.json", "'claim'", "id", "unit types and relation types with different ids", "'claim' used for both"),
        ("v.json", "'red'", "id", "unit types and relation types with different ids", "'red' used for both"),
    ]
