"""Measured agreement between two readings of the same document.

Three figures, each computable by hand on a small example (see ``tests/test_teaching.py``):

* **characters**: the characters each reading marks as part of some unit; their Jaccard
  index (shared ÷ marked by either) says how far the two agree on *what* is argument.
* **units**: units are paired one-to-one by span overlap (the Jaccard index of their
  character spans, at least ``threshold``, best pairs first); unpaired units are listed.
* **types**: on the paired units, the share with the same type (observed agreement) and
  Cohen's kappa, ``(p_o − p_e) / (1 − p_e)``, where ``p_e`` is the agreement expected by
  chance from each reading's own distribution of types.  Kappa is ``null`` when undefined
  (``p_e = 1``: both readings use one and the same type throughout) or no pair exists.
* **relations**: a relation of one reading is *shared* when the other has one with the
  same ends (through the unit pairs); *same type* counts those that also agree on type.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import Any, Sequence

from kernel_utils.layers.argument.model import Reading

__all__ = ["marked_characters", "match_units", "cohen_kappa", "agreement", "class_agreement"]


def marked_characters(reading: Reading) -> set[int]:
    """Offsets of every character of the reading's own document inside at least one unit's span."""
    return {i for u in reading.units.values() if u.document in ("", reading.document) for i in range(u.start, u.end)}


def _span_jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = (a[1] - a[0]) + (b[1] - b[0]) - shared
    return shared / union if union else 0.0


def match_units(first: Reading, second: Reading, threshold: float = 0.5) -> list[tuple[str, str, float]]:
    """One-to-one pairs ``(unit of first, unit of second, span Jaccard)`` with Jaccard ≥ ``threshold``, best first."""
    candidates = []
    for a in first.units.values():
        for b in second.units.values():
            if (a.document or first.document) != (b.document or second.document):
                continue  # spans in different documents never overlap (a reading grounded in the exchange)
            score = _span_jaccard((a.start, a.end), (b.start, b.end))
            if score >= threshold and score > 0:
                candidates.append((-score, a.start, b.start, a.id, b.id, score))
    pairs, used_a, used_b = [], set(), set()
    for _, _, _, aid, bid, score in sorted(candidates):
        if aid not in used_a and bid not in used_b:
            pairs.append((aid, bid, round(score, 4)))
            used_a.add(aid)
            used_b.add(bid)
    return sorted(pairs, key=lambda p: first.units[p[0]].start)


def cohen_kappa(first: Sequence[str], second: Sequence[str]) -> tuple[float | None, float | None, float | None]:
    """``(observed agreement, chance agreement, kappa)`` of two equally long lists of labels (``None`` when undefined)."""
    if len(first) != len(second):
        raise ValueError(f"two lists of labels of the same length, found {len(first)} and {len(second)}")
    n = len(first)
    if n == 0:
        return None, None, None
    observed = sum(a == b for a, b in zip(first, second)) / n
    count_a, count_b = Counter(first), Counter(second)
    expected = sum(count_a[k] * count_b[k] for k in count_a) / (n * n)
    kappa = None if expected == 1 else (observed - expected) / (1 - expected)
    return observed, expected, kappa


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _relation_keys(reading: Reading, rename: dict[str, str] | None) -> dict[tuple, tuple[str, str]]:
    """Each relation as ``(frozenset(sources), target) → (relation id, type)`` in the other reading's unit ids."""
    keys = {}
    for r in reading.relations.values():
        ends = [*r.sources, r.target]
        if rename is not None and not all(e in rename for e in ends):
            continue
        name = (lambda e: rename[e]) if rename is not None else (lambda e: e)
        keys[(frozenset(name(s) for s in r.sources), name(r.target))] = (r.id, r.type)
    return keys


def _relations(first: Reading, second: Reading, pairs: list[tuple[str, str, float]]) -> dict[str, Any]:
    to_second = {a: b for a, b, _ in pairs}
    mapped = _relation_keys(first, to_second)
    theirs = _relation_keys(second, None)
    shared = [(mapped[k][0], theirs[k][0], mapped[k][1], theirs[k][1]) for k in mapped if k in theirs]
    same_type = [s for s in shared if s[2] == s[3]]
    shared_first = {s[0] for s in shared}
    shared_second = {s[1] for s in shared}
    union = len(first.relations) + len(second.relations) - len(shared)
    return {
        "first": len(first.relations), "second": len(second.relations), "shared": len(shared), "same_type": len(same_type),
        "jaccard": _round(len(shared) / union) if union else None,
        "shared_pairs": [{"first": a, "second": b, "type_first": ta, "type_second": tb} for a, b, ta, tb in shared],
        "only_first": [r for r in first.relations if r not in shared_first],
        "only_second": [r for r in second.relations if r not in shared_second],
    }


def agreement(first: Reading, second: Reading, *, threshold: float = 0.5) -> dict[str, Any]:
    """The agreement figures of two readings of one document, JSON-ready (see the module's docstring)."""
    if first.document != second.document:
        raise ValueError(f"readings of the same document, found {first.document} and {second.document}")
    chars_a, chars_b = marked_characters(first), marked_characters(second)
    either = chars_a | chars_b
    pairs = match_units(first, second, threshold)
    types_a = [first.units[a].type for a, _, _ in pairs]
    types_b = [second.units[b].type for _, b, _ in pairs]
    observed, expected, kappa = cohen_kappa(types_a, types_b)
    paired_a, paired_b = {a for a, _, _ in pairs}, {b for _, b, _ in pairs}
    main_pair = any(a == first.main_conclusion and b == second.main_conclusion for a, b, _ in pairs)
    return {
        "first": first.id, "second": second.id, "document": first.document,
        "characters": {"first": len(chars_a), "second": len(chars_b), "shared": len(chars_a & chars_b),
                       "jaccard": _round(len(chars_a & chars_b) / len(either)) if either else None},
        "units": {"first": len(first.units), "second": len(second.units), "threshold": threshold,
                  "matched": [{"first": a, "second": b, "span_jaccard": s} for a, b, s in pairs],
                  "only_first": [u for u in first.units if u not in paired_a],
                  "only_second": [u for u in second.units if u not in paired_b]},
        "types": {"matched": len(pairs), "agreeing": sum(a == b for a, b in zip(types_a, types_b)),
                  "observed_agreement": _round(observed), "chance_agreement": _round(expected), "cohen_kappa": _round(kappa),
                  "disagreements": [{"first": a, "second": b, "type_first": first.units[a].type, "type_second": second.units[b].type}
                                    for a, b, _ in pairs if first.units[a].type != second.units[b].type]},
        "relations": _relations(first, second, pairs),
        "main_conclusion": {"first": first.main_conclusion, "second": second.main_conclusion, "same_unit": main_pair},
    }


def class_agreement(readings: Sequence[Reading], *, threshold: float = 0.5) -> dict[str, Any]:
    """Pairwise agreement of several readings (a class's files), JSON-ready."""
    if len(readings) < 2:
        raise ValueError(f"at least two readings to compare, found {len(readings)}")
    return {"readings": [r.id for r in readings],
            "pairs": [agreement(a, b, threshold=threshold) for a, b in combinations(readings, 2)]}
