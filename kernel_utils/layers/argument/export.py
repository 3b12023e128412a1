"""Exports of a reading: AIF JSON, Argdown text, and node and edge tables.

* **AIF** (Argument Interchange Format) in the JSON form AIFdb and the ARG-tech
  tools exchange: ``{"nodes": [...], "edges": [...], "locutions": []}``.  Each
  unit becomes an information node (``I``); each relation becomes a scheme
  node, ``RA`` (inference) or ``CA`` (conflict), as the vocabulary says, with
  edges from its source units to it and from it to its target.  Node ids are
  numeric strings, as AIFdb writes them.  With ``extensions=True`` (the
  default) an ``"edition"`` block carries what AIF has no place for (unit
  types, spans, paragraphs, rationales, the reading's own ids), so that
  :func:`from_aif` gives the reading back without loss; tools that do not know
  the block ignore it.  A unit in another document (a reading grounded in the
  exchange) keeps its ``document`` in that block, so relations that cross
  documents survive the round trip.
* **Argdown** text (https://argdown.org): statements ``[id]: text #(type)``,
  one premise–conclusion argument ``<relation id>`` per inference relation, and
  ``->`` lines for conflicts.  Units of other documents are grouped under a
  heading naming the document; a relation that crosses documents carries a
  ``#(cross-document)`` tag and a comment naming the documents (Argdown has no
  notion of a source document, so this is as far as it can say it).
* **Tables**: the same nodes and edges as :class:`pandas.DataFrame` objects.
"""

from __future__ import annotations

import json
from typing import Any

from kernel_utils.layers.argument.model import Reading
from kernel_utils.text.parser import PAGE_MARKER

__all__ = ["to_aif", "aif_json", "from_aif", "reading_to_json", "to_argdown", "node_table", "edge_table"]


def _node_ids(reading: Reading) -> tuple[dict[str, str], dict[str, str]]:
    """Numeric AIF node ids: units first (text order), then relations (reading order)."""
    unit_ids = {uid: str(i + 1) for i, uid in enumerate(reading.units)}
    offset = len(unit_ids)
    relation_ids = {rid: str(offset + i + 1) for i, rid in enumerate(reading.relations)}
    return unit_ids, relation_ids


def reading_to_json(reading: Reading) -> dict[str, Any]:
    """The resolved reading as one flat JSON-ready record (inheritance applied): the reference for round trips."""
    meta = {k: getattr(reading, k) for k in ("id", "document", "title", "description", "annotator", "coverage", "main_conclusion")}
    if reading.based_on:
        meta["based_on"] = reading.based_on
    units = []
    for u in reading.units.values():
        record = {"id": u.id, "type": u.type, "paragraph": u.paragraph, "start": u.start, "end": u.end, "quote": u.quote,
                  "label": u.label, "rationale": u.rationale, "origin": u.origin}
        if u.implicit:
            record["implicit"] = True
            record["reconstruction"] = u.reconstruction
        if u.document and u.document != reading.document:
            record["document"] = u.document
        units.append(record)
    relations = [{"id": r.id, "type": r.type, "from": list(r.sources), "to": r.target, "rationale": r.rationale, "origin": r.origin,
                  **({"refers_to": dict(r.refers_to)} if r.refers_to else {})}
                 for r in reading.relations.values()]
    return {**meta, "units": units, "relations": relations}


def to_aif(reading: Reading, *, extensions: bool = True) -> dict[str, Any]:
    """The reading as AIF JSON (AIFdb form); deterministic, no timestamps."""
    unit_ids, relation_ids = _node_ids(reading)
    nodes: list[dict[str, Any]] = [{"nodeID": unit_ids[u.id], "text": u.statement, "type": "I"} for u in reading.units.values()]
    edges: list[dict[str, Any]] = []
    for r in reading.relations.values():
        kind = reading.vocabulary.relation_types[r.type]
        node = relation_ids[r.id]
        nodes.append({"nodeID": node, "text": kind.aif_text, "type": kind.aif_type, "scheme": kind.aif_text})
        for s in r.sources:
            edges.append({"fromID": unit_ids[s], "toID": node})
        edges.append({"fromID": node, "toID": unit_ids[r.target]})
    edges = [{"edgeID": str(i + 1), **e, "formEdgeID": None} for i, e in enumerate(edges)]
    aif: dict[str, Any] = {"nodes": nodes, "edges": edges, "locutions": []}
    if extensions:
        flat = reading_to_json(reading)
        aif["edition"] = {
            "note": "Extension of this edition (ignored by AIF tools): what AIF has no field for, so the reading can be restored without loss.",
            "reading": {k: v for k, v in flat.items() if k not in ("units", "relations")},
            "units": {unit_ids[u["id"]]: u for u in flat["units"]},
            "relations": {relation_ids[r["id"]]: {k: v for k, v in r.items() if k not in ("from", "to")} for r in flat["relations"]},
        }
    return aif


def from_aif(aif: dict[str, Any]) -> dict[str, Any]:
    """Restore a flat reading record (as :func:`reading_to_json` gives) from AIF exported with extensions.

    The structure (which units a relation joins, in which direction) is read
    from the AIF nodes and edges themselves; the ``edition`` block supplies only
    what AIF cannot hold.  Raises ``ValueError`` naming the node when the two disagree.
    """
    if "edition" not in aif:
        raise ValueError("this AIF has no 'edition' block: only AIF exported by this edition with extensions=True can be restored")
    ext = aif["edition"]
    kinds = {n["nodeID"]: n["type"] for n in aif["nodes"]}
    incoming: dict[str, list[str]] = {}
    outgoing: dict[str, list[str]] = {}
    for e in aif["edges"]:
        outgoing.setdefault(e["fromID"], []).append(e["toID"])
        incoming.setdefault(e["toID"], []).append(e["fromID"])
    units = []
    for node in aif["nodes"]:
        if node["type"] != "I":
            continue
        unit = dict(ext["units"][node["nodeID"]])
        statement = unit.get("reconstruction") or " ".join(PAGE_MARKER.sub("", unit["quote"]).split())
        if node["text"] != statement:
            raise ValueError(f"AIF node {node['nodeID']} ({unit['id']}): its text {node['text']!r} is not the unit's statement {statement!r}")
        units.append(unit)
    by_node = {nid: u["id"] for nid, u in ext["units"].items()}
    relations = []
    for node in aif["nodes"]:
        if node["type"] == "I":
            continue
        meta = ext["relations"][node["nodeID"]]
        sources = incoming.get(node["nodeID"], [])
        targets = outgoing.get(node["nodeID"], [])
        if len(targets) != 1 or not sources or any(kinds[s] != "I" for s in sources + targets):
            raise ValueError(f"AIF node {node['nodeID']} ({meta['id']}): expected edges from I-nodes to it and exactly one edge to an I-node")
        relations.append({"id": meta["id"], "type": meta["type"], "from": [by_node[s] for s in sources], "to": by_node[targets[0]],
                          "rationale": meta["rationale"], "origin": meta["origin"], **({"refers_to": meta["refers_to"]} if "refers_to" in meta else {})})
    return {**ext["reading"], "units": units, "relations": relations}


def aif_json(reading: Reading, *, extensions: bool = True) -> str:
    """:func:`to_aif` as JSON text (UTF-8, indented, stable key order)."""
    return json.dumps(to_aif(reading, extensions=extensions), ensure_ascii=False, indent=2)


# --------------------------------------------------------------------------- Argdown
def _argdown_text(text: str) -> str:
    """Statement text safe for Argdown: characters with a meaning in its syntax are replaced."""
    table = str.maketrans({"[": "(", "]": ")", "<": "‹", ">": "›", "#": "No.", "@": "(at)", "*": "·", "_": " ", "`": "'"})
    out = " ".join(text.translate(table).split())
    return out.replace("//", "/ /").replace("/*", "/ *")


def to_argdown(reading: Reading) -> str:
    """The reading as Argdown: statements grouped by paragraph, then one argument per inference relation, then conflicts."""
    lines = [
        "===",
        f"title: {json.dumps(reading.title, ensure_ascii=False)}",
        f"author: {json.dumps(reading.annotator, ensure_ascii=False)}",
        "===",
        "",
        f"// {reading.id} of {reading.document}; main conclusion: [{reading.main_conclusion}]",
        "",
    ]
    current = None
    for u in reading.units.values():
        if (u.document, u.paragraph) != current:
            current = (u.document, u.paragraph)
            other = u.document and u.document != reading.document
            lines += [f"# {u.document}, paragraph {u.number}" if other else f"# Paragraph {u.number}", ""]
        tags = f"#({reading.vocabulary.unit_types[u.type].label})" + (" #(implicit)" if u.implicit else "")
        lines += [f"[{u.id}]: {_argdown_text(u.statement)} {tags}", ""]
    lines += ["# Inferences", ""]
    crossing = {r.id for r in reading.cross_document_relations()}

    def docs_of(r) -> str:
        return ", ".join(dict.fromkeys(reading.units[u].document for u in (*r.sources, r.target)))

    for r in reading.relations.values():
        kind = reading.vocabulary.relation_types[r.type]
        if kind.role == "conflict":
            continue
        if r.id in crossing:
            lines.append(f"// {r.id} crosses documents: {docs_of(r)}")
        if r.refers_to:
            state = "read" if r.refers_to.get("read") else "not read by this edition"
            lines.append(f"// {r.id} rests by reference on {r.refers_to['document']} {r.refers_to['passage']} ({state})")
        tag = " #(cross-document)" if r.id in crossing else ""
        lines += [f"<{r.id}>: {_argdown_text(kind.label + '. ' + r.rationale)} #({kind.label}){tag}", ""]
        for i, s in enumerate(r.sources, start=1):
            lines.append(f"({i}) [{s}]")
        lines += ["----", f"({len(r.sources) + 1}) [{r.target}]", ""]
    conflicts = [r for r in reading.relations.values() if reading.vocabulary.relation_types[r.type].role == "conflict"]
    if conflicts:
        lines += ["# Conflicts", ""]
        for r in conflicts:
            where = f" (crosses documents: {docs_of(r)})" if r.id in crossing else ""
            lines.append(f"// {r.id} {r.type}{where}: {_argdown_text(r.rationale)}")
            for s in r.sources:
                lines += [f"[{s}]", f"  -> [{r.target}]"]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# --------------------------------------------------------------------------- tables
def node_table(reading: Reading):
    """AIF nodes as a DataFrame: one row per I-node (unit) and per RA/CA node (relation), indexed by nodeID."""
    import pandas as pd

    unit_ids, relation_ids = _node_ids(reading)
    rows = [{"nodeID": unit_ids[u.id], "aif_type": "I", "id": u.id, "document": u.document, "type": u.type, "paragraph": f"¶{u.number}",
             "label": u.label, "text": u.statement} for u in reading.units.values()]
    for r in reading.relations.values():
        kind = reading.vocabulary.relation_types[r.type]
        rows.append({"nodeID": relation_ids[r.id], "aif_type": kind.aif_type, "id": r.id, "document": "", "type": r.type, "paragraph": "",
                     "label": kind.label, "text": kind.aif_text})
    return pd.DataFrame(rows).set_index("nodeID")


def edge_table(reading: Reading):
    """AIF edges as a DataFrame (edgeID, from, to, with the reading's ids and the relation each edge belongs to)."""
    import pandas as pd

    aif = to_aif(reading, extensions=False)
    unit_ids, relation_ids = _node_ids(reading)
    name = {v: k for k, v in {**unit_ids, **relation_ids}.items()}
    rows = []
    for e in aif["edges"]:
        relation = name[e["fromID"]] if e["fromID"] in relation_ids.values() else name[e["toID"]]
        rows.append({"edgeID": e["edgeID"], "fromID": e["fromID"], "toID": e["toID"], "from": name[e["fromID"]], "to": name[e["toID"]],
                     "relation": relation, "relation_type": reading.relations[relation].type})
    return pd.DataFrame(rows).set_index("edgeID")
