"""Relations between units in different documents: reading C of 602, grounded in the exchange."""

from __future__ import annotations

import copy
import json

import pytest

from kernel_utils import from_aif, load_document, load_reading, to_aif, to_argdown
from kernel_utils.layers.argument.export import reading_to_json
from kernel_utils.layers.argument.checks import check_reading as _check_reading
from kernel_utils.store.paths import data_dir
from kernel_utils.store.validation import CheckContext

FILE = "documents/frus1950v07-d1077/argument/reading-c.json"


@pytest.fixture(scope="module")
def c():
    return load_reading("reading-c")


def _raw() -> dict:
    return json.loads((data_dir() / FILE).read_text(encoding="utf-8"))


def _problems(data: dict) -> list:
    return list(_check_reading(data, CheckContext(root=data_dir(), file="data/" + FILE)))


def test_reading_c_joins_602_to_the_documents_it_answers(c):
    assert c.documents[0] == "frus1950v07-d1077" and len(c.documents) >= 6
    crossing = {r.id: r for r in c.cross_document_relations()}
    ends = {(c.units[r.sources[0]].document, c.units[r.target].document) for r in crossing.values()}
    assert ("frus1950v07-d970", "frus1950v07-d1077") in ends      # 602 answering Delga 369
    assert ("frus1950v07-d1068", "frus1950v07-d1077") in ends     # the 'trap' objection of Delga 448 against 602's aim
    assert ("frus1950v07-d1055", "frus1950v07-d1077") in ends     # Deptel 916 ¶4, read in part, behind 602's last paragraph
    (ref,) = c.external_references()
    assert ref.refers_to["document"] == "frus1950v07-d1055" and "in part" in ref.refers_to["note"]


def test_every_unit_quotes_its_own_document_exactly(c):
    for u in c.units.values():
        assert load_document(u.document).text[u.start:u.end] == u.quote, u.id
        assert c.text_of(u)[u.start:u.end] == u.quote


def test_the_real_reading_is_valid_and_broken_copies_are_refused():
    assert _problems(_raw()) == []
    bad = _raw()
    unit = next(u for u in bad["units"] if u.get("document") == "frus1950v07-d1068")
    unit["quote"] = unit["quote"].upper()
    problems = _problems(bad)
    assert [(p.record, p.field) for p in problems] == [(f"'{unit['id']}'", "quote")]
    wrong_doc = _raw()
    unit = next(u for u in wrong_doc["units"] if u.get("document") == "frus1950v07-d970")
    unit["document"] = "frus1950v07-d1068"     # same offsets, another document: the words are not there
    assert [p.field for p in _problems(wrong_doc)] == ["quote"]
    missing = _raw()
    missing["relations"][0]["to"] = "no-such-unit"
    assert any(p.field == "to" for p in _problems(missing))
    unbundled = _raw()
    unit = next(u for u in unbundled["units"] if u.get("document"))
    unit["document"] = "frus1950v07-d9999"
    assert any(p.field == "document" for p in _problems(unbundled))


def test_aif_round_trip_keeps_cross_document_units_and_references(c):
    aif = to_aif(c)
    restored = from_aif(json.loads(json.dumps(aif)))
    assert restored == reading_to_json(c)
    foreign = [u for u in restored["units"] if "document" in u]
    assert {u["document"] for u in foreign} >= {"frus1950v07-d970", "frus1950v07-d1068", "frus1950v07-d1055"}
    assert any("refers_to" in r for r in restored["relations"])
    tampered = copy.deepcopy(aif)
    node = next(n for n in tampered["nodes"] if n["type"] == "I" and tampered["edition"]["units"][n["nodeID"]].get("document"))
    node["text"] = "something else"
    with pytest.raises(ValueError, match=node["nodeID"]):
        from_aif(tampered)


def test_argdown_says_what_it_can_of_documents(c):
    text = to_argdown(c)
    assert f"# frus1950v07-d970, paragraph {c.units['wu-demands'].number}" in text
    assert "#(cross-document)" in text and "crosses documents: frus1950v07-d970, frus1950v07-d1077" in text
    assert "// rc31 rests by reference on frus1950v07-d1055" in text


def test_withdrawing_a_document_of_the_exchange(c):
    w = c.withdraw("wu-demands")
    assert "c12" in w.fallen and not w.main_conclusion_falls
    assert c.withdraw("c01", "c02", "c07", "c08", "c09", "c16", "line-590").main_conclusion_falls


def test_units_in_other_documents_are_never_paired_with_units_of_602(c):
    from kernel_utils.layers.teaching.compare import marked_characters, match_units

    a = load_reading("reading-a")
    pairs = match_units(c, a, threshold=0.01)
    assert pairs and all(c.units[x].document == "frus1950v07-d1077" for x, _, _ in pairs)
    own = {i for u in c.units.values() if u.document == c.document for i in range(u.start, u.end)}
    assert marked_characters(c) == own
