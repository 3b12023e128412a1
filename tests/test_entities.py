"""Entities and mentions: merged entity files, complete and exact standoff annotation, the table, the highlighter."""

from __future__ import annotations

import json

import pytest

from kernel_utils import DataValidationError, alias_occurrences, load_entities, load_mentions, load_telegram, mentions_table, unannotated_occurrences
from kernel_utils.views.provenance.tables import highlight_mentions

NAMED = {"webb", "entezam", "pearson", "rau", "chinese-communists", "north-korea", "united-nations", "new-delhi", "38th-parallel",
         "entezam-group", "korea", "rok", "usun", "department-of-state"}


def test_the_issue_entities_are_present_with_roles():
    entities = load_entities()
    assert NAMED <= set(entities)
    for e in entities.values():
        assert e.role and e.role_status in {"verified", "inferred", "unknown"}
        if e.role_status != "unknown":
            assert e.role_sources and all(r.evidence for r in e.role_sources)
    assert entities["acheson"].implied and not entities["acheson"].aliases
    # no source glosses "Korea's neighbors": a labelled inference with its reasoning, not a fact
    assert entities["koreas-neighbors"].role_status == "inferred"


def test_every_mention_quotes_the_text_exactly():
    text = load_telegram().text
    mentions = load_mentions()
    assert len(mentions) >= 40
    for m in mentions:
        assert text[m.start:m.end] == m.quote


def test_every_alias_occurrence_is_annotated():
    """The annotation is systematic: every whole-word occurrence of every alias is a mention of its entity."""
    assert unannotated_occurrences() == []
    counts = {}
    for m in load_mentions():
        counts[m.entity] = counts.get(m.entity, 0) + 1
    assert counts["korea"] == 10 and counts["entezam"] == 3 and counts["rau"] == 2 and counts["pearson"] == 2


def test_a_removed_mention_is_detected(data_copy):
    path = data_copy / "documents" / "frus1950v07-d1077" / "mentions.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["mentions"] = [m for m in data["mentions"] if m["quote"] != "Pearson"][:]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    missing = unannotated_occurrences()
    assert {(e, a) for e, a, _, _ in missing} == {("pearson", "Pearson")} and len(missing) == 2


def test_alias_matching_respects_word_boundaries():
    text = "North Korean forces; Korea’s neighbors; Korea. UNESCO and the UN"
    assert alias_occurrences(text, "Korea") == [(21, 26), (40, 45)]
    assert alias_occurrences(text, "UN") == [(62, 64)]


def test_entity_files_merge_and_ids_are_unique_across_files(data_copy):
    extra = {"entities": [{"id": "truman", "name": "Harry S. Truman", "type": "person",
                           "role_in_dec_1950": {"text": "unknown", "status": "unknown", "sources": []}}]}
    (data_copy / "entities" / "timeline.json").write_text(json.dumps(extra), encoding="utf-8")
    merged = load_entities()
    assert "truman" in merged and "webb" in merged and merged["truman"].file == "data/entities/timeline.json"
    extra["entities"][0]["id"] = "rau"
    (data_copy / "entities" / "timeline.json").write_text(json.dumps(extra), encoding="utf-8")
    with pytest.raises(DataValidationError) as info:
        load_entities()
    assert "also defined in data/entities/telegram.json" in str(info.value) and "record 'rau'" in str(info.value)


def test_mention_with_wrong_words_is_refused(data_copy):
    path = data_copy / "documents" / "frus1950v07-d1077" / "mentions.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["mentions"][1]["quote"] = "United States Mission"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DataValidationError) as info:
        load_mentions()
    assert "record 'm002'" in str(info.value) and "field 'quote'" in str(info.value)


def test_mentions_table():
    table = mentions_table()
    assert list(table.columns) == ["entity", "name", "type", "quote", "start", "end", "paragraph"]
    assert table.loc[table["quote"] == "Webb", "paragraph"].tolist() == ["signature"]
    assert table.loc[table["entity"] == "usun", "paragraph"].tolist() == ["head"]
    assert set(table.loc[table["entity"] == "pearson", "paragraph"]) == {"p06", "p08"}


def test_highlighting_escapes_everything_and_marks_only_the_chosen():
    entities = load_entities()
    mentions = load_mentions()
    text = load_telegram().text
    html = highlight_mentions(text, mentions, ["rau"], entities)
    assert html.count("<mark") == 2 + 1  # two mentions and the legend
    assert "Korea’s" in html and "<script" not in html
    nasty = "<script>alert(1)</script> Rau & co"
    from kernel_utils.store.entities import Mention

    marks = [Mention("m1", "rau", nasty.index("Rau"), nasty.index("Rau") + 3, "Rau", "x")]
    out = highlight_mentions(nasty, marks, ["rau"], entities)
    assert "<script>" not in out and "&lt;script&gt;" in out and "&amp; co" in out


def test_nested_mentions_are_both_highlighted():
    entities = load_entities()
    html = highlight_mentions(load_telegram().text, load_mentions(), ["korea", "koreas-neighbors"], entities)
    assert "title='Korea&#39;s neighbors; Korea'" in html or "title='Korea’s neighbors; Korea'" in html
