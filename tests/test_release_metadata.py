"""Release metadata: the RO-Crate describes every data file, Zenodo's file agrees with CITATION.cff, Binder opens 00."""

from __future__ import annotations

import json
import re
from pathlib import Path

from rocrate.rocrate import ROCrate

from tools.release_metadata import CRATE, ZENODO, build_crate, build_zenodo, citation, data_files

ROOT = Path(__file__).resolve().parent.parent


def test_the_crate_loads_with_rocrate_and_describes_every_data_file():
    crate = ROCrate(ROOT)  # reads ro-crate-metadata.json; raises on a malformed crate
    described = {e.id for e in crate.data_entities if "File" in e.type}
    expected = {p.relative_to(ROOT).as_posix() for p in data_files()}
    assert expected - described == set(), "run python -m tools.release_metadata"
    assert described - expected == set(), "the crate describes files that are no longer in data/"
    for entity in crate.data_entities:
        assert entity.get("description") and entity.get("encodingFormat"), entity.id


def test_the_root_dataset_has_what_ro_crate_requires():
    metadata = json.loads(CRATE.read_text(encoding="utf-8"))
    graph = {e["@id"]: e for e in metadata["@graph"]}
    assert metadata["@context"].startswith("https://w3id.org/ro/crate/")
    assert graph["ro-crate-metadata.json"]["about"] == {"@id": "./"}
    root = graph["./"]
    for key in ("name", "description", "datePublished", "license"):
        assert root.get(key), key
    assert root["name"] == citation()["title"]
    assert graph[root["license"]["@id"]]["identifier"] == citation()["license"]


def test_committed_metadata_is_current():
    assert json.loads(CRATE.read_text(encoding="utf-8")) == build_crate(), "run python -m tools.release_metadata"
    assert json.loads(ZENODO.read_text(encoding="utf-8")) == build_zenodo(), "run python -m tools.release_metadata"


def test_zenodo_metadata_agrees_with_citation_cff():
    zenodo = json.loads(ZENODO.read_text(encoding="utf-8"))
    cff = citation()
    assert (zenodo["title"], zenodo["version"], zenodo["license"]) == (cff["title"], cff["version"], cff["license"])
    assert zenodo["upload_type"] == "software" and zenodo["creators"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", zenodo["publication_date"])


def test_readme_has_a_binder_badge_that_opens_notebook_00():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    link = re.search(r"\(https://mybinder\.org/v2/gh/([^)\s]+)\)", readme)
    assert link and link.group(1).endswith("?labpath=notebooks/00-reading-the-telegram.ipynb")
    assert (ROOT / "notebooks" / "00-reading-the-telegram.ipynb").is_file()
