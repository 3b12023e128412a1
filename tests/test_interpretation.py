"""The interpretive layer: hypotheses (quotes exact, argued both ways), the tally, the policy-turn narrative, scholarship."""

from __future__ import annotations

import copy
import json

import pytest

from kernel_utils import list_documents, load_document
from kernel_utils.__main__ import main
from kernel_utils.layers.interpretation.hypotheses import Evidence, Hypothesis, check_hypotheses, load_hypotheses, tally
from kernel_utils.layers.interpretation.literature import further_reading, load_open_questions, load_scholarship
from kernel_utils.layers.interpretation.policy_turn import citation_problems, load_policy_turn
from kernel_utils.store.paths import data_dir
from kernel_utils.store.validation import CheckContext, validate_paths

WEIGHTS = {"strong": 3, "moderate": 2, "weak": 1}


def _ev(i: str, stance: str, weight: str, doc: str = "doc-a") -> Evidence:
    return Evidence(i, doc, 0, 1, "x", stance, weight, "made up")


def _hyp(*items: Evidence) -> Hypothesis:
    return Hypothesis("h", "Made up", "A made-up hypothesis.", tuple(items), (), ())


# ----------------------------------------------------------------------------- the tally (made-up cases)
def test_tally_adds_weights_for_and_against():
    h = _hyp(_ev("a", "for", "strong"), _ev("b", "for", "weak"), _ev("c", "against", "moderate"))
    t = tally(h, WEIGHTS)
    assert (t.for_items, t.for_weight, t.against_items, t.against_weight, t.balance) == (2, 4, 1, 2, 2)
    assert "leans for" in t.verdict


def test_tally_of_a_selection_and_its_edge_cases():
    h = _hyp(_ev("a", "for", "strong"), _ev("c", "against", "moderate"), _ev("d", "against", "weak"))
    assert tally(h, WEIGHTS, ["c", "d"]).verdict.startswith("Only evidence against")
    assert tally(h, WEIGHTS, ["a"]).verdict.startswith("Only evidence for")
    assert tally(h, WEIGHTS, []).verdict.startswith("No evidence")
    assert tally(h, WEIGHTS, ["a", "d"]).balance == 2
    assert "evenly balanced" in tally(h, WEIGHTS, ["a", "c", "d"]).verdict
    assert "leans against" in tally(_hyp(_ev("a", "for", "weak"), _ev("b", "against", "strong")), WEIGHTS).verdict
    with pytest.raises(KeyError, match="no evidence 'zz'"):
        tally(h, WEIGHTS, ["zz"])
    with pytest.raises(KeyError, match="not on the scale"):
        tally(_hyp(_ev("a", "for", "enormous")), WEIGHTS)


# ----------------------------------------------------------------------------- the real hypotheses
@pytest.fixture(scope="module")
def hyps():
    return load_hypotheses()


def test_every_evidence_quote_is_the_text_at_its_offsets(hyps):
    bundled = set(list_documents())
    for h in hyps.hypotheses:
        for e in h.evidence:
            assert e.document in bundled, e.id
            assert load_document(e.document).text[e.start:e.end] == e.quote, e.id


def test_each_hypothesis_is_argued_both_ways_from_two_documents(hyps):
    assert len(hyps.hypotheses) >= 3
    for h in hyps.hypotheses:
        stances = {e.stance for e in h.evidence}
        assert stances == {"for", "against"}, h.id
        assert len({e.document for e in h.evidence if e.stance == "for"} | {e.document for e in h.evidence if e.stance == "against"}) >= 2
        assert all(e.note and e.weight in hyps.weights for e in h.evidence)
        assert h.deciding_evidence and h.unknowns
    assert "interpretation" in hyps.interpretation


def test_cli_prints_the_hypotheses_as_json(capsys):
    assert main(["hypotheses", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) >= 3
    for h in data:
        assert {"id", "statement", "evidence", "interpretation"} <= set(h)
        for e in h["evidence"]:
            assert {"document", "start", "end", "quote", "stance", "note"} <= set(e)
            assert e["stance"] in ("for", "against")


def _raw() -> dict:
    return json.loads((data_dir() / "interpretation/hypotheses.json").read_text(encoding="utf-8"))


def _problems(data: dict) -> list:
    return list(check_hypotheses(data, CheckContext(root=data_dir(), file="data/interpretation/hypotheses.json")))


def test_the_checks_refuse_a_wrong_quote_a_one_sided_and_a_one_document_hypothesis():
    assert _problems(_raw()) == []
    bad = _raw()
    bad["hypotheses"][0]["evidence"][0]["quote"] = "words the telegram does not have"
    assert [p.field for p in _problems(bad)] == ["quote"]
    one_sided = _raw()
    h = one_sided["hypotheses"][1]
    h["evidence"] = [e for e in h["evidence"] if e["stance"] == "for"]
    assert any("stance 'against'" in p.expected for p in _problems(one_sided))
    one_doc = _raw()
    h = one_doc["hypotheses"][2]
    first = h["evidence"][0]["document"]
    h["evidence"] = [e for e in h["evidence"] if e["document"] == first] + [dict(copy.deepcopy(h["evidence"][0]), id="dup", stance="against")]
    assert any("two different documents" in p.expected for p in _problems(one_doc))


# ----------------------------------------------------------------------------- the policy turn
def test_every_sentence_and_step_cites_an_existing_event_or_document():
    events = {e["id"] for e in json.loads((data_dir() / "timeline/events.json").read_text(encoding="utf-8"))["events"]}
    documents = set(list_documents())
    turn = load_policy_turn()
    assert len(turn.sentences) >= 10
    for record in (*turn.sentences, *turn.steps):
        assert record.events or record.documents, record.id
        assert set(record.events) <= events, record.id
        assert set(record.documents) <= documents, record.id
    table = turn.steps_table()
    assert list(table.columns)[:5] == ["when", "step", "stated objective", "the line", "conditions for talks"]
    assert list(table["when"]) == sorted(table["when"])


def test_citation_check_made_up_cases():
    records = [{"id": "s1", "events": [], "documents": []}, {"id": "s2", "events": ["nope"], "documents": ["doc-x"]},
               {"id": "s3", "events": ["e1"], "documents": []}]
    problems = list(citation_problems(records, what="sentence", file="f.json", event_ids={"e1"}, document_ids={"doc-a"}))
    assert [(p.record, p.field) for p in problems] == [("sentence 's1'", "events/documents"), ("sentence 's2'", "events.0"), ("sentence 's2'", "documents.0")]


def test_the_narrative_quotes_602_on_the_retreat_from_unification_by_force():
    turn = load_policy_turn()
    text = load_document("frus1950v07-d1077").text
    quote = "Neither we nor the United Nations were committed to bring it about by whatever force would be required"
    assert quote in text and any(quote in s.text for s in turn.sentences)


# ----------------------------------------------------------------------------- scholarship and open questions
def test_scholarship_is_cited_only_from_what_was_read():
    works = load_scholarship()
    assert works and all(w.verified_from and all(v["url"].startswith("http") and v["evidence"] for v in w.verified_from) for w in works)
    read = [w for w in works if w.read]
    assert read and all(p["url"] and p["what"] and p["quote"] for w in read for p in w.passages)
    assert [w.id for w in further_reading(works)] == [w.id for w in works if not w.passages]


def test_open_questions_say_what_would_answer_them():
    qs = load_open_questions()
    assert any("916" in q.question for q in qs)
    assert all(q.answer_would_come_from and q.held in ("yes", "partly", "no") for q in qs)


def test_the_interpretation_files_validate():
    files = sorted((data_dir() / "interpretation").glob("*.json"))
    assert len(files) == 4
    assert validate_paths(files) == []


# ----------------------------------------------------------------------------- the explorer
def test_explorer_switches_evidence_and_the_tally_follows():
    from kernel_utils import HypothesisExplorer

    x = HypothesisExplorer()
    h = x.hypothesis
    full = tally(h, x.data.weights)
    against = [e.id for e in h.evidence if e.stance == "against"]
    shown = x.switch(against).data
    assert "Only evidence for" in shown and f"summed weight {full.for_weight}" in shown
    x.switch(against, on=True)
    assert x.on == [e.id for e in h.evidence]
    other = x.data.hypotheses[-1].id
    assert x.choose(other) and x.hypothesis.id == other and set(x.boxes) == {e.id for e in x.hypothesis.evidence}


def test_tally_table_and_evidence_by_document(hyps):
    table = hyps.tally_table()
    assert list(table.index) == [h.id for h in hyps.hypotheses]
    assert (table["items for"] > 0).all() and (table["items against"] > 0).all()
    assert table.loc["h-opening", "weight for"] == tally(hyps.get("h-opening"), hyps.weights).for_weight
    none_on = hyps.tally_table(on=[])
    assert (none_on["balance"] == 0).all()
    in_916 = hyps.evidence_in("frus1950v07-d1055")
    assert in_916 and all(e.document == "frus1950v07-d1055" for _, e in in_916)
    assert hyps.evidence_in("frus1950v07-d9999") == []
