"""Release metadata a repository and Zenodo understand, regenerated from the data and ``CITATION.cff``.

``python -m tools.release_metadata`` writes

* ``ro-crate-metadata.json``: an RO-Crate 1.1 (made with the ``rocrate`` library) whose root
  dataset is this edition and which describes every data file in ``data/`` (its kind, from the
  validator's rules, and its media type), so a repository can tell what the files are;
* ``.zenodo.json``: the deposit metadata Zenodo reads on a GitHub release, from ``CITATION.cff``.

``--check`` writes nothing and exits 1 when either file is out of date.  Nothing here depends on
the clock: the dates come from ``CITATION.cff``, so a regeneration is reproducible.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CRATE = ROOT / "ro-crate-metadata.json"
ZENODO = ROOT / ".zenodo.json"
DESCRIPTION = ("A computational edition of telegram 602 of 20 December 1950 (Foreign Relations of the United States, 1950, "
               "vol. VII, doc. 1077): the verbatim text, standoff layers (provenance, entities, argument readings, timeline), "
               "and the notebooks that read them.")
_MEDIA = {".json": "application/json", ".txt": "text/plain", ".xml": "application/xml", ".csv": "text/csv"}


def citation() -> dict[str, Any]:
    """The top-level fields of ``CITATION.cff`` this tool needs (a small reader for its simple YAML)."""
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    fields: dict[str, Any] = {}
    for key in ("title", "version", "date-released", "license", "message", "repository-code"):
        m = re.search(rf'^{key}:\s*"?(.*?)"?\s*$', text, re.M)
        if m:
            fields[key] = m.group(1)
    block = re.search(r"^keywords:\n((?:\s+-\s+.*\n)+)", text, re.M)
    fields["keywords"] = [k.strip() for k in re.findall(r"-\s+(.*)", block.group(1))] if block else []
    authors = re.search(r"^authors:\n((?:\s+-?\s*\w[\w-]*:.*\n)+)", text, re.M)
    fields["authors"] = re.findall(r'name:\s*"?(.*?)"?\s*$', authors.group(1), re.M) if authors else []
    return fields


def data_files() -> list[Path]:
    """Every file of the edition's data (``data/``), in path order."""
    return sorted(p for p in DATA.rglob("*") if p.is_file() and not p.name.startswith("."))


def _kind(relative: str) -> str:
    """What a data file is, in the validator's words (or by its folder, for schemas and texts)."""
    from kernel_utils.store.validation import rules

    inside = relative.removeprefix("data/")
    for rule in rules():
        if fnmatch(inside, rule.pattern):
            return rule.description
    if inside.startswith("schemas/"):
        return "a JSON Schema documenting one kind of data file"
    if inside.endswith("/text.txt"):
        return "the verbatim text of a bundled document (never edited; its SHA-256 is checked on load)"
    return "a file of the edition's data"


def build_crate() -> dict[str, Any]:
    """The RO-Crate metadata (JSON-LD) of the edition, as a dict."""
    from rocrate.rocrate import ROCrate

    cff = citation()
    crate = ROCrate(gen_preview=False)
    root = crate.root_dataset
    root["name"] = cff["title"]
    root["description"] = DESCRIPTION
    licence = cff.get("license", "")
    if licence:
        root["license"] = crate.add_jsonld({"@id": f"https://spdx.org/licenses/{licence}", "@type": "CreativeWork", "name": f"{licence} License",
                                            "identifier": licence})
    root["datePublished"] = cff.get("date-released", "")
    root["version"] = cff.get("version", "")
    root["keywords"] = cff["keywords"]
    for name in cff["authors"]:
        author = crate.add_jsonld({"@id": f"#{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')}", "@type": "Organization", "name": name})
        root.append_to("author", author)
    for path in data_files():
        relative = path.relative_to(ROOT).as_posix()
        crate.add_file(path, dest_path=relative, fetch_remote=False, properties={
            "name": relative, "description": _kind(relative),
            "encodingFormat": _MEDIA.get(path.suffix, "application/octet-stream")})
    return crate.metadata.generate()


def build_zenodo() -> dict[str, Any]:
    """Zenodo deposit metadata from ``CITATION.cff``."""
    cff = citation()
    return {
        "title": cff["title"],
        "upload_type": "software",
        "version": cff.get("version", ""),
        "publication_date": cff.get("date-released", ""),
        "description": DESCRIPTION + " " + cff.get("message", ""),
        "creators": [{"name": name} for name in cff["authors"]],
        "keywords": cff["keywords"],
        "license": cff.get("license", ""),
        "related_identifiers": [{"identifier": "https://history.state.gov/historicaldocuments/frus1950v07/d1077",
                                 "relation": "isDerivedFrom", "resource_type": "publication"}],
    }


def _text(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.release_metadata", description=__doc__)
    parser.add_argument("--check", action="store_true", help="report files out of date, write nothing")
    args = parser.parse_args(argv)
    wanted = {CRATE: _text(build_crate()), ZENODO: _text(build_zenodo())}
    if args.check:
        old = [p for p, text in wanted.items() if not p.is_file() or p.read_text(encoding="utf-8") != text]
        for path in old:
            print(f"out of date: {path.name} (run python -m tools.release_metadata)")
        return 1 if old else 0
    for path, text in wanted.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
