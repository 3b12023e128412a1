"""Print the mutation score of each mutated module from a finished ``mutmut run`` (its ``mutants/`` folder).

Run from the repository root after ``python -m mutmut run --max-children 2`` (configured in
``pyproject.toml``)::

    python benchmarks/mutation_report.py            # a Markdown table, one row per module
    python benchmarks/mutation_report.py --survivors  # and the name of every mutant that survived

mutmut keeps one ``<module>.py.meta`` JSON file per mutated module, mapping each mutant's name to the
exit code of the tests run against it.  The codes are mutmut's own (``mutmut.stats``): 1 killed (a
test failed), 0 survived, 33 no test reaches the mutated function, 34 skipped, 37 caught by the type
checker; a time-out (36, 24, -24, 152, 255) counts as killed, as mutmut counts it; ``None`` is not yet
checked.  The score is killed (with time-outs) over the mutants checked, as ``mutmut`` reports it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

#: mutmut's exit codes (``mutmut.stats.status_by_exit_code``), in the report's words.
VERDICTS: dict[int | None, str] = {
    1: "killed",
    3: "killed",
    36: "timeout",
    24: "timeout",
    -24: "timeout",
    152: "timeout",
    255: "timeout",
    0: "survived",
    5: "no tests",
    33: "no tests",
    None: "not checked",
    34: "skipped",
    2: "not checked",
}


def verdict(exit_code: int | None) -> str:
    """mutmut's verdict for one mutant's exit code; any other code (a crash) is 'suspicious'."""
    return VERDICTS.get(exit_code, "suspicious")


def module_counts(meta: Path) -> tuple[Counter[str], list[str]]:
    """The verdicts of one module's mutants and the names of its survivors."""
    codes = json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {})
    counts = Counter(verdict(code) for code in codes.values())
    survivors = sorted(name for name, code in codes.items() if verdict(code) in ("survived", "no tests", "suspicious"))
    return counts, survivors


def score(counts: Counter[str]) -> float | None:
    """Killed (time-outs included) over the mutants checked, as mutmut scores; ``None`` if none was checked."""
    checked = sum(counts.values()) - counts["not checked"] - counts["skipped"]
    return (counts["killed"] + counts["timeout"]) / checked if checked else None


def table(root: Path) -> tuple[list[str], list[str]]:
    """The Markdown rows of the report and every survivor's name."""
    rows = [
        "| module | mutants | killed | timeout | survived | no tests | suspicious | not checked | score |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    total: Counter[str] = Counter()
    survivors: list[str] = []
    for meta in sorted(root.glob("kernel_utils/**/*.py.meta")):
        counts, names = module_counts(meta)
        if not sum(counts.values()):
            continue
        total += counts
        survivors += names
        module = meta.relative_to(root).as_posix().removesuffix(".meta").removeprefix("kernel_utils/")
        rows.append(_row(f"`{module}`", counts))
    rows.append(_row("**all**", total))
    return rows, survivors


def _row(name: str, counts: Counter[str]) -> str:
    value = score(counts)
    shown = "–" if value is None else f"{value:.1%}"
    return (
        f"| {name} | {sum(counts.values())} | {counts['killed']} | {counts['timeout']} | {counts['survived']} "
        f"| {counts['no tests']} | {counts['suspicious']} | {counts['not checked'] + counts['skipped']} | {shown} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mutants", nargs="?", default="mutants", help="the mutants/ folder of a mutmut run")
    parser.add_argument("--survivors", action="store_true", help="also list every surviving mutant")
    args = parser.parse_args(argv)
    root = Path(args.mutants)
    if not root.is_dir():
        print(f"no mutmut results at {root}: run `python -m mutmut run --max-children 2` first", file=sys.stderr)
        return 1
    rows, survivors = table(root)
    print("\n".join(rows))
    if args.survivors:
        print("\n".join(["", f"{len(survivors)} survivors:", *survivors]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
