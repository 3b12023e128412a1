"""The rules of the argument layer: what makes a vocabulary and a reading valid, and how a reading
resolves what it inherits.

Checked by ``python -m kernel_utils validate`` and on every load (the loaders in
:mod:`kernel_utils.layers.argument.model` read through the same validator).  A reading's check runs
in stages, each a small function: the units against their documents' texts and paragraphs, the
reading it is based on and what it inherits, the relations' types and ends, and the map as a whole
(no circular support, no orphan, the main conclusion reached from a premise, whole coverage).
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping

from kernel_utils.errors import FrusParseError, Problem
from kernel_utils.store.validation import CheckContext, check_quote, check_unique_ids, register
from kernel_utils.text.parser import parse_frus_text

__all__ = ["INFERENCE_ROLES", "argument_dir", "check_reading", "resolve_reading"]

#: Relation roles through which a conclusion stands on its grounds (support: sufficient, condition: necessary).
INFERENCE_ROLES = ("support", "condition")

Record = Mapping[str, Any]


def argument_dir(document: str) -> str:
    return f"documents/{document}/argument"


def resolve_reading(data: Mapping[str, Any], base: Mapping[str, Any] | None) -> tuple[dict[str, Mapping[str, Any]], dict[str, Mapping[str, Any]], dict[str, str], dict[str, str]]:
    """The effective units and relations (raw records) of a reading, with each one's origin."""
    own_units = {u["id"]: u for u in data.get("units", []) if isinstance(u, Mapping) and isinstance(u.get("id"), str)}
    own_rels = {r["id"]: r for r in data.get("relations", []) if isinstance(r, Mapping) and isinstance(r.get("id"), str)}
    units: dict[str, Mapping[str, Any]] = {}
    rels: dict[str, Mapping[str, Any]] = {}
    unit_origin: dict[str, str] = {}
    rel_origin: dict[str, str] = {}
    inherits = data.get("inherits") or {}  # each list defaults to empty below
    if base is not None:
        base_units = {u["id"]: u for u in base.get("units", []) if isinstance(u, Mapping) and isinstance(u.get("id"), str)}
        base_rels = {r["id"]: r for r in base.get("relations", []) if isinstance(r, Mapping) and isinstance(r.get("id"), str)}
        for uid in inherits.get("units", []):
            if uid in base_units:
                units[uid] = base_units[uid]
                unit_origin[uid] = "inherited"
        for rid in inherits.get("relations", []):
            if rid in base_rels:
                rels[rid] = base_rels[rid]
                rel_origin[rid] = "inherited"
        base_unit_ids, base_rel_ids = set(base_units), set(base_rels)
    else:
        base_unit_ids, base_rel_ids = set(), set()
    for uid, u in own_units.items():
        units[uid] = u
        unit_origin[uid] = "override" if uid in base_unit_ids else "own"
    for rid, r in own_rels.items():
        rels[rid] = r
        rel_origin[rid] = "override" if rid in base_rel_ids else "own"
    return units, rels, unit_origin, rel_origin


def _find_cycle(units: Iterable[str], edges: list[tuple[str, str, str]]) -> list[tuple[str, str, str]] | None:
    """A cycle among (source, target, relation id) edges, as the list of edges on it, or ``None``."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for e in edges:
        out.setdefault(e[0], []).append(e)
    state: dict[str, int] = {}
    path: list[tuple[str, str, str]] = []

    def visit(node: str) -> list[tuple[str, str, str]] | None:
        state[node] = 1
        for edge in out.get(node, []):
            nxt = edge[1]
            if state.get(nxt) == 1:
                start = next((i for i, e in enumerate(path) if e[0] == nxt), len(path))
                return path[start:] + [edge]
            if nxt not in state:
                path.append(edge)
                found = visit(nxt)
                if found:
                    return found
                path.pop()
        state[node] = 2
        return None

    for u in units:
        if u not in state:
            found = visit(u)
            if found:
                return found
    return None


def _check_vocabulary(data: dict[str, Any], ctx: CheckContext) -> Iterator[Problem]:
    yield from check_unique_ids(data["unit_types"], ctx.file, what="unit type")
    yield from check_unique_ids(data["relation_types"], ctx.file, what="relation type")
    clash = {t["id"] for t in data["unit_types"]} & {t["id"] for t in data["relation_types"]}
    for name in sorted(clash):
        yield Problem(ctx.file, f"'{name}'", "id", "unit types and relation types with different ids", f"{name!r} used for both")


def _paragraphs(text: str) -> list:
    """The paragraphs of a bundled text, or none when it cannot be parsed: the document's own
    check (store.documents) reports that failure with its file and line, once (so the error,
    and the source it would name, is not reported here)."""
    try:
        return list(parse_frus_text(text).paragraphs)
    except FrusParseError:
        return []


def check_reading(data: dict[str, Any], ctx: CheckContext) -> Iterator[Problem]:
    """Every problem of a reading, stage by stage; a stage whose failure would make the next
    meaningless (no text, no vocabulary, a broken base, missing relation ends) stops the check."""
    file, doc = ctx.file, data["document"]
    where = argument_dir(doc)
    expected_name = f"{data['id']}.json"
    if not file.endswith("/" + expected_name):
        yield Problem(file, "", "id", f"the file's own name without .json (a reading with id {data['id']!r} lives in {expected_name})", repr(data["id"]))
    text = ctx.document_text(doc)
    if text is None:
        yield Problem(file, "", "document", "a bundled document whose text can be read", repr(doc))
        return
    vocab = ctx.raw_json(f"{where}/vocabulary.json")
    if not isinstance(vocab, dict) or not isinstance(vocab.get("unit_types"), list) or not isinstance(vocab.get("relation_types"), list):
        yield Problem(file, "", "document", f"a readable vocabulary at data/{where}/vocabulary.json", "none")
        return
    unit_types = [str(t.get("id")) for t in vocab["unit_types"] if isinstance(t, dict)]
    rel_types = {str(t.get("id")): str(t.get("role")) for t in vocab["relation_types"] if isinstance(t, dict)}
    paragraphs = _paragraphs(text)
    yield from _unit_problems(data, ctx, unit_types, {doc: (text, paragraphs)})
    base_problems, base, stop = _base_problems(data, ctx, where)
    yield from base_problems
    if stop:
        return
    units, rels, unit_origin, rel_origin = resolve_reading(data, base)
    relation_problems, ends_ok = _relation_problems(data, ctx, units, rels, rel_origin, rel_types, base is not None)
    yield from relation_problems
    if data["main_conclusion"] not in units:
        yield Problem(file, "", "main_conclusion", f"the id of a unit of {data['id']}", repr(data["main_conclusion"]))
        return
    if ends_ok:
        yield from _map_problems(data, file, units, rels, unit_origin, rel_types, paragraphs)


def _unit_problems(data: dict[str, Any], ctx: CheckContext, unit_types: list[str],
                   texts: dict[str, tuple[str | None, list]]) -> Iterator[Problem]:
    """The reading's own units: ids unique, types from the vocabulary, quotes exact, each span inside
    the paragraph it names (in its own document), a reconstruction exactly when implicit."""
    file, doc = ctx.file, data["document"]
    yield from check_unique_ids(data["units"], file, what="unit")
    yield from check_unique_ids(data["relations"], file, what="relation")
    for u in data["units"]:
        rec = f"'{u['id']}'"
        if u["type"] not in unit_types:
            yield Problem(file, rec, "type", "a unit type of vocabulary.json (" + ", ".join(unit_types) + ")", repr(u["type"]))
        udoc = u.get("document", doc)
        if udoc not in texts:
            other = ctx.document_text(udoc)
            texts[udoc] = (other, _paragraphs(other) if other is not None else [])
        utext, uparagraphs = texts[udoc]
        quote_problems = list(check_quote(utext, u["start"], u["end"], u["quote"], file=file, record=rec, document=udoc))
        yield from quote_problems
        if not quote_problems:
            holder = next((p for p in uparagraphs if p.start <= u["start"] and u["end"] <= p.end), None)
            if holder is None:
                yield Problem(file, rec, "start/end", "a span inside one paragraph of the body", f"{u['start']}–{u['end']}, which is not inside one paragraph")
            elif holder.id != u["paragraph"]:
                yield Problem(file, rec, "paragraph", f"{holder.id!r} (the paragraph that holds {u['start']}–{u['end']})", repr(u["paragraph"]))
        if bool(u.get("implicit")) != ("reconstruction" in u):
            yield Problem(file, rec, "reconstruction", "a reconstruction exactly when the unit is implicit (implicit: true)",
                          "implicit without a reconstruction" if u.get("implicit") else "a reconstruction on a unit not marked implicit")


def _base_problems(data: dict[str, Any], ctx: CheckContext, where: str) -> tuple[list[Problem], dict[str, Any] | None, bool]:
    """The reading it is based on (one level only) and what it inherits from it.

    Returns the problems, the base reading's raw data (or ``None``), and whether the check must stop."""
    file, name = ctx.file, data["id"]
    problems: list[Problem] = []
    if not data.get("based_on"):
        if data.get("inherits"):
            problems.append(Problem(file, "", "inherits", "inherits only together with based_on (the reading it inherits from)", "inherits without based_on"))
            return problems, None, True
        return problems, None, False
    if data["based_on"] == name:
        return [Problem(file, "", "based_on", "another reading of the same document", repr(data["based_on"]))], None, True
    base = ctx.raw_json(f"{where}/{data['based_on']}.json")
    if not isinstance(base, dict):
        return [Problem(file, "", "based_on", f"a readable reading at data/{where}/{data['based_on']}.json", repr(data["based_on"]))], None, True
    if base.get("based_on"):
        return [Problem(file, "", "based_on", "a reading that is not itself based on another (one level of inheritance)", repr(data["based_on"]))], None, True
    inherits = data.get("inherits") or {"units": [], "relations": []}
    for kind, own in (("units", {u["id"] for u in data["units"]}), ("relations", {r["id"] for r in data["relations"]})):
        defined = {x.get("id") for x in base.get(kind, []) if isinstance(x, dict)}
        what = kind[:-1]
        for i, xid in enumerate(inherits[kind]):
            if xid not in defined:
                problems.append(Problem(file, "", f"inherits.{kind}.{i}", f"the id of a {what} of {data['based_on']}", f"{xid!r}, which {data['based_on']} does not define"))
            if xid in own:
                problems.append(Problem(file, f"'{xid}'", "id", f"a {what} either inherited or redefined, not both", f"{xid!r} both in inherits.{kind} and in {kind}"))
    return problems, base, False


def _relation_problems(data: dict[str, Any], ctx: CheckContext, units: Mapping[str, Record], rels: Mapping[str, Record],
                       rel_origin: Mapping[str, str], rel_types: Mapping[str, str], based: bool) -> tuple[list[Problem], bool]:
    """Each relation's type, its ends (units the reading defines or inherits) and its reference;
    returns the problems and whether every end exists."""
    file, name = ctx.file, data["id"]
    problems: list[Problem] = []
    ends_ok = True
    for rid, r in rels.items():
        rec = f"'{rid}'" + (f" (inherited from {data['based_on']})" if rel_origin[rid] == "inherited" else "")
        if r.get("type") not in rel_types:
            problems.append(Problem(file, rec, "type", "a relation type of vocabulary.json (" + ", ".join(rel_types) + ")", repr(r.get("type"))))
        sources = list(r.get("from", []))
        for i, s in enumerate([*sources, r.get("to")]):
            fld = f"from.{i}" if i < len(sources) else "to"
            if s in units:
                continue
            ends_ok = False
            if based:
                problems.append(Problem(file, rec, fld, f"the id of a unit that {name} defines or inherits", f"{s!r}, which {name} neither defines nor inherits"))
            else:
                sample = ", ".join(list(units)[:6]) + (" …" if len(units) > 6 else "")
                problems.append(Problem(file, rec, fld, f"the id of a unit of this reading (e.g. {sample})", repr(s)))
        ref = r.get("refers_to")
        if isinstance(ref, Mapping) and ref.get("read") and ref.get("document") not in ctx.document_ids():
            problems.append(Problem(file, rec, "refers_to.document", "a bundled document when 'read' is true (else 'read': false)", repr(ref.get("document"))))
        if r.get("to") in sources:
            problems.append(Problem(file, rec, "to", "a target that is not also one of the relation's sources", repr(r.get("to"))))
        if len(set(sources)) != len(sources):
            problems.append(Problem(file, rec, "from", "each source unit once", repr(r.get("from"))))
    return problems, ends_ok


def _map_problems(data: dict[str, Any], file: str, units: Mapping[str, Record], rels: Mapping[str, Record],
                  unit_origin: Mapping[str, str], rel_types: Mapping[str, str], paragraphs: list) -> Iterator[Problem]:
    """The map as a whole: no circular support, no orphan, the main conclusion a conclusion reached
    from a premise, and (coverage 'whole') a unit in every paragraph of the reading's own document."""
    inference = [(s, r["to"], rid) for rid, r in rels.items() if rel_types.get(str(r.get("type"))) in INFERENCE_ROLES for s in r["from"]]
    cycle = _find_cycle(list(units), inference)
    if cycle:
        shown = " → ".join([cycle[0][0]] + [e[1] for e in cycle])
        yield Problem(file, f"'{cycle[-1][2]}'", "from", "supports, qualifies and implements relations that never lead back to where they start (no cycle)",
                      f"the cycle {shown} (relations {', '.join(e[2] for e in cycle)})")
        return
    mentioned = {s for r in rels.values() for s in r["from"]} | {r["to"] for r in rels.values()}
    for uid in units:
        if uid not in mentioned:
            rec = f"'{uid}'" + (f" (inherited from {data['based_on']})" if unit_origin[uid] == "inherited" else "")
            yield Problem(file, rec, "id", "a unit joined to the map by at least one relation", "a unit no relation mentions (an orphan)")
    mc = data["main_conclusion"]
    if units[mc].get("type") != "conclusion":
        yield Problem(file, "", "main_conclusion", "a unit of type 'conclusion'", f"{mc!r}, of type {units[mc].get('type')!r}")
    if mc not in _reached_from_premises(units, inference):
        yield Problem(file, "", "main_conclusion", "a unit reached from at least one premise through supports, qualifies or implements relations",
                      f"{mc!r}, which no premise reaches")
    if data["coverage"] == "whole":
        covered = {u.get("paragraph") for u in units.values() if u.get("document", data["document"]) == data["document"]}
        for p in paragraphs:
            if p.id not in covered:
                yield Problem(file, "", "units", "at least one unit in every paragraph (coverage 'whole')", f"no unit in {p.id} (¶{p.number})")


def _reached_from_premises(units: Mapping[str, Record], inference: list[tuple[str, str, str]]) -> set[str]:
    """Every unit reached from a premise through inference edges (the premises included)."""
    reached = {uid for uid, u in units.items() if u.get("type") == "premise"}
    frontier = list(reached)
    while frontier:
        current = frontier.pop()
        for s, t, _ in inference:
            if s == current and t not in reached:
                reached.add(t)
                frontier.append(t)
    return reached


register("documents/*/argument/vocabulary.json", "argument-vocabulary.schema.json", _check_vocabulary,
         description="the vocabulary of the argument layer")
register("documents/*/argument/reading-*.json", "argument-reading.schema.json", check_reading,
         description="a reading (argument annotation) of a document")
