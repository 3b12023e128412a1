"""The one validator: covers every data file, passes the real data, reports problems plainly."""

from __future__ import annotations

import json
from fnmatch import fnmatch

import pytest

from kernel_utils import DataValidationError, Problem, validate_all, validate_paths
from kernel_utils.__main__ import main
from kernel_utils.store.validation import check_iso_date, check_quote, load_validated, nearest_occurrence, rules
from conftest import DATA


def test_the_real_data_is_valid():
    assert validate_all() == []


def test_every_data_file_is_covered_by_a_rule():
    patterns = [rule.pattern for rule in rules()]
    for path in DATA.rglob("*"):
        if path.is_dir() or path.name == "README.md":
            continue
        relative = path.relative_to(DATA).as_posix()
        if relative.startswith("schemas/"):
            continue
        if path.name == "text.txt":  # checked through its document.json (size, checksum, encoding)
            assert (path.parent / "document.json").is_file(), relative
            continue
        assert any(fnmatch(relative, p) for p in patterns), f"no validation rule covers data/{relative}"


def test_every_rule_has_a_schema_that_documents_itself():
    for rule in rules():
        schema = json.loads((DATA / "schemas" / rule.schema).read_text(encoding="utf-8"))
        assert schema.get("title") and schema.get("description"), rule.schema


def test_schemas_use_no_format_keyword():
    # Format checkers are switched off for speed (validation._FORMAT_ONLY_MODULES); a "format"
    # keyword would then be silently ignored, so the schemas must use patterns instead.
    for path in (DATA / "schemas").glob("*.schema.json"):
        assert '"format"' not in path.read_text(encoding="utf-8"), path.name


def test_check_quote_reports_offsets_and_where_the_words_really_are():
    problems = list(check_quote("abc Webb def", 3, 7, "Webb", file="f.json", record="'m1'"))
    assert len(problems) == 1
    text = str(problems[0])
    assert "f.json, record 'm1', field 'quote'" in text and "' Web'" in text and "stand at 4–8" in text
    assert list(check_quote("abc Webb def", 4, 8, "Webb", file="f", record="r")) == []
    out_of_range = list(check_quote("abc", 2, 9, "x", file="f", record="r"))
    assert "0 ≤ start < end ≤ 3" in str(out_of_range[0])


@pytest.mark.parametrize("value, precision, ok", [
    ("1950-12-20", "day", True), ("1950-02-30", "day", False), ("1950-12", "month", True),
    ("1950-13", "month", False), ("20 Dec 1950", "day", False), ("1950-12-20", "month", False),
])
def test_check_iso_date(value, precision, ok):
    assert (list(check_iso_date(value, precision, file="f", record="r", field="start")) == []) is ok


def test_cli_validate_ok_and_given_files(capsys):
    assert main(["validate"]) == 0
    assert "OK" in capsys.readouterr().out
    assert main(["validate", str(DATA / "sources.json")]) == 0


def test_cli_refuses_a_file_no_rule_covers(data_copy, capsys):
    stray = data_copy / "notes.json"
    stray.write_text("{}", encoding="utf-8")
    assert main(["validate"]) == 1
    out = capsys.readouterr().out
    assert "data/notes.json" in out and "a file no rule covers" in out


def test_loading_uses_the_validator(data_copy):
    path = data_copy / "sources.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["sources"][0]["kind"] = "rumour"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataValidationError) as info:
        load_validated("sources.json")
    problem = info.value.problems[0]
    assert isinstance(problem, Problem)
    assert (problem.file, problem.field) == ("data/sources.json", "kind")
    assert problem.found == "'rumour'"


def test_declared_rule_patterns_match_what_each_module_registers():
    """The packages' tables (store/__init__.py, layers/__init__.py) say which module covers which
    files (so only that module is imported); they must agree with the rules the modules register."""
    from kernel_utils.store.validation import _RULE_MODULES

    registered: dict[str, set[str]] = {}
    for rule in rules():
        registered.setdefault(rule.checks[0].__module__, set()).add(rule.pattern)
    assert registered == {module: set(patterns) for module, patterns in _RULE_MODULES.items()}


def test_loading_the_telegram_imports_no_layer():
    import subprocess
    import sys

    code = "import sys, kernel_utils; kernel_utils.load_telegram(); print(sorted(m for m in sys.modules if m.startswith(('pandas', 'matplotlib', 'kernel_utils.layers.timeline', 'kernel_utils.layers.argument.model'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]", out


# --------------------------------------------------------------------------- leniency and boundaries
def test_the_quote_hint_points_at_the_occurrence_nearest_the_offsets():
    text = "Webb wrote. " * 3  # "Webb" at 0, 12 and 24
    problems = list(check_quote(text, 22, 26, "Webb", file="f", record="r"))
    assert "stand at 24–28" in str(problems[0])
    assert "stand at 0–4" in str(next(iter(check_quote(text, 1, 5, "Webb", file="f", record="r"))))
    assert nearest_occurrence(text, "Webb", 18) == 12 and nearest_occurrence(text, "Acheson", 3) is None
    assert nearest_occurrence("ab ab", "ab", 1) == 0  # a tie goes to the earlier occurrence


def test_a_quote_must_match_exactly_not_after_stripping_spaces():
    # offsets one character too wide take in a space: the words differ, though not after .strip()
    assert len(list(check_quote("abc Webb def", 4, 9, "Webb", file="f", record="r"))) == 1
    assert len(list(check_quote("abc Webb def", 3, 8, "Webb", file="f", record="r"))) == 1


def test_offsets_written_with_a_decimal_point_are_not_checked_as_integers():
    # the schema refuses 29.0 (see tests/broken_data/mentions-offset-written-as-float.json);
    # check_quote must not slice with it
    assert list(check_quote("abc Webb def", 4.0, 8, "Webb", file="f", record="r")) == []
    assert list(check_quote("abc Webb def", True, 8, "Webb", file="f", record="r")) == []


def test_a_json_syntax_error_has_its_line_and_column_in_their_own_fields(data_copy):
    (data_copy / "sources.json").write_text('{"sources": [\n  {"id": "x",}\n]}', encoding="utf-8")
    [problem] = [p for p in validate_all() if p.file == "data/sources.json"]
    assert (problem.line, problem.column) == (2, 14)
    assert (problem.record, problem.field) == ("", "")
    assert str(problem).startswith("data/sources.json, line 2, column 14: expected valid JSON")


def test_a_byte_order_mark_is_one_problem_with_its_cause(data_copy):
    path = data_copy / "sources.json"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    problems = validate_all()
    assert len(problems) == 1, problems
    assert problems[0].file == "data/sources.json" and "byte-order mark" in problems[0].found


def test_a_missing_data_folder_is_one_clean_error(tmp_path, monkeypatch, capsys):
    from kernel_utils import DataFolderError, load_document

    monkeypatch.setenv("KERNEL_UTILS_DATA", str(tmp_path / "nowhere"))
    assert main(["validate"]) == 1
    err = capsys.readouterr().err
    assert "data folder not found" in err and "nowhere" in err and "Traceback" not in err
    assert err.count("\n") == 1
    with pytest.raises(DataFolderError, match="KERNEL_UTILS_DATA"):
        load_document("frus1950v07-d970")


def test_a_missing_file_given_on_the_command_line_is_one_clean_error(data_copy, capsys):
    assert main(["validate", str(data_copy / "sources.json"), str(data_copy / "entities" / "gone.json")]) == 1
    out = capsys.readouterr().out
    assert "1 problem(s) found" in out and "data/entities/gone.json" in out and "Traceback" not in out


def test_overlapping_occurrences_are_all_candidates_for_the_hint():
    assert nearest_occurrence("aaaa", "aa", 1) == 1 and nearest_occurrence("aaaa", "aa", 3) == 2


def test_long_values_are_shortened_at_80_characters_in_messages():
    from kernel_utils.store.validation import _short

    assert _short("x" * 80) == repr("x" * 80)
    assert _short("x" * 81) == repr("x" * 79 + "…")


def test_a_problem_of_the_whole_file_names_no_record(data_copy):
    path = data_copy / "edition.json"
    path.write_text("{}", encoding="utf-8")
    [problem] = validate_paths([path])
    assert (problem.file, problem.record, problem.field) == ("data/edition.json", "", "default_document")
    assert problem.expected == "the field to be present"
