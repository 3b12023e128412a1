"""The mutation report reads mutmut's results as mutmut scores them (benchmarks/mutation_report.py)."""

from __future__ import annotations

import json
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import mutation_report  # noqa: E402


def test_a_module_row_counts_each_verdict_and_scores_killed_and_timeouts_over_checked(tmp_path):
    meta = tmp_path / "kernel_utils" / "text" / "lines.py.meta"
    meta.parent.mkdir(parents=True)
    codes = {"a": 1, "b": 3, "c": 36, "d": 0, "e": 33, "f": None, "g": 34, "h": -11}
    meta.write_text(json.dumps({"exit_code_by_key": codes}), encoding="utf-8")
    rows, survivors = mutation_report.table(tmp_path)
    assert rows[2] == "| `text/lines.py` | 8 | 2 | 1 | 1 | 1 | 1 | 2 | 50.0% |"
    assert rows[3] == "| **all** | 8 | 2 | 1 | 1 | 1 | 1 | 2 | 50.0% |"
    assert survivors == ["d", "e", "h"]


def test_nothing_checked_has_no_score_and_a_missing_folder_says_what_to_run(tmp_path, capsys):
    assert mutation_report.score(mutation_report.Counter({"not checked": 3})) is None
    assert mutation_report.main([str(tmp_path / "none")]) == 1
    assert "run `python -m mutmut run" in capsys.readouterr().err
