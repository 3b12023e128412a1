"""The timeline layer: the data, the DataFrame and its filters, the knowledge horizon, exports, chart, views."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from jsonschema import Draft202012Validator

from kernel_utils import (
    default_document,
    document_record,
    date_disagreements,
    event_detail,
    events_frame,
    filter_events,
    knowledge_horizon,
    EVIDENCE_CATEGORIES,
    load_entities,
    load_sources,
    load_telegram,
    load_timeline,
    passage_links,
    timeline_chart,
    timelinejs_json,
    to_csv,
    to_timelinejs,
)
from kernel_utils.views.timeline.cards import event_card_html, events_table_html
from kernel_utils.store.validation import validate_paths

from kernel_utils.views.palette import OKABE_ITO_HEX as OKABE_ITO

FIXTURES = Path(__file__).parent / "fixtures"
#: The edition's own document and its date, from its record (the library names neither).
TELEGRAM_DATE = document_record(default_document()).date


@pytest.fixture(scope="module")
def data():
    return load_timeline()


@pytest.fixture(scope="module")
def frame(data):
    return events_frame(data)


# --------------------------------------------------------------------------- the data
def test_forty_or_more_sourced_events_from_june_1950_to_february_1951(data, frame):
    assert len(frame) >= 40
    assert frame["start"].min() >= pd.Timestamp("1950-06-01")
    assert frame["end"].max() <= pd.Timestamp("1951-02-28")
    sources = load_sources()
    for event in data["events"]:
        assert event["sources"], event["id"]
        for ref in event["sources"]:
            assert ref["source"] in sources and ref["evidence"].strip(), (event["id"], ref)
    assert set(frame["category"]) == {"war", "un", "washington", "peking", "diplomacy"}


def test_correspondence_lane_holds_the_frus_telegrams_around_the_telegram(data, frame):
    lane = filter_events(frame, start="1950-12-13", end="1950-12-28", lanes=["correspondence"])
    documents = set(lane["frus_document"])
    # the telegram itself, the USUN reports before and after it, Henderson's New Delhi report, Acheson's 615
    assert {"frus1950v07-d1077", "frus1950v07-d1068", "frus1950v07-d1085", "frus1950v07-d1086", "frus1950v07-d1066", "frus1950v07-d1097"} <= documents
    sources = load_sources()
    for doc in documents - {"unknown"}:
        volume, number = doc.split("-")
        assert sources[doc].url == f"https://history.state.gov/historicaldocuments/{volume}/{number}"


def test_every_passage_link_is_the_telegrams_exact_words_and_hindsight_is_marked(data):
    text = load_telegram().text
    links = passage_links(data)
    assert len(links) >= 15
    for _, link in links.iterrows():
        assert text[link["start"]:link["end"]] == link["quote"]
        after = link["start_date"] > pd.Timestamp(TELEGRAM_DATE)
        assert (link["relation"] == "later-bears-on") == after, link["event"]
    offensive = links[links["event"] == "chinese-new-year-offensive"].iloc[0]
    assert offensive["quote"] == "prior to any Communist offensive across the parallel"


def test_date_disagreements_keep_both_dates_and_both_sources():
    table = date_disagreements()
    assert len(table) >= 10
    deptel = table[table["event"] == "deptel-916-new-delhi"]
    assert set(zip(deptel["date_kept"], deptel["other_date"], deptel["other_source"])) == {
        ("1950-12-15", "1950-12-13", "frus1950v07-d1055"), ("1950-12-15", "1950-12-17", "frus1950v07-d1066")}
    offensive = table[table["event"] == "chinese-new-year-offensive"].iloc[0]
    assert (offensive["date_kept"], offensive["other_date"]) == ("1950-12-31", "1951-01-01")


def test_the_winter_time_difference_is_given_as_an_inference_with_its_sources(data):
    note = data["time_note"]["text"]
    assert "13 hours" in note and "14 hours" in note and "by inference" in note and "inference, not a quotation" in note
    assert {r["source"] for r in data["time_note"]["sources"]} >= {"frus1950v07-comp2", "wiki-kst-2015"}


def test_every_actor_resolves_to_an_entity(data):
    entities = load_entities()
    assert {"truman", "attlee", "chou-en-lai", "panikkar", "macarthur", "ridgway", "un-security-council", "un-general-assembly", "first-committee"} <= set(entities)
    for event in data["events"]:
        for actor in event["actors"]:
            assert actor in entities, (event["id"], actor)


def test_actor_ids_resolve_across_every_entity_file(data_copy):
    """Timeline actors may be defined in any entities/*.json file (here: the provenance layer's);
    take one away there and the timeline's validation names it."""
    events = data_copy / "timeline" / "events.json"
    assert validate_paths([events]) == []
    telegram = data_copy / "entities" / "telegram.json"
    data = json.loads(telegram.read_text(encoding="utf-8"))
    data["entities"] = [e for e in data["entities"] if e["id"] != "webb"]
    telegram.write_text(json.dumps(data), encoding="utf-8")
    problems = validate_paths([events])
    assert problems and all("'webb'" in p.found for p in problems)


# --------------------------------------------------------------------------- frame and filters
def test_frame_has_real_datetime_columns(frame):
    for column in ("start", "end", "reported_when"):
        assert pd.api.types.is_datetime64_any_dtype(frame[column]), column
    assert frame["start"].is_monotonic_increasing
    assert (frame["end"] >= frame["start"]).all()
    talks = frame[frame["id"] == "truman-attlee-talks"].iloc[0]
    assert (talks["start"], talks["end"]) == (pd.Timestamp("1950-12-04"), pd.Timestamp("1950-12-08"))


def test_filters_by_date_range_category_and_lane(frame):
    december = filter_events(frame, start="1950-12-01", end="1950-12-31")
    assert december["end"].ge(pd.Timestamp("1950-12-01")).all() and december["start"].le(pd.Timestamp("1950-12-31")).all()
    assert "truman-attlee-talks" in set(december["id"])
    assert "hungnam-evacuation" in set(filter_events(frame, start="1950-12-20", end="1950-12-20")["id"])  # overlaps the day
    war = filter_events(frame, categories=["war"])
    assert set(war["category"]) == {"war"} and len(war) < len(frame)
    assert set(filter_events(frame, lanes=["correspondence"])["lane"]) == {"correspondence"}
    assert filter_events(frame, categories=[]).empty
    with pytest.raises(ValueError, match="unknown category 'gossip'"):
        filter_events(frame, categories=["gossip"])


# --------------------------------------------------------------------------- knowledge horizon
def _status(horizon, event_id):
    row = horizon[horizon["id"] == event_id].iloc[0]
    return row["happened"], row["known_in_washington"], row["could_know"]


def test_horizon_on_the_telegrams_date(frame):
    h = knowledge_horizon(frame, TELEGRAM_DATE)
    assert _status(h, "deptel-602-1950-12-20") == ("yes", "took place in Washington", True)
    assert _status(h, "wu-press-conference") == ("yes", "reported by then", True)
    assert _status(h, "new-delhi-1508-1950-12-18") == ("yes", "reported by then", True)
    # the group of three: Washington's own telegram 590 of 15 December was written for it
    assert _status(h, "ga-creates-group-of-three") == ("yes", "shown known by a Washington document", True)
    assert _status(h, "chinese-new-year-offensive") == ("no", "not yet happened", False)
    assert _status(h, "chou-statement-december-22") == ("no", "not yet happened", False)
    # Hungnam: the sources only show Washington knew by 22 December; that says nothing about the 20th
    assert _status(h, "hungnam-evacuation") == ("yes", "reporting time unknown", True)
    assert not h[h["start"] > pd.Timestamp(TELEGRAM_DATE)]["could_know"].any()


def _evidence(horizon, event_id):
    row = horizon[horizon["id"] == event_id].iloc[0]
    return row["evidence"], row["evidence_detail"]


def test_horizon_names_the_kind_of_evidence(frame):
    h = knowledge_horizon(frame, "1950-12-20")
    kind, detail = _evidence(h, "ga-creates-group-of-three")
    assert kind == "washington-document" and detail.startswith("frus1950v07-d1054 (1950-12-15)") and "Entezam comite" in detail
    assert _evidence(h, "group-consults-unified-command")[0] == "washington-document"
    assert _evidence(h, "wu-press-conference")[0] == "receipt-line"
    assert _evidence(h, "nac-brussels")[0] == "in-washington"
    assert _evidence(h, "deptel-602-1950-12-20")[0] == "in-washington"
    # the other side's internal telegram: not something Washington could know
    assert _status(h, "zhou-instructs-wu") == ("yes", "not accessible to Washington", False)
    assert _evidence(h, "hungnam-evacuation")[0] == "unknown"
    assert set(h["evidence"]) <= set(EVIDENCE_CATEGORIES)


def test_a_document_counts_only_from_its_date(frame):
    before = knowledge_horizon(frame, "1950-12-14")
    assert _evidence(before, "ga-creates-group-of-three")[0] == "unknown"  # 590 is of the 15th
    on = knowledge_horizon(frame, "1950-12-15")
    assert _evidence(on, "ga-creates-group-of-three")[0] == "washington-document"
    assert _status(knowledge_horizon(frame, "1950-12-20"), "chou-statement-december-22")[1] == "not yet happened"
    assert _status(knowledge_horizon(frame, "1950-12-22"), "chou-statement-december-22")[1] == "reported by then"


def test_knowledge_quotes_stand_in_the_documents(data):
    """Each washington-document quote is the document's exact words: in its bundled text, or in the stored page text."""
    from kernel_utils.store.paths import data_dir

    checked = 0
    for event in data["events"]:
        for item in event.get("knowledge", ()):
            if item["category"] != "washington-document":
                continue
            bundled = data_dir() / "documents" / item["document"] / "text.txt"
            path = bundled if bundled.exists() else FIXTURES / "frus" / "texts" / f"{item['document']}.txt"
            text = " ".join(path.read_text(encoding="utf-8").split())
            assert " ".join(item["quote"].split()) in text, (event["id"], item["document"])
            checked += 1
    assert checked >= 6


def test_horizon_moves_with_the_moment(frame):
    h = knowledge_horizon(frame, "1951-01-01")
    assert _status(h, "chinese-new-year-offensive")[0] == "yes"
    assert _status(h, "chou-cable-to-entezam")[1] == "reported by then"
    early = knowledge_horizon(frame, "1950-12-23")
    assert _status(early, "chou-cable-to-entezam") == ("yes", "reported later", False)


def test_horizon_date_line_and_unknown_reporting():
    rows = pd.DataFrame({
        "id": ["korea-next-day", "ny-next-day", "reported-later", "no-record"],
        "start": pd.to_datetime(["1950-12-21", "1950-12-21", "1950-12-19", "1950-12-19"]),
        "local_place": ["Korea", "New York", "Korea", "Peking"],
        "reported_when": pd.to_datetime([None, None, "1950-12-22", None]),
        "reported_basis": [None, None, "report", None],
    })
    h = knowledge_horizon(rows, "1950-12-20")
    assert list(h["happened"]) == ["possibly (date line)", "no", "yes", "yes"]
    assert list(h["known_in_washington"]) == ["reporting time unknown", "not yet happened", "reported later", "reporting time unknown"]
    assert list(h["could_know"]) == [True, False, False, True]


# --------------------------------------------------------------------------- exports
def test_timelinejs_export_validates_against_the_documented_format(data):
    schema = json.loads((FIXTURES / "timelinejs3.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    export = to_timelinejs(data)
    errors = list(Draft202012Validator(schema).iter_errors(export))
    assert errors == [], errors[:3]
    assert len(export["events"]) == len(data["events"])
    slide = next(s for s in export["events"] if s["unique_id"] == "truman-attlee-talks")
    assert slide["start_date"] == {"year": 1950, "month": 12, "day": 4} and slide["end_date"] == {"year": 1950, "month": 12, "day": 8}
    assert {s["group"] for s in export["events"]} == {"Events", "FRUS correspondence"}
    assert json.loads(timelinejs_json(data)) == export
    assert timelinejs_json(data) == timelinejs_json(data)


def test_the_schema_would_catch_a_malformed_export(data):
    schema = json.loads((FIXTURES / "timelinejs3.schema.json").read_text(encoding="utf-8"))
    export = to_timelinejs(data)
    export["events"][0]["start_date"] = {"month": 6}  # no year
    export["events"][1]["headline"] = "misplaced"
    assert len(list(Draft202012Validator(schema).iter_errors(export))) == 2


def test_exports_escape_markup(data):
    hostile = json.loads(json.dumps(data))
    hostile["events"][0]["title"] = "<script>alert(1)</script>"
    export = to_timelinejs(hostile)
    assert "<script>" not in json.dumps(export)
    assert "&lt;script&gt;" in export["events"][0]["text"]["headline"]


def test_csv_export_round_trips(data):
    text = to_csv(data)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(data["events"])
    first = rows[0]
    assert first["id"] == "washington-night-of-june-24" or first["start"] <= rows[-1]["start"]
    offensive = next(r for r in rows if r["id"] == "chinese-new-year-offensive")
    assert "1951-01-01 (howstuffworks-korean-war4)" in offensive["other_dates"]
    assert "later-bears-on: prior to any Communist offensive across the parallel" in offensive["telegram_passages"]
    assert "\r" not in text


# --------------------------------------------------------------------------- chart and views
def test_chart_is_deterministic_accessible_and_colour_blind_safe(frame):
    h = knowledge_horizon(filter_events(frame, start="1950-12-10", end="1951-01-05"), TELEGRAM_DATE)
    chart = timeline_chart(h, title="December 1950")
    assert chart.svg == timeline_chart(h, title="December 1950").svg
    assert chart.svg.startswith("<svg") and 'role="img"' in chart.svg and "aria-label=" in chart.svg
    assert "<title>December 1950</title>" in chart.svg and "<desc>" in chart.svg
    assert "Telegram 602" in chart.svg and "Date (local date of each event)" in chart.svg
    assert "hollow" in chart.alt and f"{len(h)} events" in chart.alt
    import re

    colours = {c.upper() for c in re.findall(r"(?:fill|stroke): ?(#[0-9a-fA-F]{6})", chart.svg)}
    chart_colours = colours - {"#FFFFFF", "#DDDDDD", "#595959"}
    assert chart_colours and chart_colours <= OKABE_ITO, chart_colours - OKABE_ITO


def test_full_chart_uses_category_rows(frame):
    chart = timeline_chart(knowledge_horizon(frame, TELEGRAM_DATE))
    assert "FRUS correspondence" in chart.svg and "Category / lane" in chart.svg
    assert chart._repr_svg_() == chart.svg


def test_chart_is_responsive_and_displays_as_an_accessible_html_figure(frame):
    """JupyterLab draws image/svg+xml as an <img> without alt, and a fixed-width SVG makes the output
    scroll sideways out of the keyboard's reach: the chart is 100% wide (at most as drawn), and its
    text/html figure names the inline SVG and shows the alt text as a caption."""
    from lxml import etree

    chart = timeline_chart(knowledge_horizon(frame, TELEGRAM_DATE), title="Everything")
    root = etree.fromstring(chart.svg.encode("utf-8"))
    assert root.get("width") == "100%" and root.get("height") is None and root.get("viewBox")
    assert "max-width:" in root.get("style") and "height:auto" in root.get("style")
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    referred = set(re.findall(r"url\(#([^)]+)\)", chart.svg)) | set(re.findall(r'href="#([^"]+)"', chart.svg))
    assert ids and ids == referred, "only the ids the chart refers to (clip paths, marker glyphs)"
    assert 'id="figure_1"' not in chart.svg and 'id="axes_1"' not in chart.svg
    bundle = chart._repr_mimebundle_()
    assert set(bundle) == {"text/html", "image/svg+xml", "text/plain"}
    assert bundle["image/svg+xml"] == chart.svg and bundle["text/plain"] == chart.alt == repr(chart)
    assert bundle["text/html"] == chart.html and "data:image" not in chart.html
    figure = etree.fromstring(chart.html.encode("utf-8"))
    (svg,) = figure.findall("{http://www.w3.org/2000/svg}svg")
    assert svg.get("role") == "img" and svg.get("aria-label") == "Everything"
    assert figure.find("figcaption").text == chart.alt


def test_event_card_shows_sources_disagreements_and_passages(data, frame):
    event = event_detail("deptel-916-new-delhi", data)
    html = event_card_html(event, sources=load_sources(), entities=load_entities())
    assert "Sources disagree on the date" in html and "1950-12-17" in html
    assert "Department’s 916 of December 15 to New Delhi" in html
    with pytest.raises(KeyError, match="no event 'nope'"):
        event_detail("nope", data)


def test_views_escape_data(data, frame):
    event = json.loads(json.dumps(event_detail("inchon-landing", data)))
    event["title"] = "<img src=x onerror=alert(1)>"
    event["sources"][0]["evidence"] = "<b>bold</b>"
    html = event_card_html(event, sources=load_sources(), entities=load_entities())
    assert "<img" not in html and "<b>bold" not in html
    table = events_table_html(frame.assign(title="<i>x</i>"))
    assert "<i>x" not in table


def test_the_marked_moment_and_its_label_agree(frame):
    """A chart marking another day names that day in its legend, label and alt text, never the
    document's own date (the bug: 'marks telegram 602 on 15 January' with a legend '20 Dec 1950')."""
    chart = timeline_chart(frame, moment="1951-01-15")
    assert "the chosen day on 15 January 1951" in chart.alt
    assert "the chosen day (15 Jan 1951)" in chart.svg
    assert "20 Dec 1950" not in chart.svg and "Telegram 602 on" not in chart.alt
    own = timeline_chart(frame)
    assert "marks Telegram 602 on 20 December 1950" in own.alt and "Telegram 602 (20 Dec 1950)" in own.svg


def test_the_chart_of_another_document_is_named_from_its_record(frame):
    chart = timeline_chart(frame, document="frus1950v07-d970")
    assert chart.title == "Delga 369 in its moment"
    assert "marks Delga 369 on 04 December 1950" in chart.alt and "602" not in chart.alt


def test_horizon_boundaries_on_the_moment_itself():
    """An event on the moment has happened; one reported on the moment was known by its end; the
    next local day in Asia is 'possibly', in Washington 'no'."""
    rows = pd.DataFrame({
        "id": ["on-the-day", "reported-on-the-day", "reported-next-day", "korea-next-day", "washington-next-day"],
        "start": pd.to_datetime(["1950-12-20", "1950-12-18", "1950-12-18", "1950-12-21", "1950-12-21"]),
        "local_place": ["Korea", "Korea", "Korea", "Korea", "Washington"],
        "reported_when": pd.to_datetime(["1950-12-20", "1950-12-20", "1950-12-21", None, None]),
        "reported_basis": ["report", "report", "report", None, None],
    })
    h = knowledge_horizon(rows, "1950-12-20")
    assert list(h["happened"]) == ["yes", "yes", "yes", "possibly (date line)", "no"]
    assert list(h["known_in_washington"])[:3] == ["reported by then", "reported by then", "reported later"]
    assert list(h["could_know"]) == [True, True, False, True, False]
    # the time of day does not move the boundary: a moment given with a time is its whole day
    assert list(knowledge_horizon(rows, "1950-12-20 08:00")["known_in_washington"]) == list(h["known_in_washington"])


def test_filter_events_on_a_small_made_up_frame():
    """Inclusive range ends (an event ending on the start day, starting on the end day), filters
    combined (not the last one alone), a fresh index, and unknown names refused by name."""
    rows = pd.DataFrame({
        "id": ["ends-on-start", "starts-on-end", "before", "after", "un-correspondence"],
        "start": pd.to_datetime(["1950-12-01", "1950-12-10", "1950-11-01", "1950-12-11", "1950-12-05"]),
        "end": pd.to_datetime(["1950-12-05", "1950-12-12", "1950-12-04", "1950-12-11", "1950-12-05"]),
        "category": ["war", "war", "war", "un", "un"],
        "lane": ["events", "events", "events", "events", "correspondence"],
    })
    ranged = filter_events(rows, start="1950-12-05", end="1950-12-10")
    assert list(ranged["id"]) == ["ends-on-start", "starts-on-end", "un-correspondence"]
    assert list(ranged.index) == [0, 1, 2]
    both = filter_events(rows, categories=["un"], lanes=["events"])
    assert list(both["id"]) == ["after"]
    assert list(filter_events(rows, start="1950-12-06", categories=["war"])["id"]) == ["starts-on-end"]
    with pytest.raises(ValueError, match=r"unknown lane 'gossip', 'rumour'; expected one of events, correspondence"):
        filter_events(rows, lanes=["rumour", "gossip"])


def _made_up_timeline() -> dict:
    def event(id_, start, links=(), **extra):
        return {"id": id_, "title": id_.title(), "start": start, "sources": [{"source": "s1"}, {"source": "s2"}],
                "telegram_passages": list(links), **extra}

    return {"events": [
        event("late", "1950-12-30", [{"document": "doc-a", "relation": "later-bears-on", "start": 5, "end": 9, "quote": "word"}]),
        event("early", "1950-12-01", [{"document": "doc-a", "relation": "names", "start": 5, "end": 9, "quote": "word"},
                                      {"document": "doc-b", "relation": "names", "start": 0, "end": 3, "quote": "abc"}],
              end="1950-12-02", date_variants=[{"date": "1950-12-03", "source": "s3", "evidence": "on the third"}]),
    ]}


def test_passage_links_of_one_document_sorted_by_offset_then_date():
    data = _made_up_timeline()
    links = passage_links(data, document="doc-a")
    assert list(links["event"]) == ["early", "late"] and list(links.index) == [0, 1]
    assert list(passage_links(data)["event"]) == ["early", "early", "late"]
    assert passage_links(data, document="doc-c").empty


def test_date_disagreements_row_of_a_made_up_event():
    [row] = date_disagreements(_made_up_timeline()).to_dict("records")
    assert row == {"event": "early", "title": "Early", "date_kept": "1950-12-01", "end_kept": "1950-12-02",
                   "kept_source": "s1", "other_date": "1950-12-03", "other_source": "s3", "other_evidence": "on the third"}


def test_queries_read_the_bundled_timeline_when_given_no_data(data):
    assert events_frame().equals(events_frame(data))
    assert passage_links().equals(passage_links(data)) and date_disagreements().equals(date_disagreements(data))


def test_card_shows_the_kind_of_knowledge_and_unnamed_actors(data):
    from kernel_utils import load_entities, load_sources

    sources, entities = load_sources(), load_entities()
    card = event_card_html(event_detail("ga-creates-group-of-three", data), sources=sources, entities=entities)
    assert "Evidence of knowledge: washington-document" in card and "frus1950v07-d1054 (1950-12-15)" in card
    flagged = next(e for e in data["events"] if e.get("actors_not_in_evidence"))
    card = event_card_html(flagged, sources=sources, entities=entities)
    assert "Actors not named in the evidence cited" in card


def test_delga_460_actors_are_those_its_evidence_names(data):
    event = event_detail("delga-460-1950-12-22", data)
    assert "pearson" not in event["actors"] and "Jebb joined us after luncheon" in event["sources"][1]["evidence"]
    assert "Jebb joins them after luncheon" in event["description"]
