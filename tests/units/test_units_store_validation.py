"""Small made-up cases for the validator and its helpers (kernel_utils.store: validation, evidence,
paths, sources): every message template asserted whole, every boundary on both sides.

Most cases run against a throw-away data folder named ``data`` that holds only the real schemas
(``tiny``); the ones about the registry itself swap in a made-up rule table (``made_up``), so the
real layers' rules are neither needed nor disturbed.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from data_folder import reading_data_from

from kernel_utils.errors import DataFolderError, DataValidationError, Problem
from kernel_utils.store import validation
from kernel_utils.store.evidence import SourceRef, check_source_refs, check_status_support, source_refs
from kernel_utils.store.paths import data_dir, display_path
from kernel_utils.store.sources import Source, load_sources
from kernel_utils.store.validation import (
    CheckContext,
    FileRule,
    check_iso_date,
    check_quote,
    check_reference,
    check_unique_ids,
    declare,
    load_validated,
    nearest_occurrence,
    record_label,
    register,
    rules,
    validate_all,
    validate_paths,
)

DATA = Path(__file__).resolve().parents[2] / "data"


def _write(path: Path, data) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def tiny(tmp_path, monkeypatch) -> Path:
    """An otherwise empty data folder (named ``data``) with the real schemas, read instead of data/."""
    root = tmp_path / "data"
    shutil.copytree(DATA / "schemas", root / "schemas")
    monkeypatch.setattr(validation, "_LOAD_CACHE", {})
    with reading_data_from(root, monkeypatch):
        yield root


# --------------------------------------------------------------------------- a made-up kind of file
NOTE_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "note.schema.json",
    "type": "object",
    "required": ["notes"],
    "additionalProperties": False,
    "properties": {
        "zeta": {"type": "string"},
        "alpha": {"type": "string"},
        "notes": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "properties": {"id": {"type": "string"}, "source": {"type": "string"}},
            },
        },
    },
}


def _check_notes(data, ctx):
    """Each note's source is an id in sources.json (consults another file through the context)."""
    known = ctx.source_ids()
    for index, note in enumerate(data["notes"]):
        yield from check_reference(
            note.get("source"), known, file=ctx.file, record=record_label(note, index), field="source", what="source"
        )


@pytest.fixture
def made_up(tiny, monkeypatch) -> Path:
    """``tiny`` with a made-up rule table: notes.json (checked) and parts/*.json (schema only) are
    registered; Xref.json is required but has no rule; the wildcard patterns are never required."""
    monkeypatch.setattr(validation, "_RULE_MODULES", {})
    monkeypatch.setattr(validation, "_RULES", [])
    _write(tiny / "schemas" / "note.schema.json", NOTE_SCHEMA)
    declare({validation.__name__: ("notes.json", "Xref.json", "parts/*.json", "odd.json", "[ab].json", "n?.json")})
    register("notes.json", "note.schema.json", _check_notes, description="made-up notes")
    register("parts/*.json", "note.schema.json", description="made-up parts")
    register("odd.json", "missing.schema.json", description="a rule whose schema is not there")
    _write(tiny / "sources.json", {"sources": [{"id": "s1"}]})
    return tiny


def _notes_problem(record: str, found: str) -> Problem:
    return Problem("data/notes.json", record, "source", "the id of an existing source (e.g. s1)", found)


# --------------------------------------------------------------------------- the rule table
def test_declare_records_each_modules_patterns_as_a_tuple(monkeypatch):
    monkeypatch.setattr(validation, "_RULE_MODULES", {})
    declare({"json": ["a.json", "b/*.json"]})
    assert validation._RULE_MODULES == {"json": ("a.json", "b/*.json")}


def test_register_keeps_the_first_rule_for_a_pattern(made_up):
    register("notes.json", "other.schema.json", description="a second registration is ignored")
    assert rules() == (
        FileRule("notes.json", "note.schema.json", (_check_notes,), "made-up notes"),
        FileRule("parts/*.json", "note.schema.json", (), "made-up parts"),
        FileRule("odd.json", "missing.schema.json", (), "a rule whose schema is not there"),
    )


# --------------------------------------------------------------------------- validating files
def test_a_checked_file_reports_what_its_checks_find(made_up):
    path = _write(
        made_up / "notes.json",
        {"notes": [{"id": "n1", "source": "s1"}, {"id": "n2", "source": "zz"}, {"source": "yy"}]},
    )
    assert validate_paths([path]) == [_notes_problem("'n2'", "'zz'"), _notes_problem("#3", "'yy'")]
    assert validate_paths([str(path)]) == [_notes_problem("'n2'", "'zz'"), _notes_problem("#3", "'yy'")]


def test_checks_do_not_run_while_the_shape_is_wrong_and_schema_problems_are_sorted_by_path(made_up):
    path = _write(made_up / "notes.json", {"zeta": 1, "alpha": 2, "notes": [{"id": "n1", "source": "zz"}]})
    assert validate_paths([path]) == [
        Problem("data/notes.json", "", "alpha", "a value of type string", "2 (int)"),
        Problem("data/notes.json", "", "zeta", "a value of type string", "1 (int)"),
    ]


def test_a_rule_whose_schema_is_missing_says_so(made_up):
    path = _write(made_up / "odd.json", {})
    assert validate_paths([path]) == [
        Problem("data/odd.json", "", "", "a schema named missing.schema.json in data/schemas/", "none")
    ]


def test_a_file_no_rule_covers_names_the_known_kinds(made_up):
    stray = _write(made_up / "stray.json", {})
    declared_only = _write(made_up / "Xref.json", {})
    expected = "a data file of a known kind (notes.json, parts/*.json, odd.json)"
    assert validate_paths([stray, declared_only]) == [
        Problem("data/stray.json", "", "", expected, "a file no rule covers"),
        Problem("data/Xref.json", "", "", expected, "a file no rule covers"),
    ]


def test_a_file_that_cannot_be_read_says_why(made_up):
    (made_up / "notes.json").mkdir()
    assert validate_paths([made_up / "notes.json"]) == [
        Problem("data/notes.json", "", "", "a readable file", "Is a directory")
    ]


def test_a_file_outside_the_data_folder_is_refused(made_up, tmp_path):
    outside = _write(tmp_path / "elsewhere" / "notes.json", {"notes": []})
    assert validate_paths([outside]) == [
        Problem("elsewhere/notes.json", "", "", "a file inside the data folder data", str(outside))
    ]


def test_a_byte_order_mark_is_one_problem_at_line_1_column_1(made_up):
    path = made_up / "notes.json"
    path.write_bytes(b'\xef\xbb\xbf{"notes": []}')
    assert validate_paths([path]) == [
        Problem(
            "data/notes.json",
            "",
            "",
            "UTF-8 text without a byte-order mark",
            "a byte-order mark (bytes EF BB BF) at the start: the file was saved as 'UTF-8 with BOM'; save it as plain UTF-8",
            line=1,
            column=1,
        )
    ]


def test_bytes_that_are_not_utf8_are_placed_by_line_and_column(made_up):
    path = made_up / "notes.json"
    path.write_bytes(b'{\n  "notes": ["\xff"]\n}')
    assert validate_paths([path]) == [
        Problem("data/notes.json", "", "", "UTF-8 text", "bytes that are not UTF-8 (byte 15)", line=2, column=14)
    ]


def test_a_json_syntax_error_is_placed_by_line_and_column(made_up):
    path = made_up / "notes.json"
    path.write_text('{"notes": [}', encoding="utf-8")
    assert validate_paths([path]) == [
        Problem("data/notes.json", "", "", "valid JSON", "Expecting value", line=1, column=12)
    ]


def test_validate_all_checks_every_data_file_but_the_schemas_and_reports_missing_required_files(made_up):
    _write(made_up / "notes.json", {"notes": [{"id": "n1", "source": "zz"}]})
    _write(made_up / "parts" / "p1.json", {"notes": [{"id": 7}]})
    _write(made_up / "parts" / "p2.JSON", {"ignored": "not a .json name"})
    assert validate_all() == [
        Problem("data/Xref.json", "", "", "the file to exist", "no such file"),
        Problem("data/odd.json", "", "", "the file to exist", "no such file"),
        _notes_problem("'n1'", "'zz'"),
        Problem("data/parts/p1.json", "#1", "id", "a value of type string", "7 (int)"),
        Problem(
            "data/sources.json",
            "",
            "",
            "a data file of a known kind (notes.json, parts/*.json, odd.json)",
            "a file no rule covers",
        ),
    ]


def test_files_given_by_name_are_checked_alone_without_the_required_files(made_up):
    ok = _write(made_up / "parts" / "p1.json", {"notes": []})
    _write(made_up / "parts" / "p2.json", {"notes": "broken"})
    assert validate_paths([ok]) == []
    assert validate_paths([]) == []


# --------------------------------------------------------------------------- loading
def test_loading_returns_the_validated_json_once_per_version_of_each_file(made_up):
    notes = _write(made_up / "notes.json", {"notes": [{"id": "n1", "source": "s1"}]})
    _write(made_up / "parts" / "p1.json", {"notes": []})
    first = load_validated("notes.json")
    assert first == {"notes": [{"id": "n1", "source": "s1"}]}
    assert load_validated("notes.json") is first
    assert load_validated("parts/p1.json") == {"notes": []}
    _write(notes, {"notes": [{"id": "n2"}]})
    assert load_validated("notes.json") == {"notes": [{"id": "n2"}]}


def test_loading_a_file_with_problems_raises_them_all(made_up):
    _write(made_up / "notes.json", {"notes": [{"id": "n1", "source": "zz"}]})
    with pytest.raises(DataValidationError) as info:
        load_validated("notes.json")
    assert info.value.problems == (_notes_problem("'n1'", "'zz'"),)


def test_loading_a_missing_file_names_it(made_up):
    with pytest.raises(DataValidationError) as info:
        load_validated("gone.json")
    assert info.value.problems == (Problem("data/gone.json", "", "", "the file to exist", "no such file"),)


# --------------------------------------------------------------------------- the check context
def test_raw_json_is_lenient_and_read_once(tmp_path):
    _write(tmp_path / "a.json", {"x": 1})
    (tmp_path / "bom.json").write_bytes(b'\xef\xbb\xbf{"y": 2}')
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    ctx = CheckContext(tmp_path)
    assert ctx.raw_json("a.json") == {"x": 1}
    assert ctx.raw_json("bom.json") == {"y": 2}
    assert ctx.raw_json("bad.json") is None
    assert ctx.raw_json("gone.json") is None
    (tmp_path / "a.json").unlink()
    assert ctx.raw_json("a.json") == {"x": 1}  # cached


def test_document_text_is_the_verbatim_text_or_none(tmp_path):
    folder = tmp_path / "documents"
    (folder / "d1").mkdir(parents=True)
    (folder / "d1" / "text.txt").write_bytes("Webb — 602\r\n".encode())
    (folder / "d2").mkdir()
    (folder / "d2" / "text.txt").write_bytes(b"\xff")
    ctx = CheckContext(tmp_path)
    assert ctx.document_text("d1") == "Webb — 602\r\n"
    assert ctx.document_text("d2") is None
    assert ctx.document_text("d3") is None
    (folder / "d1" / "text.txt").unlink()
    assert ctx.document_text("d1") == "Webb — 602\r\n"  # cached


def test_document_ids_are_the_folders_under_documents(tmp_path):
    assert CheckContext(tmp_path).document_ids() == set()
    (tmp_path / "documents" / "d1").mkdir(parents=True)
    (tmp_path / "documents" / "d2").mkdir()
    (tmp_path / "documents" / "README.md").write_text("not a document", encoding="utf-8")
    assert CheckContext(tmp_path).document_ids() == {"d1", "d2"}


def test_record_ids_keep_only_records_with_a_text_id(tmp_path):
    _write(tmp_path / "list.json", [{"id": "a"}])
    _write(tmp_path / "f.json", {"people": [{"id": "a"}, {"id": 5}, "b", {"name": "c"}, {"id": "d"}], "count": 3})
    ctx = CheckContext(tmp_path)
    assert ctx.record_ids("f.json", "people") == {"a", "d"}
    assert ctx.record_ids("f.json", "count") is None
    assert ctx.record_ids("f.json", "places") is None
    assert ctx.record_ids("list.json", "people") is None
    assert ctx.record_ids("gone.json", "people") is None


def test_source_ids_come_from_sources_json(tmp_path):
    assert CheckContext(tmp_path).source_ids() is None
    _write(tmp_path / "sources.json", {"sources": [{"id": "s1"}, {"id": "s2"}], "other": [{"id": "x"}]})
    assert CheckContext(tmp_path).source_ids() == {"s1", "s2"}


# --------------------------------------------------------------------------- helpers for checks
def test_record_label_is_the_id_when_there_is_one_else_the_position():
    assert record_label({"id": "m1"}, 4) == "'m1'"
    assert record_label({"id": 3}, 1) == "#2"
    assert record_label("m1", 0) == "#1"
    assert record_label(["id"], 2) == "#3"


def test_check_unique_ids_reports_each_repeat_with_its_first_use():
    records = [{"name": "x"}, {"id": "a"}, "junk", {"id": 3}, {"id": "b"}, {"id": "a"}, {"id": "a"}]
    assert list(check_unique_ids(records, "f.json")) == [
        Problem("f.json", "#6", "id", "a unique record id", "'a' again (first used by record #2)"),
        Problem("f.json", "#7", "id", "a unique record id", "'a' again (first used by record #2)"),
    ]


def test_check_unique_ids_with_another_key_and_kind():
    records = [{"name": "x", "id": "1"}, {"name": "x", "id": "2"}]
    assert list(check_unique_ids(records, "f.json", key="name", what="person")) == [
        Problem("f.json", "#2", "name", "a unique person name", "'x' again (first used by person #1)")
    ]


def test_check_reference_lists_up_to_eight_known_ids():
    eight = {f"s{i}" for i in range(1, 9)}
    assert list(check_reference("zz", eight, file="f", record="r", field="source", what="source")) == [
        Problem("f", "r", "source", "the id of an existing source (e.g. s1, s2, s3, s4, s5, s6, s7, s8)", "'zz'")
    ]
    nine = eight | {"s9"}
    assert list(check_reference("zz", nine, file="f", record="r", field="source", what="source")) == [
        Problem("f", "r", "source", "the id of an existing source (e.g. s1, s2, s3, s4, s5, s6, s7, s8 …)", "'zz'")
    ]


def test_check_reference_is_silent_for_known_ids_unreadable_lists_and_non_text_values():
    assert list(check_reference("s1", {"s1"}, file="f", record="r", field="x", what="y")) == []
    assert list(check_reference("s1", None, file="f", record="r", field="x", what="y")) == []
    assert list(check_reference(5, {"s1"}, file="f", record="r", field="x", what="y")) == []


def test_check_quote_without_a_readable_document_names_it():
    assert list(check_quote(None, 0, 1, "x", file="f", record="r")) == [
        Problem("f", "r", "document", "a bundled document whose text can be read", "''")
    ]
    assert list(check_quote(None, 0, 1, "x", file="f", record="r", document="d9")) == [
        Problem("f", "r", "document", "a bundled document whose text can be read", "'d9'")
    ]


def test_check_quote_offsets_at_both_ends_of_the_text_are_allowed():
    assert list(check_quote("abcd", 0, 2, "ab", file="f", record="r")) == []
    assert list(check_quote("abcd", 2, 4, "cd", file="f", record="r")) == []


@pytest.mark.parametrize("start, end", [(-1, 2), (2, 2), (3, 2), (0, 5)])
def test_check_quote_refuses_offsets_outside_the_text_or_empty(start, end):
    assert list(check_quote("abcd", start, end, "", file="f", record="r")) == [
        Problem(
            "f",
            "r",
            "start/end",
            "offsets with 0 ≤ start < end ≤ 4 (the text's length in characters)",
            f"start {start}, end {end}",
        )
    ]


@pytest.mark.parametrize("start, end, quote", [(0, 2.0, "ab"), (0, 2, None), (False, 2, "ab")])
def test_check_quote_leaves_wrong_types_to_the_schema(start, end, quote):
    assert list(check_quote("abcd", start, end, quote, file="f", record="r")) == []


def test_check_quote_mismatch_names_both_texts_and_where_the_words_stand():
    assert list(check_quote("abc Webb def", 0, 4, "Webb", file="f", record="r", field="words")) == [
        Problem("f", "r", "words", "the words the text has at 0–4: 'abc '", "'Webb' (the quoted words stand at 4–8)")
    ]
    assert list(check_quote("abc Webb def", 0, 4, "Acheson", file="f", record="r")) == [
        Problem("f", "r", "quote", "the words the text has at 0–4: 'abc '", "'Acheson'")
    ]


def test_nearest_occurrence_finds_words_at_the_very_start():
    assert nearest_occurrence("ab", "ab", 5) == 0
    assert nearest_occurrence("xab ab", "ab", 0) == 1
    assert nearest_occurrence("ab xx ab", "ab", 7) == 6


def test_short_keeps_80_characters_by_default_and_marks_the_cut():
    assert validation._short("é" * 80) == repr("é" * 80)
    assert validation._short("abcdef", limit=4) == repr("abc…")
    assert validation._short("abcd", limit=4) == repr("abcd")


@pytest.mark.parametrize(
    "value, precision",
    [("1950-12-20", "day"), ("2000-02-29", "day"), ("1950-12", "month"), ("1950", "year"), (1950, "week")],
)
def test_check_iso_date_accepts_real_dates_at_their_precision(value, precision):
    assert list(check_iso_date(value, precision, file="f", record="r", field="when")) == []


def test_check_iso_date_refuses_an_unknown_precision():
    assert list(check_iso_date("1950", "week", file="f", record="r", field="when")) == [
        Problem("f", "r", "precision", "one of day, month, year", "'week'")
    ]


@pytest.mark.parametrize(
    "value, precision, shape",
    [
        ("1950-12", "day", "YYYY-MM-DD"),
        ("1950-12-20", "month", "YYYY-MM"),
        ("1950-12", "year", "YYYY"),
    ],
)
def test_check_iso_date_names_the_shape_of_the_precision(value, precision, shape):
    assert list(check_iso_date(value, precision, file="f", record="r", field="when")) == [
        Problem("f", "r", "when", f"a date written {shape} (precision {precision})", repr(value))
    ]


@pytest.mark.parametrize(
    "value, precision, reason",
    [
        ("1950-02-30", "day", "day is out of range for month"),
        ("1951-02-29", "day", "day is out of range for month"),
        ("1950-13", "month", "month must be in 1..12"),
        ("0000", "year", "year 0 is out of range"),
    ],
)
def test_check_iso_date_refuses_dates_not_on_the_calendar(value, precision, reason):
    assert list(check_iso_date(value, precision, file="f", record="r", field="when")) == [
        Problem("f", "r", "when", "a real calendar date", f"{value!r} ({reason})")
    ]


# --------------------------------------------------------------------------- schema messages
def _schema_problems(schema, instance):
    validator = validation._validator_class()(schema)
    errors = sorted(validator.iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path])
    return [validation._problem_from_schema_error(e, instance, "f") for e in errors]


NOTES = {
    "type": "object",
    "properties": {
        "meta": {"properties": {"n": {"type": "integer"}}},
        "notes": {
            "type": "array",
            "items": {"required": ["id"], "properties": {"tags": {"type": "array", "items": {"type": "string"}}}},
        },
    },
}


def test_a_schema_problem_in_a_record_names_the_record_and_the_field_inside_it():
    instance = {"meta": {"n": "x"}, "notes": [{"id": "a", "tags": ["ok", 5]}, {"tags": []}]}
    assert _schema_problems(NOTES, instance) == [
        Problem("f", "", "meta.n", "a value of type integer", "'x' (str)"),
        Problem("f", "'a'", "tags.1", "a value of type string", "5 (int)"),
        Problem("f", "#2", "id", "the field to be present", "it is missing"),
    ]


def test_unknown_fields_are_listed_beside_the_fields_allowed():
    schema = {"properties": {"b": {}, "a": {}}, "additionalProperties": False}
    assert _schema_problems(schema, {"a": 1, "z": 2, "y": 3}) == [
        Problem("f", "", "", "only the fields a, b", "unknown field(s) 'y', 'z'")
    ]
    assert _schema_problems({"additionalProperties": False}, {"x": 1}) == [
        Problem("f", "", "", "only the fields ", "unknown field(s) 'x'")
    ]


@pytest.mark.parametrize(
    "schema, instance, expected, found",
    [
        ({"enum": ["a", "b"]}, "c", "one of 'a', 'b'", "'c'"),
        ({"enum": ["a", "b"], "x-expected": "a or b"}, "c", "a or b", "'c'"),
        ({"const": "x"}, "y", "'x'", "'y'"),
        ({"const": "x", "x-expected": "the letter x"}, "y", "the letter x", "'y'"),
        ({"type": "integer"}, "7", "a value of type integer", "'7' (str)"),
        ({"type": ["string", "null"]}, 5, "a value of type string or null", "5 (int)"),
        ({"type": "string", "x-expected": "a name"}, 5, "a name", "5 (int)"),
        (
            {"type": "integer"},
            29.0,
            "a whole number written without a decimal point (e.g. 29, not 29.0)",
            "29.0 (a number with a decimal point)",
        ),
        ({"type": "integer"}, 29.5, "a value of type integer", "29.5 (float)"),
        ({"type": "string"}, 29.0, "a value of type string", "29.0 (float)"),
        ({"type": "string"}, ["é"], "a value of type string", '["é"] (list)'),
        ({"type": "string"}, list(range(40)), "a value of type string", json.dumps(list(range(40)))[:80] + " (list)"),
        ({"type": "integer"}, "x" * 100, "a value of type integer", repr("x" * 79 + "…") + " (str)"),
        ({"pattern": "^a+$"}, "b", "text matching ^a+$", "'b'"),
        ({"pattern": "^a+$", "x-expected": "some a's"}, "b", "some a's", "'b'"),
        ({"minLength": 2}, "a", "at least 2 character(s)", "'a'"),
        ({"minLength": 2, "x-expected": "two letters"}, "a", "two letters", "'a'"),
        ({"minItems": 1}, [], "at least 1 item(s)", "[]"),
        ({"minItems": 1, "x-expected": "a list"}, [], "a list", "[]"),
        ({"minimum": 0}, -1, "a number ≥ 0", "-1"),
        ({"maximum": 9}, 10, "a number ≤ 9", "10"),
        ({"maximum": 9, "x-expected": "a digit"}, 10, "a digit", "10"),
        ({"maxLength": 1}, "ab", "'ab' is too long", "'ab'"),
        ({"maxLength": 1, "x-expected": "one letter"}, "ab", "one letter", "'ab'"),
    ],
)
def test_each_kind_of_schema_problem_is_described_in_plain_words(schema, instance, expected, found):
    assert _schema_problems(schema, instance) == [Problem("f", "", "", expected, found)]


def test_a_false_schema_gives_jsonschemas_own_words():
    # jsonschema gives a false subschema's error no path, so no field is named
    assert _schema_problems({"properties": {"x": False}}, {"x": 1}) == [
        Problem("f", "", "", "False schema does not allow 1", "1")
    ]


# --------------------------------------------------------------------------- evidence
@pytest.fixture
def ctx(tmp_path) -> CheckContext:
    _write(tmp_path / "sources.json", {"sources": [{"id": "d1"}, {"id": "d2"}, {"id": "web"}]})
    (tmp_path / "documents" / "d1").mkdir(parents=True)
    (tmp_path / "documents" / "d1" / "text.txt").write_text("The Secretary said:\nno  troops.", encoding="utf-8")
    (tmp_path / "documents" / "d2").mkdir()
    return CheckContext(tmp_path, file="data/x.json")


def test_source_refs_read_source_evidence_and_pinpoint():
    raw = [{"source": "s", "evidence": "e", "pinpoint": "p. 3"}, {"source": "t"}]
    assert source_refs(raw) == (SourceRef("s", "e", "p. 3"), SourceRef("t", None, None))


def test_check_source_refs_reports_unknown_sources_missing_evidence_and_evidence_not_in_the_text(ctx):
    refs = [
        "junk",
        {"source": "zz", "evidence": "e"},
        {"source": "web"},
        {"source": "d1", "evidence": "said: no troops."},  # the same words, wrapped differently
        {"source": "d1", "evidence": "x" * 100},
        {"source": "d2", "evidence": "a document without a text"},
        {"source": "web", "evidence": "not in any bundled text"},
        {"source": "d1", "evidence": "Secretary said"},
        {"source": "d1"},
    ]
    assert list(check_source_refs(refs, ctx, record="'r1'", field="sources")) == [
        Problem(
            "data/x.json",
            "'r1'",
            "sources.1.source",
            "the id of an existing source in data/sources.json (e.g. d1, d2, web)",
            "'zz'",
        ),
        Problem("data/x.json", "'r1'", "sources.2.evidence", "the source's own words as evidence", "no evidence"),
        Problem(
            "data/x.json",
            "'r1'",
            "sources.4.evidence",
            "words found verbatim in the bundled text of d1",
            repr("x" * 80),
        ),
        Problem("data/x.json", "'r1'", "sources.8.evidence", "the source's own words as evidence", "no evidence"),
    ]


def test_check_source_refs_may_do_without_evidence(ctx):
    assert (
        list(check_source_refs([{"source": "d1"}, {"source": "web"}], ctx, record="r", field="s", need_evidence=False))
        == []
    )
    assert list(check_source_refs({"source": "zz"}, ctx, record="r", field="s")) == []


def _support(status, sources, reasoning, value, **kw):
    ctx = CheckContext(Path("."), file="f.json")
    return list(check_status_support(status, sources, reasoning, value, ctx, record="r", **kw))


def test_a_verified_statement_needs_a_source():
    assert _support("verified", [], "", "Paris", field="") == [
        Problem("f.json", "r", "sources", "at least one source for a statement whose status is verified", "no source")
    ]
    assert _support("verified", [{"source": "s"}], None, "Paris", field="") == []
    assert _support("verified", [{"source": "s"}], None, "Paris", field="place", value_field="name") == []


def test_an_inferred_statement_needs_a_source_and_its_reasoning():
    assert _support("inferred", None, "", "x", field="place") == [
        Problem(
            "f.json", "r", "place.sources", "at least one source for a statement whose status is inferred", "no source"
        ),
        Problem("f.json", "r", "place.reasoning", "the reasoning behind an inferred statement", "none"),
    ]
    assert _support("inferred", [{"source": "s"}, {"source": "t"}], "because", "x", field="place") == []


def test_an_unknown_statement_must_say_unknown():
    long = "Paris " * 20
    assert _support("unknown", [], None, long, field="place") == [
        Problem("f.json", "r", "place.value", "'unknown' for a statement whose status is unknown", repr(long[:80]))
    ]
    assert _support("unknown", [], None, "unknown: never recorded", field="") == []
    assert _support("unknown", [], None, "Unknown", field="") == []
    assert _support("unknown", [], None, "Paris", field="", value_field=None) == []
    assert _support("unknown", [], None, 5, field="") == []
    assert _support("unknown", [], None, "Paris", field="", value_field="name") == [
        Problem("f.json", "r", "name", "'unknown' for a statement whose status is unknown", "'Paris'")
    ]


# --------------------------------------------------------------------------- paths
def test_data_dir_follows_kernel_utils_data(tmp_path, monkeypatch):
    monkeypatch.setenv("KERNEL_UTILS_DATA", str(tmp_path))
    assert data_dir() == tmp_path
    monkeypatch.setenv("KERNEL_UTILS_DATA", str(tmp_path / "nowhere"))
    with pytest.raises(DataFolderError) as info:
        data_dir()
    assert str(info.value) == (
        f"data folder not found at {tmp_path / 'nowhere'} (set by KERNEL_UTILS_DATA): "
        "point KERNEL_UTILS_DATA at a copy of the edition's data/ folder, or unset it."
    )


def test_display_path_shows_data_files_as_data_whatever_the_folder_is_called(tmp_path, monkeypatch):
    root = tmp_path / "copy"
    root.mkdir()
    monkeypatch.setenv("KERNEL_UTILS_DATA", str(root))
    assert display_path(root / "a" / "b.json") == "data/a/b.json"
    assert display_path(str(root / "sources.json")) == "data/sources.json"
    assert display_path(root) == "data"
    assert display_path(tmp_path / "notes" / "n.json") == "notes/n.json"
    assert display_path(Path("/nowhere/else/x.json")) == "x.json"
    assert display_path(Path("relative/y.json")) == "relative/y.json"


def test_display_path_without_a_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("KERNEL_UTILS_DATA", str(tmp_path / "nowhere"))
    assert display_path(tmp_path / "x.json") == "x.json"
    assert display_path(Path("relative/y.json")) == "relative/y.json"


# --------------------------------------------------------------------------- sources
SOURCE_A = {
    "id": "a",
    "kind": "book",
    "title": "A book",
    "citation": "Author, A book (1976).",
    "read_note": "pp. 1-2",
    "url": "https://example.org/a",
    "symbol": "A/1",
}
SOURCE_B = {"id": "b", "kind": "web-page", "title": "A page", "citation": "A page.", "read_note": "its opening"}


def test_load_sources_reads_every_field(tiny):
    _write(tiny / "sources.json", {"sources": [SOURCE_A, SOURCE_B]})
    assert load_sources() == {
        "a": Source("a", "book", "A book", "Author, A book (1976).", "pp. 1-2", "https://example.org/a", "A/1"),
        "b": Source("b", "web-page", "A page", "A page.", "its opening", None, None),
    }


def test_sources_ids_are_unique(tiny):
    path = _write(tiny / "sources.json", {"sources": [SOURCE_A, SOURCE_B, SOURCE_A]})
    assert validate_paths([path]) == [
        Problem("data/sources.json", "#3", "id", "a unique source id", "'a' again (first used by source #1)")
    ]
