"""The dossier: every bundled document validates, parses, round-trips and says what witness was read."""

from __future__ import annotations

import json

import pytest

import kernel_utils
from kernel_utils import list_documents, load_dossier, witness_line, witness_line_html
from tests.conftest import DATA

#: The documents of the December 1950 exchange the issue asks for (d1055, Deptel 916, was found in the
#: search tool's pages corpus and is bundled too).
REQUIRED = ["frus1950v07-d970", "frus1950v07-d1013", "frus1950v07-d1040", "frus1950v07-d1054", "frus1950v07-d1055",
            "frus1950v07-d1057", "frus1950v07-d1058", "frus1950v07-d1060", "frus1950v07-d1066", "frus1950v07-d1068",
            "frus1950v07-d1077", "frus1950v07-d1083", "frus1950v07-d1085", "frus1950v07-d1086"]


@pytest.fixture(scope="module")
def dossier():
    return load_dossier()


def test_the_dossier_holds_the_exchange(dossier):
    ids = [d.id for d in dossier]
    assert ids == list_documents()
    assert len(ids) >= 14
    assert set(REQUIRED) <= set(ids)


def test_every_document_round_trips_and_is_labelled(dossier):
    for entry in dossier:
        text = (DATA / "documents" / entry.id / "text.txt").read_bytes().decode("utf-8")
        assert entry.document.text == text
        assert entry.document.rebuild_text() == text, entry.id
        assert entry.witness.characters == len(text)
        assert entry.witness.coverage in ("complete", "partial")
        if entry.partial:
            assert text.endswith(entry.witness.stops_at)
            assert "PARTIAL" in witness_line(entry.record)
            assert "Partial witness" in witness_line_html(entry.record)
        else:
            assert entry.witness.stops_at is None
            assert "Complete" in witness_line(entry.record)


def test_records_say_what_the_parser_reads(dossier):
    for entry in dossier:
        data = json.loads((DATA / "documents" / entry.id / "document.json").read_text(encoding="utf-8"))
        for name, value in data.get("heading", {}).items():
            assert getattr(entry.document, name) == value, (entry.id, name)


def test_known_witnesses(dossier):
    by_id = {d.id: d for d in dossier}
    assert not by_id["frus1950v07-d1077"].partial  # the seed: the whole web page's text, to the signature
    assert not by_id["frus1950v07-d970"].partial
    assert by_id["frus1950v07-d1068"].partial
    assert by_id["frus1950v07-d1068"].witness.stops_at.endswith("after a cease-fire were i")
    assert by_id["frus1950v07-d1085"].document.telegram_number == "Delga 460"


def test_a_partial_witness_is_labelled_in_html_with_escaping(dossier):
    entry = next(d for d in dossier if d.partial)
    html = witness_line_html(entry.record)
    assert "stops part-way" in html and "Nothing is claimed" in html
    assert "<script" not in html


def test_public_api_names():
    for name in ("load_dossier", "BundledDocument", "Witness", "witness_line", "add_document", "AddError"):
        assert name in kernel_utils.__all__


#: Fields of a record that ``add`` derives from the parse of the text (the rest say how it was read).
_DERIVED = ("title", "short_title", "date", "date_basis", "size_bytes", "sha256", "final_newline", "heading")


def test_every_added_record_is_what_add_writes_from_its_text(data_copy, tmp_path):
    """Re-run ``add`` on each bundled text: the parse-derived fields come out the same (none is hand-typed)."""
    from kernel_utils.store.adding import AddRequest, add_document

    added = [p.parent.name for p in sorted(DATA.glob("documents/*/document.json"))
             if "heading" in json.loads(p.read_text(encoding="utf-8"))]
    assert len(added) >= 12
    for document_id in added:
        committed = json.loads((DATA / "documents" / document_id / "document.json").read_text(encoding="utf-8"))
        text = tmp_path / f"{document_id}.txt"
        text.write_bytes((DATA / "documents" / document_id / "text.txt").read_bytes())
        again = add_document(AddRequest(document_id, text_file=text, coverage=committed["witness"]["coverage"],
                                        read_via=committed["witness"]["read_via"], force=True))
        for field in _DERIVED:
            assert again.get(field) == committed.get(field), (document_id, field)
        assert again["frus"] == committed["frus"], document_id
        assert {k: v for k, v in again["witness"].items() if k != "note"} == {k: v for k, v in committed["witness"].items() if k != "note"}
