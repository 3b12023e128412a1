"""The telegram's reasoning as data: argument units, typed relations, readings, and the queries a reader needs.

A *reading* (``data/documents/<id>/argument/reading-*.json``) marks argument
units on exact spans of the verbatim text (offsets plus quoted words), gives
each a type from ``vocabulary.json``, and joins them with typed relations
(``from`` a list of units ``to`` one unit).  A reading may be based on another
and reuse its units and relations by id, replacing or adding some: that is how
an alternative interpretation of the contested passages is stored without
copying the rest.  Everything here is the edition's interpretation; the
rationale of each unit and relation is the annotator's.

The rules (checked by ``python -m kernel_utils validate`` and on every load):
spans match the text and lie in the paragraph they name, types come from the
vocabulary, every relation's ends exist in the reading (own or inherited),
support never runs in a circle, no unit is left out of the map, the main
conclusion is reachable from a premise, and a "whole" reading leaves no
paragraph out.

A unit may lie in another bundled document (its ``document`` field; default: the
reading's own): that is how a reading is grounded in the exchange, with
relations that run between a unit of the telegram and the passage of another
document it answers or repeats.  Such a unit is checked against that document's
text and paragraphs like any other; :meth:`Reading.cross_document_relations`
lists the relations whose ends lie in more than one document.

Relation roles (from the vocabulary) drive the queries: a *support* relation
(supports, implements) is one sufficient ground among possibly several; a
*condition* relation (qualifies) is necessary; a *conflict* relation (attacks,
rebuts, concedes) is shown but does not make anything stand or fall.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, Iterable, Mapping

from kernel_utils.store.documents import default_document, load_document
from kernel_utils.store.paths import data_dir
from kernel_utils.store.validation import load_validated
from kernel_utils.layers.argument.checks import INFERENCE_ROLES, argument_dir, resolve_reading

__all__ = [
    "UnitType",
    "RelationType",
    "Vocabulary",
    "Unit",
    "Relation",
    "Reading",
    "Withdrawal",
    "ReadingComparison",
    "load_vocabulary",
    "load_reading",
    "list_readings",
    "compare_readings",
]

SUPPORT, CONDITION, CONFLICT = "support", "condition", "conflict"


# =========================================================================== model
@dataclass(frozen=True)
class UnitType:
    """A kind of argument unit (premise, red line ...), with its diagram shape and colour."""

    id: str
    label: str
    definition: str
    shape: str
    colour: str


@dataclass(frozen=True)
class RelationType:
    """A kind of relation, its role in what stands or falls, and the AIF node it becomes."""

    id: str
    label: str
    definition: str
    role: str
    aif_type: str
    aif_text: str


@dataclass(frozen=True)
class Vocabulary:
    """The documented vocabulary of a document's argument layer."""

    unit_types: Mapping[str, UnitType]
    relation_types: Mapping[str, RelationType]
    description: str

    def table(self):
        """Unit and relation types with their definitions, as one :class:`pandas.DataFrame`."""
        import pandas as pd

        rows = [{"kind": "unit", "type": t.id, "label": t.label, "AIF": "I", "definition": t.definition} for t in self.unit_types.values()]
        rows += [{"kind": "relation", "type": t.id, "label": t.label, "AIF": t.aif_type, "definition": t.definition} for t in self.relation_types.values()]
        return pd.DataFrame(rows).set_index(["kind", "type"])


@dataclass(frozen=True)
class Unit:
    """One argument unit: a typed span of the verbatim text (``start``–``end``, end exclusive)."""

    id: str
    type: str
    paragraph: str
    start: int
    end: int
    quote: str
    label: str
    rationale: str
    implicit: bool = False
    reconstruction: str | None = None
    origin: str = "own"  # own | inherited | override (in a reading based on another)
    document: str = ""   # the bundled document the span is in ("" in a bare Unit: the reading's own)

    @property
    def number(self) -> int:
        """The paragraph's number (¶n), read from its id ``pNN``."""
        return int(self.paragraph[1:])

    @property
    def statement(self) -> str:
        """What the unit says: the reconstruction of an implicit unit, else the quote without page markers."""
        if self.reconstruction:
            return self.reconstruction
        from kernel_utils.text.parser import PAGE_MARKER

        return " ".join(PAGE_MARKER.sub("", self.quote).split())


@dataclass(frozen=True)
class Relation:
    """A typed relation from one or more units (``sources``, the JSON ``from``) to one unit (``target``)."""

    id: str
    type: str
    sources: tuple[str, ...]
    target: str
    rationale: str
    origin: str = "own"
    refers_to: Mapping[str, Any] | None = None  # a passage of a document the edition does not hold, stood in for by a reference



@dataclass(frozen=True)
class Withdrawal:
    """What happens to a reading when some units are withdrawn."""

    withdrawn: tuple[str, ...]
    fallen: tuple[str, ...]          # stood before, no longer stand (withdrawn units excluded)
    unanswered: tuple[str, ...]      # objections whose every rebuttal has fallen or been withdrawn
    standing: frozenset[str]
    main_conclusion_falls: bool


class Reading:
    """A resolved reading: its own and inherited units and relations, with the queries a reader needs."""

    def __init__(self, meta: Mapping[str, Any], units: Iterable[Unit], relations: Iterable[Relation], vocabulary: Vocabulary, text: str):
        self.id: str = meta["id"]
        self.document: str = meta["document"]
        self.title: str = meta["title"]
        self.description: str = meta["description"]
        self.annotator: str = meta["annotator"]
        self.coverage: str = meta["coverage"]
        self.based_on: str | None = meta.get("based_on")
        self.main_conclusion: str = meta["main_conclusion"]
        self.vocabulary = vocabulary
        self.text = text
        own = self.document
        units = [u if u.document else _with_document(u, own) for u in units]
        # the reading's own document first, in text order; then each other document's units in its text order
        self.units: dict[str, Unit] = {u.id: u for u in sorted(units, key=lambda u: (u.document != own, u.document, u.start, u.end, u.id))}
        self.relations: dict[str, Relation] = {r.id: r for r in relations}

    def __repr__(self) -> str:
        return f"<Reading {self.id}: {len(self.units)} units, {len(self.relations)} relations, main conclusion {self.main_conclusion}>"

    # ------------------------------------------------------------- documents
    @property
    def documents(self) -> list[str]:
        """The documents the reading's units lie in: its own first, then the others in unit order."""
        return list(dict.fromkeys([self.document, *(u.document for u in self.units.values())]))

    def text_of(self, unit: Unit) -> str:
        """The verbatim text of the document a unit lies in (integrity-checked)."""
        if unit.document in ("", self.document):
            return self.text
        return load_document(unit.document).text

    def external_references(self) -> list[Relation]:
        """Relations that rest on a passage of a document the edition has not read, through a reference to it (``refers_to``)."""
        return [r for r in self.relations.values() if r.refers_to]

    def cross_document_relations(self) -> list[Relation]:
        """Relations whose ends lie in more than one document (the reading's ties to the exchange)."""
        return [r for r in self.relations.values() if len({self.units[u].document for u in (*r.sources, r.target)}) > 1]

    # ------------------------------------------------------------- lookup
    def unit(self, unit_id: str) -> Unit:
        """The unit with this id, or ``KeyError`` listing the valid ids."""
        try:
            return self.units[unit_id]
        except KeyError:
            raise KeyError(f"no unit {unit_id!r} in {self.id}; units: {', '.join(self.units)}") from None

    def role(self, relation: Relation) -> str:
        return self.vocabulary.relation_types[relation.type].role

    def relations_into(self, unit_id: str, roles: Iterable[str] | None = None) -> list[Relation]:
        """Relations whose target is ``unit_id`` (optionally only those of the given roles)."""
        self.unit(unit_id)
        wanted = set(roles) if roles is not None else None
        return [r for r in self.relations.values() if r.target == unit_id and (wanted is None or self.role(r) in wanted)]

    def relations_from(self, unit_id: str, roles: Iterable[str] | None = None) -> list[Relation]:
        """Relations that have ``unit_id`` among their sources."""
        self.unit(unit_id)
        wanted = set(roles) if roles is not None else None
        return [r for r in self.relations.values() if unit_id in r.sources and (wanted is None or self.role(r) in wanted)]

    def neighbours(self, unit_id: str) -> list[str]:
        """Units joined to ``unit_id`` by any relation, in text order."""
        near: set[str] = set()
        for r in self.relations.values():
            ends = {*r.sources, r.target}
            if unit_id in ends:
                near |= ends
        near.discard(unit_id)
        return [u for u in self.units if u in near]

    def units_of_type(self, unit_type: str) -> list[Unit]:
        """Units of one type, in text order (``KeyError`` for a type the vocabulary lacks)."""
        if unit_type not in self.vocabulary.unit_types:
            raise KeyError(f"no unit type {unit_type!r}; types: {', '.join(self.vocabulary.unit_types)}")
        return [u for u in self.units.values() if u.type == unit_type]

    # ------------------------------------------------------------- queries
    def supporters(self, unit_id: str) -> list[tuple[Relation, tuple[Unit, ...]]]:
        """What directly supports (or conditions) a unit: each relation with its source units."""
        return [(r, tuple(self.units[s] for s in r.sources)) for r in self.relations_into(unit_id, INFERENCE_ROLES)]

    def attackers(self, unit_id: str) -> list[tuple[Relation, tuple[Unit, ...]]]:
        """What attacks, rebuts or concedes against a unit."""
        return [(r, tuple(self.units[s] for s in r.sources)) for r in self.relations_into(unit_id, (CONFLICT,))]

    def rests_on(self, unit_id: str) -> list[str]:
        """Every unit ``unit_id`` rests on, transitively, through support and condition relations (text order)."""
        seen: set[str] = set()
        todo = [unit_id]
        while todo:
            current = todo.pop()
            for r in self.relations_into(current, INFERENCE_ROLES):
                for s in r.sources:
                    if s not in seen:
                        seen.add(s)
                        todo.append(s)
        seen.discard(unit_id)
        return [u for u in self.units if u in seen]

    def unsupported(self) -> list[str]:
        """Units with nothing supporting or conditioning them: the reading's starting points (text order)."""
        return [u for u in self.units if not self.relations_into(u, INFERENCE_ROLES)]

    @cached_property
    def _order(self) -> list[str]:
        """Units in an order where every unit comes after its grounds (the validator forbids cycles)."""
        incoming = {u: [s for r in self.relations_into(u, INFERENCE_ROLES) for s in r.sources] for u in self.units}
        done: list[str] = []
        placed: set[str] = set()
        while len(done) < len(self.units):
            progress = False
            for u in self.units:
                if u not in placed and all(s in placed for s in incoming[u]):
                    done.append(u)
                    placed.add(u)
                    progress = True
            if not progress:
                raise ValueError(f"{self.id}: support runs in a circle; validate the data")
        return done

    def standing(self, withdrawn: Iterable[str] = ()) -> frozenset[str]:
        """The units that stand when ``withdrawn`` are taken away.

        A unit stands unless withdrawn, when (a) it has no supporting relation or at
        least one supporting relation whose sources all stand, and (b) every
        qualifying relation into it has all its sources standing.
        """
        out = set(withdrawn)
        for u in out:
            self.unit(u)
        stands: set[str] = set()
        for u in self._order:
            if u in out:
                continue
            supports = self.relations_into(u, (SUPPORT,))
            conditions = self.relations_into(u, (CONDITION,))
            ok = not supports or any(all(s in stands for s in r.sources) for r in supports)
            ok = ok and all(all(s in stands for s in r.sources) for r in conditions)
            if ok:
                stands.add(u)
        return frozenset(stands)

    def withdraw(self, *unit_ids: str) -> Withdrawal:
        """Withdraw units (a premise, say): which others lose their support, which objections go unanswered."""
        before = self.standing()
        after = self.standing(unit_ids)
        fallen = tuple(u for u in self.units if u in before and u not in after and u not in unit_ids)
        unanswered = []
        for u in self.units:
            rebuttals = [r for r in self.relations_into(u) if r.type == "rebuts"]  # a conflict relation by its type
            if rebuttals and u in after and not any(all(s in after for s in r.sources) for r in rebuttals):
                if any(all(s in before for s in r.sources) for r in rebuttals):
                    unanswered.append(u)
        return Withdrawal(tuple(unit_ids), fallen, tuple(unanswered), after, self.main_conclusion not in after)

    # ------------------------------------------------------------- views
    def unit_table(self):
        """The units as a :class:`pandas.DataFrame`, indexed by id, in text order (with their document)."""
        import pandas as pd

        rows = [
            {"id": u.id, "document": u.document, "paragraph": f"¶{u.number}", "type": u.type, "label": u.label, "start": u.start, "end": u.end,
             "implicit": u.implicit, "statement": u.statement, "origin": u.origin}
            for u in self.units.values()
        ]
        return pd.DataFrame(rows).set_index("id")

    def relation_table(self):
        """The relations as a :class:`pandas.DataFrame`, indexed by id."""
        import pandas as pd

        rows = [
            {"id": r.id, "type": r.type, "role": self.role(r), "from": ", ".join(r.sources), "to": r.target,
             "rationale": r.rationale, "origin": r.origin}
            for r in self.relations.values()
        ]
        return pd.DataFrame(rows).set_index("id")


def _with_document(unit: Unit, document: str) -> Unit:
    from dataclasses import replace

    return replace(unit, document=document)


# =========================================================================== comparison
@dataclass(frozen=True)
class ReadingComparison:
    """Where two readings differ: units, relations, main conclusion."""

    first: str
    second: str
    units: Any       # DataFrame: one row per unit that differs
    relations: Any   # DataFrame: one row per relation that differs
    main_conclusions: tuple[str, str]

    @property
    def changed_unit_ids(self) -> list[str]:
        return list(self.units.index)

    @property
    def changed_relation_ids(self) -> list[str]:
        return list(self.relations.index)


def compare_readings(first: Reading, second: Reading) -> ReadingComparison:
    """Every unit and relation that one reading has and the other lacks, or that the two define differently."""
    import pandas as pd

    unit_rows = []
    for uid in sorted(set(first.units) | set(second.units), key=lambda i: (_span_key(first, second, i), i)):
        a, b = first.units.get(uid), second.units.get(uid)
        if a is not None and b is not None and (a.type, a.start, a.end, a.statement) == (b.type, b.start, b.end, b.statement):
            continue
        if a is None:
            change = f"only in {second.id}"
        elif b is None:
            change = f"only in {first.id}"
        else:
            parts = []
            if a.type != b.type:
                parts.append(f"type {a.type} → {b.type}")
            if (a.start, a.end) != (b.start, b.end):
                parts.append(f"span {a.start}–{a.end} → {b.start}–{b.end}")
            if a.statement != b.statement and (a.start, a.end) == (b.start, b.end):
                parts.append("reconstruction changed")
            change = "; ".join(parts)
        shown = b if b is not None else first.units[uid]  # uid comes from one of the two readings
        unit_rows.append({"id": uid, "paragraph": f"¶{shown.number}", "change": change,
                          f"type in {first.id}": a.type if a else "—", f"type in {second.id}": b.type if b else "—",
                          "label": shown.label})
    rel_rows = []
    for rid in list(first.relations) + [r for r in second.relations if r not in first.relations]:
        ra, rb = first.relations.get(rid), second.relations.get(rid)
        if ra is not None and rb is not None and (ra.type, ra.sources, ra.target) == (rb.type, rb.sources, rb.target):
            continue
        change = f"only in {second.id}" if ra is None else f"only in {first.id}" if rb is None else "redefined"
        r = rb if rb is not None else first.relations[rid]  # rid comes from one of the two readings
        rel_rows.append({"id": rid, "change": change, "type": r.type, "from": ", ".join(r.sources), "to": r.target, "rationale": r.rationale})
    units = pd.DataFrame(unit_rows, columns=["id", "paragraph", "change", f"type in {first.id}", f"type in {second.id}", "label"]).set_index("id")
    relations = pd.DataFrame(rel_rows, columns=["id", "change", "type", "from", "to", "rationale"]).set_index("id")
    return ReadingComparison(first.id, second.id, units, relations, (first.main_conclusion, second.main_conclusion))


def _span_key(first: Reading, second: Reading, uid: str) -> int:
    """Where a unit starts, in the first reading if it has it, else in the second (which then does)."""
    return (first.units.get(uid) or second.units[uid]).start


# =========================================================================== loading
def load_vocabulary(document: str | None = None) -> Vocabulary:
    """The argument vocabulary of a bundled document (validated)."""
    document = document or default_document()
    data = load_validated(f"{argument_dir(document)}/vocabulary.json")
    return Vocabulary(
        unit_types={t["id"]: UnitType(t["id"], t["label"], t["definition"], t["shape"], t["colour"]) for t in data["unit_types"]},
        relation_types={t["id"]: RelationType(t["id"], t["label"], t["definition"], t["role"], t["aif_type"], t["aif_text"]) for t in data["relation_types"]},
        description=data["description"],
    )


def list_readings(document: str | None = None) -> list[str]:
    """Ids of the readings stored for a document (file names without .json)."""
    document = document or default_document()
    folder = data_dir() / argument_dir(document)
    return sorted(p.stem for p in folder.glob("reading-*.json"))


def load_reading(reading_id: str = "reading-a", document: str | None = None) -> Reading:
    """Load, validate and resolve a reading (with what it inherits from the reading it is based on).

    Raises :class:`~kernel_utils.errors.DataValidationError` naming file, record
    and field for every broken rule, and ``KeyError`` for a reading that does not exist.
    """
    document = document or default_document()
    if reading_id not in list_readings(document):
        raise KeyError(f"no reading {reading_id!r} of {document}; readings: {', '.join(list_readings(document))}")
    data = load_validated(f"{argument_dir(document)}/{reading_id}.json")
    base = load_validated(f"{argument_dir(document)}/{data['based_on']}.json") if data.get("based_on") else None
    vocabulary = load_vocabulary(document)
    units, rels, unit_origin, rel_origin = resolve_reading(data, base)
    text = load_document(document).text  # integrity-checked verbatim text
    return Reading(
        data,
        [Unit(u["id"], u["type"], u["paragraph"], u["start"], u["end"], u["quote"], u["label"], u["rationale"],
              bool(u.get("implicit")), u.get("reconstruction"), unit_origin[uid], u.get("document") or data["document"]) for uid, u in units.items()],
        [Relation(r["id"], r["type"], tuple(r["from"]), r["to"], r["rationale"], rel_origin[rid], r.get("refers_to")) for rid, r in rels.items()],
        vocabulary,
        text,
    )
