#!/usr/bin/env python3
"""Accuracy and speed of the dossier's cross-reference finder: figures printed, never asserted.

    PYTHONPATH=. python benchmarks/references_accuracy.py [--repeat N]

Accuracy: every reference found in the texts of the hand-checked list
(``tests/fixtures/dossier_references.json``, made by reading the texts) is compared with the list.
A found reference is *correct* when its offsets, series, number, date, target and status all equal a
hand-checked one; *detected* when its offsets do.  Precision = correct / found, recall = correct /
hand-checked.  Texts: the bundled text where the document is bundled, else the stored page text in
``tests/fixtures/frus/texts/`` (the hand list also covers a few exchange documents not bundled).

Speed: (a) cold, in a fresh process: loading, validating and parsing every bundled document, then
finding and resolving all their references (:func:`kernel_utils.dossier_references`); (b) warm:
finding and resolving only, on texts already parsed (median of ``--repeat`` runs).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOLD = ROOT / "tests" / "fixtures" / "dossier_references.json"
FIXTURES = ROOT / "tests" / "fixtures" / "frus" / "texts"
FIELDS = ("start", "end", "series", "number", "date", "target", "status")
FINDING = ("start", "end", "series", "number", "date")


def _parsed(document_id: str):
    from kernel_utils import (
        document_record,
        list_documents,
        load_document,
        parse_frus_text,
    )

    if document_id in list_documents():
        return load_document(document_id), document_record(document_id).date
    path = FIXTURES / f"{document_id}.txt"
    return parse_frus_text(path.read_text(encoding="utf-8"), source=path.name), None


def found_references(ids: list[str]) -> dict[str, list[dict]]:
    """Every reference the library finds in the texts of ``ids``, resolved, dates compared across them."""
    from kernel_utils import references_in_document
    from kernel_utils.layers.dossier.resolution import (
        load_resolution_table,
        mark_date_disagreements,
    )

    table = load_resolution_table()
    parsed = {i: _parsed(i) for i in ids}
    refs = {i: references_in_document(doc, i, date=date, table=table) for i, (doc, date) in parsed.items()}
    return {i: [r.as_dict() for r in rs] for i, rs in mark_date_disagreements(refs).items()}


def score(gold: dict[str, list[dict]], found: dict[str, list[dict]], fields: tuple[str, ...] = FIELDS) -> dict:
    correct = detected = n_found = n_gold = 0
    misses, extras = [], []
    for document, expected in gold.items():
        got = found.get(document, [])
        n_found += len(got)
        n_gold += len(expected)
        want = {tuple(e[f] for f in fields) for e in expected}
        spans = {(e["start"], e["end"]) for e in expected}
        for r in got:
            key = tuple(r[f] for f in fields)
            correct += key in want
            detected += (r["start"], r["end"]) in spans
            if key not in want:
                extras.append(f"{document} {r['quote']!r}: {dict(zip(fields, key))}")
        got_keys = {tuple(r[f] for f in fields) for r in got}
        misses += [f"{document} {e['quote']!r}" for e in expected if tuple(e[f] for f in fields) not in got_keys]
    return {"documents": len(gold), "hand_checked": n_gold, "found": n_found, "correct": correct, "detected": detected,
            "precision": correct / n_found if n_found else 1.0, "recall": correct / n_gold if n_gold else 1.0,
            "misses": misses, "wrong_or_extra": extras}


_COLD = """
import time
t = time.perf_counter()
import kernel_utils
refs = kernel_utils.dossier_references()
print(time.perf_counter() - t, sum(len(v) for v in refs.values()), len(refs))
"""


def bench_speed(repeat: int) -> dict:
    cold = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", _COLD], check=True, cwd=ROOT, capture_output=True, text=True,
                             env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}).stdout.split()
        cold.append(float(out[0]))
    from kernel_utils import (
        document_record,
        list_documents,
        load_document,
        references_in_document,
    )
    from kernel_utils.layers.dossier.resolution import (
        load_resolution_table,
        mark_date_disagreements,
    )

    table = load_resolution_table()
    docs = {i: (load_document(i), document_record(i).date) for i in list_documents()}
    warm = []
    for _ in range(repeat):
        t = time.perf_counter()
        mark_date_disagreements({i: references_in_document(d, i, date=date, table=table) for i, (d, date) in docs.items()})
        warm.append(time.perf_counter() - t)
    return {"documents": len(docs), "references": int(out[1]), "cold_s": statistics.median(cold), "warm_s": statistics.median(warm)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    gold, other = data["documents"], data["other_texts"]["documents"]
    for title, result in (
        ("the dossier: finding and resolving (offsets, series, number, date, target, status)", score(gold, found_references(sorted(gold)))),
        ("texts outside the dossier: finding only (offsets, series, number, date)", score(other, found_references(sorted(other)), FINDING)),
    ):
        print(f"{title}\n    {result['documents']} documents, {result['hand_checked']} hand-checked references")
        print(f"    found {result['found']}, correct {result['correct']}, offsets right {result['detected']}")
        print(f"    precision {result['precision']:.3f}   recall {result['recall']:.3f}   (goal ≥ 0.95 each)")
        for line in result["misses"]:
            print(f"    missed: {line}")
        for line in result["wrong_or_extra"]:
            print(f"    wrong or extra: {line}")
    speed = bench_speed(args.repeat)
    print(f"speed, every bundled document ({speed['documents']} documents, {speed['references']} references), median of {args.repeat}")
    print(f"    cold, fresh process (import, load, validate, parse, find, resolve)  {speed['cold_s']:.3f} s")
    print(f"    warm, texts parsed (find and resolve only)                          {speed['warm_s'] * 1000:.1f} ms   (goal < 1 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
