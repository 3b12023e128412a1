"""Small made-up cases for the timeline layer: its rules (checks), the knowledge horizon, the frame
and its queries (model).  Each test builds a tiny data folder or event by hand and asserts the
exact result: every message template, every boundary of a date comparison."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from kernel_utils.errors import Problem
from kernel_utils.layers.timeline import checks, horizon
from kernel_utils.layers.timeline.checks import (
    _check_event,
    _check_hindsight,
    _check_sources,
    _check_timeline,
    _date,
    _document_day,
    _entity_ids,
    _entity_names,
    _source_kinds,
    _source_titles,
    check_actors_named,
    check_knowledge,
)
from kernel_utils.layers.timeline.horizon import (
    HorizonStatus,
    Moment,
    _happened,
    document_moment,
    knowledge_evidence,
    knowledge_horizon,
)
from kernel_utils.layers.timeline.model import (
    date_disagreements,
    event_detail,
    events_frame,
    filter_events,
    load_timeline,
    passage_links,
)
from kernel_utils.store.validation import CheckContext

F = "timeline/events.json"
SOURCE_HINT = "the id of an existing source in data/sources.json (e.g. s-frus, s-web)"


def _write(root: Path, relative: str, data: object) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")


def _root(tmp_path: Path, *, sources: bool = True, entities: bool = True, document: bool = True) -> Path:
    """A data folder: two sources (a FRUS document, a web page), two entities, one dated document."""
    if sources:
        _write(
            tmp_path,
            "sources.json",
            {
                "sources": [
                    {"id": "s-frus", "kind": "frus-document", "title": "Telegram, Webb to Austin"},
                    {"id": "s-web", "kind": "web-page", "title": "A page naming Pearson"},
                ]
            },
        )
    if entities:
        _write(
            tmp_path,
            "entities/people.json",
            {
                "entities": [
                    {"id": "webb", "type": "person", "name": "James E. Webb"},
                    {"id": "austin", "type": "person", "name": "Warren Austin"},
                ]
            },
        )
    if document:
        _write(tmp_path, "documents/d1/text.txt", "Webb wrote to Austin.")
        _write(tmp_path, "documents/d1/document.json", {"id": "d1", "date": "1950-12-20"})
    return tmp_path


def _ctx(root: Path) -> CheckContext:
    return CheckContext(root, file=F)


def _event(**changes: object) -> dict:
    event = {
        "id": "e1",
        "start": "1950-12-20",
        "precision": "day",
        "local_place": "Washington",
        "category": "washington",
        "lane": "events",
        "title": "T",
        "description": "D",
        "actors": ["webb"],
        "sources": [{"source": "s-frus", "evidence": "Webb said so"}],
        "confidence": "medium",
    }
    event.update(changes)
    return event


def _problems(event: dict, root: Path) -> list[Problem]:
    ctx = _ctx(root)
    return list(_check_event(event, 0, ctx, ctx.source_ids(), _source_kinds(ctx), _entity_ids(ctx), _entity_names(ctx)))


# --------------------------------------------------------------------------- entities and sources read for the checks
def test_entity_ids_come_from_every_entities_file_whether_a_list_or_under_entities(tmp_path):
    _write(tmp_path, "entities/a.json", {"entities": [{"id": "a1"}, {"id": 7}, "x"]})
    _write(tmp_path, "entities/b.json", [{"id": "b1"}, {"name": "no id"}])
    _write(tmp_path, "entities/c.json", {"entities": "not a list"})
    _write(tmp_path, "entities/notes.txt", [{"id": "ignored"}])
    assert _entity_ids(_ctx(tmp_path)) == {"a1", "b1"}


def test_entity_ids_are_empty_without_an_entities_folder(tmp_path):
    assert _entity_ids(_ctx(tmp_path)) == set()


def test_an_unreadable_entities_file_gives_no_entities(tmp_path):
    _write(tmp_path, "entities/broken.json", "{not json")
    _write(tmp_path, "entities/ok.json", [{"id": "a1", "name": "Alpha"}])
    assert _entity_ids(_ctx(tmp_path)) == {"a1"}
    assert _entity_names(_ctx(tmp_path)) == {"a1": {"Alpha"}}


def test_entity_names_give_names_aliases_their_leading_words_and_a_persons_surname(tmp_path):
    _write(
        tmp_path,
        "entities/a.json",
        {
            "entities": [
                {"id": "webb", "type": "person", "name": "James E. Webb (Under Secretary)", "aliases": ["Jim", 3]},
                {"id": "ny", "type": "place", "name": "New York"},
                {"id": "p38", "type": "place", "name": "38th parallel"},
                {"id": "noname", "type": "person"},
                {"id": 5, "name": "numeric id"},
            ]
        },
    )
    _write(tmp_path, "entities/b.json", [{"id": "mao", "type": "person", "name": "Mao Tse-tung"}])
    assert _entity_names(_ctx(tmp_path)) == {
        "webb": {"James E. Webb (Under Secretary)", "James E. Webb", "Webb", "Jim"},
        "ny": {"New York"},
        "p38": {"38th parallel"},
        "mao": {"Mao Tse-tung", "Tse-tung"},
    }


def test_entity_names_are_empty_without_an_entities_folder_or_with_a_non_list(tmp_path):
    assert _entity_names(_ctx(tmp_path)) == {}
    _write(tmp_path, "entities/a.json", {"entities": {"id": "x", "name": "X"}})
    assert _entity_names(_ctx(tmp_path)) == {}


def test_source_titles_are_those_of_frus_documents_only(tmp_path):
    _write(
        tmp_path,
        "sources.json",
        {
            "sources": [
                {"id": "f1", "kind": "frus-document", "title": "Memo"},
                {"id": "f2", "kind": "frus-document"},
                {"id": "w1", "kind": "web-page", "title": "Page"},
                {"id": 3, "kind": "frus-document", "title": "bad id"},
                "junk",
            ]
        },
    )
    assert _source_titles(_ctx(tmp_path)) == {"f1": "Memo", "f2": ""}
    assert _source_kinds(_ctx(tmp_path)) == {"f1": "frus-document", "f2": "frus-document", "w1": "web-page"}


def test_source_titles_and_kinds_are_empty_when_sources_json_is_unreadable_or_odd(tmp_path):
    assert _source_titles(_ctx(tmp_path)) == {} and _source_kinds(_ctx(tmp_path)) == {}
    _write(tmp_path, "sources.json", [{"id": "a", "kind": "web-page"}])
    assert _source_titles(_ctx(tmp_path)) == {} and _source_kinds(_ctx(tmp_path)) == {}
    other = tmp_path / "other"
    _write(other, "sources.json", {"sources": {"id": "a"}})
    assert _source_titles(_ctx(other)) == {} and _source_kinds(_ctx(other)) == {}


def test_source_kinds_default_to_empty_when_a_source_has_no_kind(tmp_path):
    _write(tmp_path, "sources.json", {"sources": [{"id": "a"}]})
    assert _source_kinds(_ctx(tmp_path)) == {"a": ""}


def test_a_date_of_any_precision_is_read_as_its_first_day():
    assert _date("1950-12-20") == dt.date(1950, 12, 20)
    assert _date("1950-12") == dt.date(1950, 12, 1)
    assert _date("1951") == dt.date(1951, 1, 1)


def test_document_day_is_the_records_date_or_none(tmp_path):
    _write(tmp_path, "documents/a/document.json", {"date": "1950-12-20"})
    _write(tmp_path, "documents/b/document.json", {"date": "1950-12"})
    _write(tmp_path, "documents/c/document.json", {"date": "1950-13-01"})
    _write(tmp_path, "documents/d/document.json", {"date": 1950})
    _write(tmp_path, "documents/e/document.json", ["1950-12-20"])
    ctx = _ctx(tmp_path)
    assert _document_day(ctx, "a") == dt.date(1950, 12, 20)
    assert _document_day(ctx, "b") == dt.date(1950, 12, 1)
    assert [_document_day(ctx, x) for x in ("c", "d", "e", "missing")] == [None, None, None, None]


def test_check_sources_names_each_unknown_source_by_its_position():
    refs = [{"source": "s-frus"}, {"source": "nope"}, {}]
    found = list(_check_sources(refs, {"s-frus", "s-web"}, F, "'e1'", "knowledge.0.sources"))
    assert found == [Problem(F, "'e1'", "knowledge.0.sources.1.source", SOURCE_HINT, "'nope'")]
    assert list(_check_sources(refs, None, F, "'e1'", "sources")) == []


# --------------------------------------------------------------------------- actors named in the evidence
NAMES = {"webb": {"James E. Webb", "Webb"}, "austin": {"Warren Austin", "Austin"}}


def test_an_actor_named_in_the_evidence_is_accepted_whatever_the_case_and_line_breaks():
    event = {
        "actors": ["webb", "austin"],
        "sources": [{"source": "x", "evidence": "JAMES E.\n  WEBB and warren austin"}],
    }
    assert list(check_actors_named(event, NAMES, file=F, record="'e1'")) == []


def test_an_actor_named_only_in_the_reported_sources_or_a_cited_title_is_accepted():
    event = {
        "actors": ["webb", "austin"],
        "sources": [{"source": "s1", "evidence": "nothing"}],
        "reported_to_washington": {"sources": [{"source": "s2", "evidence": "Webb"}]},
    }
    assert list(check_actors_named(event, NAMES, file=F, record="r", titles={"s1": "Telegram to Austin"})) == []


def test_an_actor_the_evidence_does_not_name_is_reported_with_the_names_looked_for():
    event = {
        "actors": ["austin", "webb"],
        "sources": [{"source": "s1", "evidence": "Webb"}],
        "reported_to_washington": None,
    }
    assert list(check_actors_named(event, NAMES, file=F, record="'e1'")) == [
        Problem(
            F,
            "'e1'",
            "actors.0",
            "an actor named in the event's evidence (as one of 'Austin', 'Warren Austin'), or listed in actors_not_in_evidence",
            "'austin'",
        )
    ]


def test_a_cited_title_counts_only_when_titles_are_given():
    event = {"actors": ["austin"], "sources": [{"source": "s1", "evidence": "x"}]}
    assert len(list(check_actors_named(event, NAMES, file=F, record="r"))) == 1
    assert list(check_actors_named(event, NAMES, file=F, record="r", titles={"s2": "Austin"})) != []


def test_a_name_of_several_words_is_found_across_a_line_break():
    event = {"actors": ["austin"], "sources": [{"source": "s1", "evidence": "Warren\n   Austin said"}]}
    assert list(check_actors_named(event, {"austin": {"Warren Austin"}}, file=F, record="r")) == []


def test_evidence_parts_are_joined_with_a_space():
    event = {
        "actors": ["austin"],
        "sources": [{"source": "s1", "evidence": "Warren"}, {"source": "s2", "evidence": "Austin"}],
    }
    names = {"austin": {"Warren Austin"}}
    assert list(check_actors_named(event, names, file=F, record="r")) == []


def test_an_event_without_sources_is_judged_by_its_report_alone():
    event = {"actors": ["austin"], "reported_to_washington": {"sources": [{"source": "s", "evidence": "Austin"}]}}
    assert list(check_actors_named(event, NAMES, file=F, record="r")) == []


def test_a_reference_without_evidence_or_a_known_title_names_no_one():
    event = {"actors": ["austin"], "sources": [{"source": "s1"}, {"source": "s2", "evidence": "x"}, "junk"]}
    assert [p.field for p in check_actors_named(event, NAMES, file=F, record="r", titles={"s2": "Memo"})] == [
        "actors.0"
    ]


def test_an_event_without_actors_may_not_list_actors_not_in_evidence():
    event = {"sources": [], "actors_not_in_evidence": ["webb"]}
    assert list(check_actors_named(event, NAMES, file=F, record="r")) == [
        Problem(F, "r", "actors_not_in_evidence", "ids that are among the event's actors", "'webb'")
    ]


def test_an_actor_without_known_names_is_not_judged():
    event = {"actors": ["ghost"], "sources": []}
    assert list(check_actors_named(event, NAMES, file=F, record="r")) == []


def test_an_unnamed_actor_listed_in_actors_not_in_evidence_is_accepted():
    event = {"actors": ["austin"], "sources": [], "actors_not_in_evidence": ["austin"]}
    assert list(check_actors_named(event, NAMES, file=F, record="r")) == []


def test_actors_not_in_evidence_may_list_only_unnamed_actors_of_the_event():
    event = {
        "actors": ["webb"],
        "sources": [{"source": "s", "evidence": "Webb"}],
        "actors_not_in_evidence": ["webb", "zed", "austin"],
    }
    assert list(check_actors_named(event, NAMES, file=F, record="r")) == [
        Problem(
            F, "r", "actors_not_in_evidence", "only actors the evidence does not name ('webb' is named in it)", "'webb'"
        ),
        Problem(F, "r", "actors_not_in_evidence", "ids that are among the event's actors", "'austin'"),
        Problem(F, "r", "actors_not_in_evidence", "ids that are among the event's actors", "'zed'"),
    ]


def test_an_actor_with_empty_names_message_lists_nothing():
    event = {"actors": ["a"], "sources": [{"source": "s", "evidence": "x"}]}
    assert list(check_actors_named(event, {"a": {"Zed"}}, file=F, record="r"))[0].expected == (
        "an actor named in the event's evidence (as one of 'Zed'), or listed in actors_not_in_evidence"
    )


# --------------------------------------------------------------------------- one event
def test_a_valid_event_has_no_problems(tmp_path):
    assert _problems(_event(), _root(tmp_path)) == []


def test_an_end_before_the_start_is_reported_and_an_end_on_the_start_is_not(tmp_path):
    root = _root(tmp_path)
    assert _problems(_event(end="1950-12-19"), root) == [
        Problem(F, "'e1'", "end", "a date on or after the start (1950-12-20)", "'1950-12-19'")
    ]
    assert _problems(_event(end="1950-12-20"), root) == []


def test_an_impossible_start_or_end_is_reported_once_without_comparing_them(tmp_path):
    root = _root(tmp_path)
    assert _problems(_event(start="1950-02-30", end="1950-03-01"), root) == [
        Problem(F, "'e1'", "start", "a real calendar date", "'1950-02-30' (day is out of range for month)")
    ]
    assert [p.field for p in _problems(_event(end="1950-12-32"), root)] == ["end"]
    assert [p.field for p in _problems(_event(start="1950-12-32", end="1950-12-33"), root)] == ["start", "end"]


def test_an_event_whose_start_is_impossible_skips_the_hindsight_check(tmp_path):
    root = _root(tmp_path)
    link = {"document": "d1", "start": 0, "end": 4, "quote": "Webb", "relation": "names"}
    assert [p.field for p in _problems(_event(start="1950-12-32", telegram_passages=[link]), root)] == ["start"]


def test_date_variants_are_checked_at_the_precision_their_length_shows(tmp_path):
    root = _root(tmp_path)
    variants = [
        {"date": "1950-12-21", "source": "s-web"},
        {"date": "1950-12", "source": "s-web"},
        {"date": "1950", "source": "s-frus"},
    ]
    assert _problems(_event(date_variants=variants), root) == []
    bad = [{"date": "1950-12-2x", "source": "s-web"}, {"date": "1950-12", "source": "s-gone"}]
    assert _problems(_event(date_variants=bad), root) == [
        Problem(F, "'e1'", "date_variants.0.date", "a date written YYYY-MM-DD (precision day)", "'1950-12-2x'"),
        Problem(F, "'e1'", "date_variants.1.source", SOURCE_HINT, "'s-gone'"),
    ]


def test_unknown_sources_of_the_event_and_of_its_report_are_reported(tmp_path):
    root = _root(tmp_path)
    event = _event(
        sources=[{"source": "s-frus", "evidence": "Webb"}, {"source": "s-x", "evidence": ""}],
        reported_to_washington={"when": "unknown", "sources": [{"source": "s-y", "evidence": ""}]},
    )
    assert _problems(event, root) == [
        Problem(F, "'e1'", "sources.1.source", SOURCE_HINT, "'s-x'"),
        Problem(F, "'e1'", "reported_to_washington.sources.0.source", SOURCE_HINT, "'s-y'"),
    ]


def test_a_reporting_date_is_checked_unless_it_is_unknown(tmp_path):
    root = _root(tmp_path)
    event = _event(reported_to_washington={"when": "1950-12-2", "sources": []})
    assert _problems(event, root) == [
        Problem(F, "'e1'", "reported_to_washington.when", "a date written YYYY-MM-DD (precision day)", "'1950-12-2'")
    ]
    assert _problems(_event(reported_to_washington={"when": "1950-12-21", "sources": []}), root) == []


def test_an_unknown_actor_is_reported_as_an_entity_reference(tmp_path):
    root = _root(tmp_path)
    found = _problems(_event(actors=["webb", "nobody"]), root)
    assert found == [
        Problem(
            F,
            "'e1'",
            "actors.1",
            "the id of an existing entity in data/entities/*.json (e.g. austin, webb)",
            "'nobody'",
        )
    ]


def test_an_actor_named_only_in_a_cited_frus_title_is_accepted(tmp_path):
    root = _root(tmp_path)
    assert _problems(_event(actors=["austin"]), root) == []  # "Telegram, Webb to Austin"


def test_an_actor_not_named_is_reported_when_sources_json_can_be_read(tmp_path):
    root = _root(tmp_path)
    event = _event(actors=["austin"], sources=[{"source": "s-web", "evidence": "Webb"}])
    assert _problems(event, root) == [
        Problem(
            F,
            "'e1'",
            "actors.0",
            "an actor named in the event's evidence (as one of 'Austin', 'Warren Austin'), or listed in actors_not_in_evidence",
            "'austin'",
        )
    ]
    unread = _root(tmp_path / "nosources", sources=False)
    assert _problems(event, unread) == []


def test_the_names_given_are_used_instead_of_reading_the_entities(tmp_path):
    root = _root(tmp_path)
    ctx = _ctx(root)
    event = _event(actors=["webb"], sources=[{"source": "s-web", "evidence": "the Under Secretary"}])
    given = {"webb": {"the Under Secretary"}}
    assert list(_check_event(event, 0, ctx, ctx.source_ids(), {}, {"webb"}, given)) == []
    assert [p.field for p in _check_event(event, 0, ctx, ctx.source_ids(), {}, {"webb"}, _entity_names(ctx))] == [
        "actors.0"
    ]


def test_a_correspondence_event_names_a_frus_document_it_cites(tmp_path):
    root = _root(tmp_path)
    missing = _event(lane="correspondence")
    assert _problems(missing, root) == [
        Problem(
            F, "'e1'", "frus_document", "a FRUS document id for an event of the 'correspondence' lane", "it is missing"
        )
    ]
    assert _problems(_event(lane="correspondence", frus_document="unknown"), root) == []
    assert _problems(_event(lane="correspondence", frus_document="s-frus"), root) == []
    assert _problems(_event(lane="correspondence", frus_document="s-web"), root) == [
        Problem(F, "'e1'", "frus_document", "the id of a FRUS document the event cites in 'sources'", "'s-web'")
    ]


def test_an_event_outside_the_correspondence_lane_names_no_frus_document(tmp_path):
    assert _problems(_event(frus_document="s-frus"), _root(tmp_path)) == [
        Problem(F, "'e1'", "frus_document", "no FRUS document id outside the 'correspondence' lane", "'s-frus'")
    ]


def test_high_confidence_needs_more_than_general_web_pages(tmp_path):
    root = _root(tmp_path)
    web_only = [{"source": "s-web", "evidence": "Webb"}, {"source": "s-web", "evidence": "again"}]
    assert _problems(_event(confidence="high", sources=web_only), root) == [
        Problem(F, "'e1'", "confidence", "'medium' or 'low' when every source is a general web page", "'high'")
    ]
    assert _problems(_event(confidence="medium", sources=web_only), root) == []
    mixed = [*web_only, {"source": "s-frus", "evidence": ""}]
    assert _problems(_event(confidence="high", sources=mixed), root) == []
    assert _problems(_event(confidence="high", sources=[], actors=[]), root) == []


def test_a_passage_link_quotes_its_document(tmp_path):
    root = _root(tmp_path)
    link = {"document": "d1", "start": 0, "end": 4, "quote": "Wobb", "relation": "names"}
    assert _problems(_event(telegram_passages=[link]), root) == [
        Problem(F, "'e1'", "telegram_passages.0.quote", "the words the text has at 0–4: 'Webb'", "'Wobb'")
    ]
    gone = {"document": "d9", "start": 0, "end": 4, "quote": "Webb", "relation": "names"}
    assert _problems(_event(telegram_passages=[gone]), root) == [
        Problem(F, "'e1'", "document", "a bundled document whose text can be read", "'d9'")
    ]


def test_a_passage_link_may_not_claim_hindsight(tmp_path):
    root = _root(tmp_path)

    def link(relation: str) -> dict:
        return {"document": "d1", "start": 0, "end": 4, "quote": "Webb", "relation": relation}

    assert _problems(_event(start="1950-12-20", telegram_passages=[link("names")]), root) == []
    assert _problems(_event(start="1950-12-21", telegram_passages=[link("later-bears-on")]), root) == []
    assert _problems(_event(start="1950-12-21", telegram_passages=[link("names")]), root) == [
        Problem(
            F,
            "'e1'",
            "telegram_passages.0.relation",
            "'later-bears-on' for an event after the document's date 1950-12-20 (its authors could not refer to it)",
            "'names'",
        )
    ]


def test_a_passage_link_into_an_undated_document_is_not_judged_for_hindsight(tmp_path):
    root = _root(tmp_path)
    (root / "documents/d1/document.json").unlink()
    link = {"document": "d1", "start": 0, "end": 4, "quote": "Webb", "relation": "names"}
    assert _problems(_event(start="1951-01-05", telegram_passages=[link]), root) == []


def test_hindsight_boundaries_for_each_relation():
    day = dt.date(1950, 12, 20)
    before, same, after = dt.date(1950, 12, 19), day, dt.date(1950, 12, 21)
    later_message = "'names' or 'alludes-to' for an event on or before the document's date 1950-12-20"
    early_message = (
        "'later-bears-on' for an event after the document's date 1950-12-20 (its authors could not refer to it)"
    )
    judged = {
        (relation, event_day): [p.expected for p in _check_hindsight(relation, event_day, day, F, "r", "f")]
        for relation in ("names", "alludes-to", "later-bears-on", "other")
        for event_day in (before, same, after)
    }
    assert judged == {
        ("names", before): [],
        ("names", same): [],
        ("names", after): [early_message],
        ("alludes-to", before): [],
        ("alludes-to", same): [],
        ("alludes-to", after): [early_message],
        ("later-bears-on", before): [later_message],
        ("later-bears-on", same): [later_message],
        ("later-bears-on", after): [],
        ("other", before): [],
        ("other", same): [],
        ("other", after): [],
    }
    assert list(_check_hindsight("later-bears-on", same, day, F, "r", "f")) == [
        Problem(F, "r", "f", later_message, "'later-bears-on'")
    ]


# --------------------------------------------------------------------------- knowledge entries
def _knowledge(root: Path, *items: dict, sources: set[str] | None = frozenset({"s-frus"})) -> list[Problem]:  # type: ignore[assignment]
    return list(check_knowledge({"knowledge": list(items)}, _ctx(root), sources, file=F, record="'e1'"))


def test_each_knowledge_category_needs_its_fields(tmp_path):
    found = _knowledge(
        tmp_path,
        {"category": "washington-document"},
        {"category": "in-washington"},
        {"category": "public"},
        {"category": "not-accessible"},
        {"category": "something-else"},
    )
    assert found == [
        Problem(
            F,
            "'e1'",
            "knowledge.0.document",
            "a document for evidence of category 'washington-document'",
            "it is missing",
        ),
        Problem(
            F, "'e1'", "knowledge.0.date", "a date for evidence of category 'washington-document'", "it is missing"
        ),
        Problem(
            F, "'e1'", "knowledge.0.quote", "a quote for evidence of category 'washington-document'", "it is missing"
        ),
        Problem(
            F, "'e1'", "knowledge.1.sources", "a sources for evidence of category 'in-washington'", "it is missing"
        ),
        Problem(F, "'e1'", "knowledge.2.date", "a date for evidence of category 'public'", "it is missing"),
        Problem(F, "'e1'", "knowledge.2.sources", "a sources for evidence of category 'public'", "it is missing"),
        Problem(
            F, "'e1'", "knowledge.3.sources", "a sources for evidence of category 'not-accessible'", "it is missing"
        ),
    ]


def test_a_knowledge_date_and_its_sources_are_checked(tmp_path):
    item = {"category": "public", "date": "1950-12-3", "sources": [{"source": "s-frus"}, {"source": "s-zz"}]}
    assert _knowledge(tmp_path, item) == [
        Problem(F, "'e1'", "knowledge.0.date", "a date written YYYY-MM-DD (precision day)", "'1950-12-3'"),
        Problem(
            F,
            "'e1'",
            "knowledge.0.sources.1.source",
            "the id of an existing source in data/sources.json (e.g. s-frus)",
            "'s-zz'",
        ),
    ]
    assert _knowledge(tmp_path, {"category": "not-accessible", "sources": [{"source": "s-zz"}]}, sources=None) == []


def test_a_knowledge_quote_stands_in_its_bundled_document_whitespace_aside(tmp_path):
    root = _root(tmp_path)
    good = {"category": "washington-document", "document": "d1", "date": "1950-12-20", "quote": "Webb\n  wrote to"}
    assert _knowledge(root, good) == []
    bad = {**good, "quote": "Webb did not write " + "x" * 80}
    assert _knowledge(root, bad) == [
        Problem(F, "'e1'", "knowledge.0.quote", "words that stand in d1's text", repr(bad["quote"][:80]))
    ]
    assert len(repr(bad["quote"][:80])) == 82


def test_a_knowledge_quote_of_a_document_not_bundled_is_left_to_the_tests(tmp_path):
    item = {"category": "washington-document", "document": "d-not-here", "date": "1950-12-20", "quote": "anything"}
    assert _knowledge(_root(tmp_path), item) == []


def test_an_event_without_knowledge_has_no_knowledge_problems(tmp_path):
    assert list(check_knowledge({}, _ctx(tmp_path), None, file=F, record="r")) == []


def test_the_event_check_runs_the_knowledge_check(tmp_path):
    root = _root(tmp_path)
    assert _problems(
        _event(knowledge=[{"category": "public", "date": "1950-12-01", "sources": [{"source": "s-q"}]}]), root
    ) == [Problem(F, "'e1'", "knowledge.0.sources.0.source", SOURCE_HINT, "'s-q'")]


# --------------------------------------------------------------------------- the whole file
def test_the_event_check_reads_a_knowledge_quote_from_its_document(tmp_path):
    root = _root(tmp_path)
    item = {"category": "washington-document", "document": "d1", "date": "1950-12-20", "quote": "Austin wrote"}
    assert _problems(_event(knowledge=[item]), root) == [
        Problem(F, "'e1'", "knowledge.0.quote", "words that stand in d1's text", "'Austin wrote'")
    ]


def test_the_file_check_reports_duplicate_ids_time_note_sources_and_each_event(tmp_path):
    root = _root(tmp_path)
    no_id = {
        k: v
        for k, v in _event(confidence="high", sources=[{"source": "s-web", "evidence": "Webb"}]).items()
        if k != "id"
    }
    data = {
        "time_note": {"text": "t", "sources": [{"source": "s-frus"}, {"source": "s-none"}]},
        "events": [
            _event(),
            _event(actors=["nobody"]),
            no_id,
            _event(id="e4", sources=[{"source": "s-gone", "evidence": "Webb"}]),
        ],
    }
    found = list(_check_timeline(data, _ctx(root)))
    assert found == [
        Problem(F, "#2", "id", "a unique event id", "'e1' again (first used by event #1)"),
        Problem(F, "time_note", "sources.1.source", SOURCE_HINT, "'s-none'"),
        Problem(
            F,
            "'e1'",
            "actors.0",
            "the id of an existing entity in data/entities/*.json (e.g. austin, webb)",
            "'nobody'",
        ),
        Problem(F, "#3", "confidence", "'medium' or 'low' when every source is a general web page", "'high'"),
        Problem(F, "'e4'", "sources.0.source", SOURCE_HINT, "'s-gone'"),
    ]


def test_the_file_check_needs_no_time_note_and_judges_actors_by_the_entities_names(tmp_path):
    root = _root(tmp_path)
    event = _event(actors=["austin"], sources=[{"source": "s-web", "evidence": "Warren Austin"}])
    assert list(_check_timeline({"events": [event]}, _ctx(root))) == []
    event = _event(actors=["austin"], sources=[{"source": "s-web", "evidence": "Webb"}])
    assert [p.field for p in _check_timeline({"events": [event]}, _ctx(root))] == ["actors.0"]


def test_the_rule_is_registered_for_the_timeline_file():
    from kernel_utils.store.validation import rules

    rule = next(r for r in rules() if r.pattern == checks.TIMELINE_FILE)
    assert (rule.schema, rule.checks, rule.description) == (
        "timeline.schema.json",
        (_check_timeline,),
        "the timeline of events and correspondence",
    )


# --------------------------------------------------------------------------- the knowledge horizon
MOMENT = pd.Timestamp("1950-12-20")


def _answer(
    *, place: str = "Korea", happened: str = HorizonStatus.HAPPENED, when=None, basis=None, knowledge=()
) -> tuple[str, str, str]:
    return knowledge_evidence(place, happened, pd.Timestamp(when) if when else when, basis, list(knowledge), MOMENT)


def test_an_event_not_yet_happened_has_no_evidence():
    assert _answer(happened=HorizonStatus.NOT_YET, place="Washington", when="1950-12-01", basis="report") == (
        "not yet happened",
        "not-yet",
        "",
    )


def test_an_event_in_washington_is_known_there_and_names_the_first_evidence_of_each_entry():
    assert _answer(place="Washington") == ("took place in Washington", "in-washington", "")
    inside = [
        {"category": "in-washington", "sources": [{"evidence": "A"}, {"evidence": "B"}]},
        {"category": "in-washington", "sources": [{"evidence": "C"}]},
        {"category": "in-washington"},
    ]
    assert _answer(knowledge=inside, when="1950-12-01", basis="report") == (
        "took place in Washington",
        "in-washington",
        "A; C",
    )


def test_a_report_by_the_moment_is_a_receipt_and_a_later_one_is_reported_later():
    assert _answer(when="1950-12-20", basis="report") == ("reported by then", "receipt-line", "reported 1950-12-20")
    assert _answer(when="1950-12-21", basis="report") == ("reported later", "later", "reported 1950-12-21")


def test_a_known_by_date_by_the_moment_counts_as_a_washington_document_and_a_later_one_as_unknown():
    assert _answer(when="1950-12-20", basis="known-by") == (
        "shown known by a Washington document",
        "washington-document",
        "known by 1950-12-20",
    )
    assert _answer(when="1950-12-21", basis="known-by") == ("reporting time unknown", "unknown", "")


def test_a_missing_report_date_is_no_report():
    assert _answer(when=pd.NaT, basis="report") == ("reporting time unknown", "unknown", "")
    assert _answer(when=None, basis="report") == ("reporting time unknown", "unknown", "")


def test_the_earliest_washington_document_dated_by_the_moment_is_named():
    docs = [
        {"category": "washington-document", "document": "d-late", "date": "1950-12-21", "quote": "late"},
        {"category": "washington-document", "document": "d-b", "date": "1950-12-20", "quote": "on the day"},
        {"category": "washington-document", "document": "d-a", "date": "1950-12-12", "quote": "earlier"},
        {"category": "washington-document", "document": "d-undated", "quote": "no date"},
    ]
    assert _answer(knowledge=docs) == (
        "shown known by a Washington document",
        "washington-document",
        "d-a (1950-12-12): “earlier”",
    )
    assert _answer(knowledge=docs[:2]) == (
        "shown known by a Washington document",
        "washington-document",
        "d-b (1950-12-20): “on the day”",
    )
    assert _answer(knowledge=docs[:1]) == ("reporting time unknown", "unknown", "")


def test_a_receipt_by_then_comes_before_a_document_and_a_document_before_a_known_by_date():
    doc = {"category": "washington-document", "document": "d-a", "date": "1950-12-12", "quote": "q"}
    assert _answer(knowledge=[doc], when="1950-12-15", basis="report")[1] == "receipt-line"
    assert _answer(knowledge=[doc], when="1950-12-11", basis="known-by")[2] == "d-a (1950-12-12): “q”"


def test_public_evidence_dated_by_the_moment_names_its_date_and_first_evidence():
    public = [
        {"category": "public", "date": "1950-12-21", "sources": [{"evidence": "too late"}]},
        {"category": "public", "date": "1950-12-15", "sources": [{"evidence": "in the press"}, {"evidence": "second"}]},
        {"category": "public", "date": "1950-12-20", "sources": [{"evidence": "on the day"}]},
    ]
    assert _answer(knowledge=public) == ("public at the time", "public", "public by 1950-12-15: in the press")
    assert _answer(knowledge=public[:1]) == ("reporting time unknown", "unknown", "")
    assert _answer(knowledge=public[:1], when="1950-12-22", basis="report") == (
        "reported later",
        "later",
        "reported 1950-12-22",
    )


def test_the_other_sides_internal_communications_are_not_accessible():
    assert _answer(knowledge=[{"category": "not-accessible", "note": "Peking to Moscow"}]) == (
        "not accessible to Washington",
        "not-accessible",
        "Peking to Moscow",
    )
    assert _answer(knowledge=[{"category": "public", "date": "1950-12-25"}, {"category": "not-accessible"}]) == (
        "not accessible to Washington",
        "not-accessible",
        "",
    )
    hidden = [{"category": "not-accessible", "note": "n"}]
    assert _answer(knowledge=hidden, when="1950-12-21", basis="report")[1] == "not-accessible"


def test_no_knowledge_at_all_is_unknown():
    assert knowledge_evidence("Korea", HorizonStatus.HAPPENED, None, None, None, MOMENT) == (
        "reporting time unknown",
        "unknown",
        "",
    )


def test_happened_leaves_the_next_local_day_open_only_for_places_ahead_of_washington():
    moment = pd.Timestamp("1950-12-20")
    day = pd.Timestamp
    assert _happened(day("1950-12-20"), "Washington", moment) == "yes"
    assert _happened(day("1950-12-19"), "Korea", moment) == "yes"
    assert _happened(day("1950-12-21"), "Korea", moment) == "possibly (date line)"
    assert _happened(day("1950-12-21"), "London", moment) == "possibly (date line)"
    assert _happened(day("1950-12-21"), "Washington", moment) == "no"
    assert _happened(day("1950-12-22"), "Korea", moment) == "no"


def test_a_moment_names_its_day():
    moment = Moment(pd.Timestamp("1950-12-05"), "the chosen day", "Telegram 1")
    assert (moment.iso, moment.legend) == ("1950-12-05", "the chosen day (05 Dec 1950)")


def _fake_records(monkeypatch, date: str | None) -> list[str]:
    asked: list[str] = []

    def record(document: str) -> SimpleNamespace:
        asked.append(document)
        return SimpleNamespace(id=document, date=date, label=f"Doc {document}")

    monkeypatch.setattr(horizon, "document_record", record)
    monkeypatch.setattr(horizon, "default_document", lambda: "dflt")
    return asked


def test_a_document_moment_is_its_own_date_by_default(monkeypatch):
    asked = _fake_records(monkeypatch, "1950-12-20")
    assert document_moment() == Moment(pd.Timestamp("1950-12-20"), "Doc dflt", "Doc dflt")
    assert document_moment("d7") == Moment(pd.Timestamp("1950-12-20"), "Doc d7", "Doc d7")
    assert asked == ["dflt", "d7"]


def test_a_chosen_moment_is_named_after_the_document_only_on_its_own_date(monkeypatch):
    _fake_records(monkeypatch, "1950-12-20")
    assert document_moment("d7", "1950-12-20 18:00") == Moment(pd.Timestamp("1950-12-20"), "Doc d7", "Doc d7")
    assert document_moment("d7", "1950-12-21") == Moment(pd.Timestamp("1950-12-21"), "the chosen day", "Doc d7")


def test_an_undated_document_needs_a_chosen_moment(monkeypatch):
    _fake_records(monkeypatch, None)
    with pytest.raises(ValueError) as raised:
        document_moment("d7")
    assert str(raised.value) == "d7 has no date in its record (document.json): give a moment to mark"
    assert document_moment("d7", "1950-12-20") == Moment(pd.Timestamp("1950-12-20"), "the chosen day", "Doc d7")


# --------------------------------------------------------------------------- the frame and its queries
def _data() -> dict:
    """Three events out of date order; one spans days, one was reported, one has passages and variants."""
    return {
        "events": [
            {
                "id": "b-talk",
                "start": "1950-12-20",
                "precision": "day",
                "local_place": "Washington",
                "category": "washington",
                "lane": "correspondence",
                "title": "Talk",
                "description": "A talk.",
                "actors": ["webb"],
                "sources": [{"source": "s1", "evidence": "e"}],
                "frus_document": "s1",
                "confidence": "high",
                "telegram_passages": [
                    {"document": "d1", "start": 30, "end": 34, "quote": "gggg", "relation": "names"},
                    {"document": "d2", "start": 1, "end": 2, "quote": "h", "relation": "names"},
                ],
                "knowledge": [{"category": "in-washington", "sources": [{"evidence": "at the Department"}]}],
            },
            {
                "id": "c-battle",
                "start": "1950-12-21",
                "end": "1950-12-23",
                "precision": "day",
                "local_place": "Korea",
                "category": "war",
                "lane": "events",
                "title": "Battle",
                "description": "A battle.",
                "actors": [],
                "also_named": ["x"],
                "sources": [{"source": "s2", "evidence": "e"}, {"source": "s3", "evidence": "f"}],
                "confidence": "medium",
                "date_variants": [{"date": "1950-12-22", "source": "s3", "evidence": "says the 22nd"}],
                "reported_to_washington": {"when": "1950-12-22", "basis": "report", "how": "telegram", "sources": []},
                "telegram_passages": [
                    {"document": "d1", "start": 0, "end": 4, "quote": "aaaa", "relation": "later-bears-on"}
                ],
            },
            {
                "id": "a-vote",
                "start": "1950-12",
                "precision": "month",
                "local_place": "Lake Success",
                "category": "un",
                "lane": "events",
                "title": "Vote",
                "description": "A vote.",
                "actors": [],
                "sources": [{"source": "s4", "evidence": "e"}],
                "confidence": "low",
                "reported_to_washington": {"when": "unknown", "basis": "report", "sources": []},
                "telegram_passages": [
                    {"document": "d1", "start": 30, "end": 34, "quote": "gggg", "relation": "alludes-to"}
                ],
            },
        ]
    }


def test_the_frame_has_one_typed_row_per_event_sorted_by_start_then_id():
    frame = events_frame(_data())
    assert list(frame["id"]) == ["a-vote", "b-talk", "c-battle"]
    assert list(frame.columns) == [
        "id", "start", "end", "precision", "local_place", "category", "lane", "title", "description",
        "actors", "also_named", "sources", "frus_document", "confidence", "date_variants", "reported_when",
        "reported_basis", "reported_how", "passages", "knowledge",
    ]  # fmt: skip
    rows = frame.to_dict("records")
    assert rows[2] == {
        "id": "c-battle",
        "start": pd.Timestamp("1950-12-21"),
        "end": pd.Timestamp("1950-12-23"),
        "precision": "day",
        "local_place": "Korea",
        "category": "war",
        "lane": "events",
        "title": "Battle",
        "description": "A battle.",
        "actors": (),
        "also_named": ("x",),
        "sources": ("s2", "s3"),
        "frus_document": rows[2]["frus_document"],
        "confidence": "medium",
        "date_variants": ("1950-12-22",),
        "reported_when": pd.Timestamp("1950-12-22"),
        "reported_basis": "report",
        "reported_how": "telegram",
        "passages": 1,
        "knowledge": (),
    }
    assert pd.isna(rows[2]["frus_document"])
    assert rows[0]["start"] == rows[0]["end"] == pd.Timestamp("1950-12-01")
    assert (rows[0]["reported_basis"], rows[0]["also_named"]) == ("report", ())
    assert pd.isna(rows[0]["reported_when"]) and pd.isna(rows[0]["reported_how"])
    assert pd.isna(rows[1]["reported_when"]) and pd.isna(rows[1]["reported_basis"])
    assert (rows[1]["frus_document"], rows[1]["passages"], rows[1]["actors"]) == ("s1", 2, ("webb",))
    assert rows[1]["knowledge"] == ({"category": "in-washington", "sources": [{"evidence": "at the Department"}]},)
    assert list(frame["category"].cat.categories) == ["war", "un", "washington", "peking", "diplomacy"]
    assert list(frame["lane"].cat.categories) == ["events", "correspondence"]
    assert str(frame["start"].dtype).startswith("datetime64")


def test_an_empty_timeline_gives_an_empty_frame_with_every_column():
    frame = events_frame({"events": []})
    assert frame.empty and list(frame.columns) == list(events_frame(_data()).columns)


def test_events_on_the_same_start_are_ordered_by_id():
    data = _data()
    data["events"][1]["start"] = "1950-12-20"
    assert list(events_frame(data)["id"]) == ["a-vote", "b-talk", "c-battle"]
    data["events"][1]["id"] = "a-battle"
    assert list(events_frame(data)["id"]) == ["a-vote", "a-battle", "b-talk"]


def test_filtering_keeps_events_overlapping_the_inclusive_range():
    frame = events_frame(_data())
    ids = lambda **kw: list(filter_events(frame, **kw)["id"])  # noqa: E731
    assert ids() == ["a-vote", "b-talk", "c-battle"]
    assert ids(start="1950-12-23") == ["c-battle"]
    assert ids(start="1950-12-24") == []
    assert ids(end="1950-12-20") == ["a-vote", "b-talk"]
    assert ids(start="1950-12-20", end="1950-12-20") == ["b-talk"]
    assert ids(categories=["war", "un"]) == ["a-vote", "c-battle"]
    assert ids(lanes=["correspondence"]) == ["b-talk"]
    assert ids(categories=[], lanes=["events"]) == []
    assert ids(start="1950-12-21", categories=["war", "un"]) == ["c-battle"]
    assert ids(end="1950-12-20", lanes=["events"]) == ["a-vote"]
    kept = filter_events(frame, start="1950-12-21")
    assert list(kept.index) == [0] and list(kept.columns) == list(frame.columns)


def test_filtering_by_unknown_names_says_which_are_valid():
    frame = events_frame(_data())
    with pytest.raises(ValueError) as raised:
        filter_events(frame, categories=["war", "zz", "aa"])
    assert str(raised.value) == "unknown category 'aa', 'zz'; expected one of war, un, washington, peking, diplomacy"
    with pytest.raises(ValueError) as raised:
        filter_events(frame, lanes=["side"])
    assert str(raised.value) == "unknown lane 'side'; expected one of events, correspondence"


def test_the_horizon_answers_for_every_event_at_a_moment():
    out = knowledge_horizon(events_frame(_data()), "1950-12-20 23:00")
    assert list(out["id"]) == ["a-vote", "b-talk", "c-battle"]
    assert list(out["happened"]) == ["yes", "yes", "possibly (date line)"]
    assert list(out["known_in_washington"]) == ["reporting time unknown", "took place in Washington", "reported later"]
    assert list(out["evidence"]) == ["unknown", "in-washington", "later"]
    assert list(out["evidence_detail"]) == ["", "at the Department", "reported 1950-12-22"]
    assert list(out["could_know"]) == [True, True, False]
    later = knowledge_horizon(events_frame(_data()), pd.Timestamp("1950-12-22"))
    assert list(later["known_in_washington"]) == [
        "reporting time unknown",
        "took place in Washington",
        "reported by then",
    ]
    assert list(later["could_know"]) == [True, True, True]


def test_the_horizon_of_a_frame_without_knowledge_and_of_unhappened_or_inaccessible_events():
    frame = events_frame(_data()).drop(columns=["knowledge"])
    out = knowledge_horizon(frame, "1950-12-19")
    assert list(out["happened"]) == ["yes", "no", "no"]
    assert list(out["known_in_washington"]) == ["reporting time unknown", "not yet happened", "not yet happened"]
    assert list(out["could_know"]) == [True, False, False]
    data = _data()
    data["events"][2]["knowledge"] = [{"category": "not-accessible", "note": "n"}]
    out = knowledge_horizon(events_frame(data), "1950-12-20")
    assert (out["evidence"][0], bool(out["could_know"][0])) == ("not-accessible", False)


def test_event_detail_returns_the_record_or_names_a_few_valid_ids():
    data = _data()
    assert event_detail("c-battle", data) is data["events"][1]
    data["events"] += [dict(data["events"][0], id=f"x{i}") for i in range(4)]
    with pytest.raises(KeyError) as raised:
        event_detail("nope", data)
    assert raised.value.args[0] == "no event 'nope' in timeline/events.json (e.g. b-talk, c-battle, a-vote, x0, x1 …)"


def test_passage_links_are_every_link_or_those_into_one_document_sorted_by_offset_then_date():
    data = _data()
    links = passage_links(data)
    assert list(links.columns) == ["event", "start_date", "relation", "start", "end", "quote"]
    assert links.to_dict("records") == [
        {
            "event": "c-battle",
            "start_date": pd.Timestamp("1950-12-21"),
            "relation": "later-bears-on",
            "start": 0,
            "end": 4,
            "quote": "aaaa",
        },
        {
            "event": "b-talk",
            "start_date": pd.Timestamp("1950-12-20"),
            "relation": "names",
            "start": 1,
            "end": 2,
            "quote": "h",
        },
        {
            "event": "a-vote",
            "start_date": pd.Timestamp("1950-12-01"),
            "relation": "alludes-to",
            "start": 30,
            "end": 34,
            "quote": "gggg",
        },
        {
            "event": "b-talk",
            "start_date": pd.Timestamp("1950-12-20"),
            "relation": "names",
            "start": 30,
            "end": 34,
            "quote": "gggg",
        },
    ]
    assert list(passage_links(data, "d2")["event"]) == ["b-talk"]
    data["events"].append({"id": "no-links", "start": "1950-12-01"})
    assert len(passage_links(data)) == 4
    assert list(passage_links(data, "d1")["start"]) == [0, 30, 30]
    assert passage_links({"events": []}).empty


def test_passage_links_on_the_same_offset_and_date_are_ordered_by_event():
    data = _data()
    data["events"][2]["start"] = "1950-12-20"
    data["events"][2]["id"] = "z-vote"
    assert list(passage_links(data, "d1")["event"]) == ["c-battle", "b-talk", "z-vote"]


def test_date_disagreements_pair_the_date_kept_with_each_other_date():
    data = _data()
    data["events"][0]["date_variants"] = [
        {"date": "1950-12-19", "source": "s9", "evidence": "the 19th"},
        {"date": "1950-12-18", "source": "s8", "evidence": "the 18th"},
    ]
    table = date_disagreements(data)
    assert table["end_kept"].isna().tolist() == [True, True, False]
    assert table.fillna({"end_kept": "-"}).to_dict("records") == [
        {"event": "b-talk", "title": "Talk", "date_kept": "1950-12-20", "end_kept": "-", "kept_source": "s1",
         "other_date": "1950-12-19", "other_source": "s9", "other_evidence": "the 19th"},
        {"event": "b-talk", "title": "Talk", "date_kept": "1950-12-20", "end_kept": "-", "kept_source": "s1",
         "other_date": "1950-12-18", "other_source": "s8", "other_evidence": "the 18th"},
        {"event": "c-battle", "title": "Battle", "date_kept": "1950-12-21", "end_kept": "1950-12-23", "kept_source": "s2",
         "other_date": "1950-12-22", "other_source": "s3", "other_evidence": "says the 22nd"},
    ]  # fmt: skip
    empty = date_disagreements({"events": []})
    assert list(empty.columns) == [
        "event",
        "title",
        "date_kept",
        "end_kept",
        "kept_source",
        "other_date",
        "other_source",
        "other_evidence",
    ]


def test_the_horizon_of_an_event_in_washington_without_knowledge_entries():
    frame = events_frame(_data()).drop(columns=["knowledge"])
    out = knowledge_horizon(frame, "1950-12-20")
    assert list(out["known_in_washington"]) == [
        "reporting time unknown",
        "took place in Washington",
        "reported later",
    ]


def test_the_queries_read_the_bundled_timeline_by_default():
    data = load_timeline()
    first = data["events"][0]["id"]
    assert event_detail(first) == event_detail(first, data)
    assert passage_links().equals(passage_links(data))
    assert date_disagreements().equals(date_disagreements(data))
    assert events_frame().equals(events_frame(data))
