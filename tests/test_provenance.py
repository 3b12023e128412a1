"""The provenance chain, cited documents and known unknowns: what the data say and the rules they keep."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kernel_utils import (
    load_document,
    DataValidationError, chain_table, cited_documents_table, known_unknowns_table, load_cited_documents,
    load_known_unknowns, load_provenance, load_sources, load_telegram,
)
from kernel_utils.layers.provenance.chain import STATUSES

STEPS = ["creation", "transmission", "filing", "publication", "reception", "declassification"]


def test_chain_has_the_six_steps_in_order():
    chain = load_provenance()
    assert [s.id for s in chain.steps] == STEPS
    assert [s.order for s in chain.steps] == list(range(1, 7))


def test_every_fact_keeps_the_sourcing_rules():
    sources = load_sources()
    for step in load_provenance().steps:
        assert step.sources, step.id
        for f in step.facts:
            assert f.status in STATUSES
            assert all(r.source in sources for r in f.sources)
            if f.status == "verified":
                assert f.sources and all(r.evidence for r in f.sources), (step.id, f.field)
            if f.status == "inferred":
                assert f.sources and f.reasoning, (step.id, f.field)
            if f.status == "unknown":
                assert f.value == "unknown" and f.note, (step.id, f.field)


def test_evidence_from_the_telegram_is_verbatim():
    text = load_telegram().text
    for step in load_provenance().steps:
        for f in step.facts:
            for r in f.sources:
                if r.source == "frus1950v07-d1077":
                    assert r.evidence in text, (step.id, f.field)


def test_creation_step_states_what_is_known_and_what_is_not():
    chain = load_provenance()
    assert chain.fact("creation", "signature").value == "Webb"
    assert chain.fact("creation", "reason_webb_signed").status == "inferred"  # Acheson's absence: an inference, flagged
    for field in ("drafter", "clearances_and_approving_officer", "time_of_transmission"):
        assert chain.fact("creation", field).status == "unknown"


def test_deptel_916_is_cited_only_as_the_partial_witness_it_is():
    """Deptel 916 (frus1950v07-d1055) was read only in part (its stored page text, bundled as a partial
    witness): the provenance layer cites that opening (its heading and date code), and 916's date stays
    unresolved among the three the sources give."""
    from kernel_utils import document_record

    assert document_record("frus1950v07-d1055").witness.is_partial
    deptel = {d.id: d for d in load_cited_documents()}["deptel-916-new-delhi"]
    text = load_document("frus1950v07-d1055").text
    cited = [r for r in deptel.sources if r.source == "frus1950v07-d1055"]
    assert cited and all(r.evidence in text for r in cited)
    assert deptel.date_status == "unknown"


def test_delga_460_read_in_part_verifies_only_what_its_opening_says():
    """Delga 460 (frus1950v07-d1085) was read in its opening: it confirms '602 of December 20' and USUN's
    calls, verbatim; the full date stays an inference (no year in the reply) and what was not read stays unknown."""
    chain = load_provenance()
    assert "frus1950v07-d1085" in load_sources()
    confirmation = chain.fact("transmission", "date_confirmation_in_reply_delga_460")
    assert confirmation.status == "verified"
    assert "Pursuant to Department’s Top Secret 602 of December 20" in [r.evidence for r in confirmation.sources]
    assert chain.fact("transmission", "date").status == "inferred"  # from the file suffix; the reply gives no year
    assert "frus1950v07-d1085" in {r.source for r in chain.fact("transmission", "date").sources}
    action = chain.fact("reception", "usun_action_delga_460")
    assert action.status == "verified" and "Ross and Hyde" in action.value
    assert all(r.source == "frus1950v07-d1085" for r in action.sources)
    assert any("Ross and Hyde called upon [Page 1591] Riddell, Rau and Entezam" in r.evidence for r in action.sources)
    assert chain.fact("reception", "identities_of_hyde_and_riddell").status == "unknown"
    assert chain.fact("transmission", "time_of_receipt_at_usun").status == "unknown"
    for step in ("transmission", "reception"):
        assert "could not be read" not in chain.step(step).summary


def test_delga_460_evidence_is_in_the_excerpt_read():
    """Every quotation from Delga 460 is found word for word in the excerpt the team read (the parser fixture)."""
    excerpt = (Path(__file__).parent / "fixtures" / "frus" / "texts" / "frus1950v07-d1085.txt").read_text(encoding="utf-8")
    quotes = [r.evidence for s in load_provenance().steps for r in s.sources + tuple(x for f in s.facts for x in f.sources) if r.source == "frus1950v07-d1085"]
    assert len(quotes) >= 5
    for quote in quotes:
        assert quote in excerpt, quote


def test_filing_and_publication_facts():
    chain = load_provenance()
    assert chain.fact("filing", "file_designation").value == "320.2/12–2050"
    assert chain.fact("filing", "meaning_of_320.2").status == "unknown"
    assert chain.fact("publication", "publication_number").value == "Department of State Publication 8859"
    assert chain.fact("publication", "editor").value == "John P. Glennon"
    assert chain.fact("publication", "pages").value == "1583–1584"
    with pytest.raises(KeyError, match="no fact 'isbn'"):
        chain.fact("publication", "isbn")
    with pytest.raises(KeyError, match="no step 'printing'"):
        chain.step("printing")


def test_chain_table():
    table = chain_table()
    assert list(table.columns) == ["step", "field", "value", "status", "sources"]
    assert set(table["status"]) == set(STATUSES)
    assert len(table) == sum(len(s.facts) for s in load_provenance().steps)


def test_deptel_916_dates_are_recorded_not_resolved():
    doc = {d.id: d for d in load_cited_documents()}["deptel-916-new-delhi"]
    assert doc.date is None and doc.date_status == "unknown"
    assert sorted(v.date for v in doc.date_variants) == ["1950-12-13", "1950-12-15", "1950-12-17"]
    assert doc.dates_disagree and "15" in doc.discrepancy and "17" in doc.discrepancy
    assert "916 of December 15 to New Delhi" in doc.passages[0].quote


def test_cited_documents_are_anchored_in_the_text():
    text = load_telegram().text
    docs = {d.id: d for d in load_cited_documents()}
    for d in docs.values():
        for p in d.passages:
            assert text[p.start:p.end] == p.quote
    assert docs["unga-res-14dec1950-group-of-three"].date == "1950-12-14"
    assert "unified, independent and democratic country" in docs["unga-res-376-v"].passages[0].quote
    table = cited_documents_table()
    assert table.loc["deptel-916-new-delhi", "date"] == "unknown"
    assert table.loc["deptel-916-new-delhi", "dates in sources"] == "1950-12-13 / 1950-12-15 / 1950-12-17"


def test_known_unknowns():
    items = load_known_unknowns()
    ids = {k.id for k in items}
    assert {"drafter-clearances", "delga-460-rest", "deptel-916-text", "declassification", "riddell-hyde"} <= ids
    assert "delga-460" not in ids  # answered: Delga 460 cites 602 and reports USUN's calls
    steps = {s.id for s in load_provenance().steps}
    assert all(k.step in steps for k in items if k.step)
    assert list(known_unknowns_table().columns) == ["question", "why it matters", "searched", "step"]


def test_loading_refuses_a_broken_chain(data_copy):
    path = data_copy / "documents" / "frus1950v07-d1077" / "provenance.json"
    chain = json.loads(path.read_text(encoding="utf-8"))
    chain["steps"][1]["facts"][0]["status"] = "likely"
    path.write_text(json.dumps(chain, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DataValidationError) as info:
        load_provenance()
    message = str(info.value)
    assert "data/documents/frus1950v07-d1077/provenance.json" in message and "record 'transmission'" in message
    assert "field 'facts.0.status'" in message and "'likely'" in message


def test_steps_must_be_numbered_in_order(data_copy):
    path = data_copy / "documents" / "frus1950v07-d1077" / "provenance.json"
    chain = json.loads(path.read_text(encoding="utf-8"))
    chain["steps"][0]["order"] = 3
    path.write_text(json.dumps(chain, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DataValidationError, match="steps numbered 1 to 6"):
        load_provenance()


def test_layer_files_say_what_each_bundled_document_has():
    from kernel_utils import has_provenance, layer_files

    assert all(layer_files("frus1950v07-d1077").values())
    assert has_provenance("frus1950v07-d1077")
    assert layer_files("frus1950v07-d970")["cited documents"] is False
    with pytest.raises(KeyError, match="no bundled document 'frus1950v07-d9999'"):
        layer_files("frus1950v07-d9999")


def test_a_document_without_a_publication_step_borrows_its_volumes_facts():
    from kernel_utils import citation_record, volume_publication_document

    assert volume_publication_document("frus1950v07-d1077") == "frus1950v07-d1077"
    assert volume_publication_document("frus1950v07-d970") == "frus1950v07-d970"  # its own chain has a publication step
    rec = citation_record("frus1950v07-d970")
    assert (rec.key, rec.number, rec.volume, rec.year, rec.first_page, rec.last_page) == ("frus1950v07-d970", "Delga 369", "VII", "1976", 1378, 1379)
    assert rec.author is None and rec.file_designation == "320/12–450"


def test_the_second_document_has_a_short_chain_of_its_own():
    """Delga 369 (d970): built only from its own text and the volume's sources; the volume's facts match 602's."""
    chain = load_provenance("frus1950v07-d970")
    assert [s.id for s in chain.steps] == ["creation", "transmission", "filing", "publication"]
    assert chain.fact("transmission", "received").value == "December 4, 8:12 p.m."
    assert chain.fact("transmission", "date").status == "inferred" and chain.fact("transmission", "date").value == "1950-12-04"
    assert chain.fact("filing", "file_designation").value == "320/12–450"
    assert chain.fact("creation", "drafter").status == "unknown"
    telegram_602 = load_provenance()
    for field in ("series_title", "volume_number", "publisher", "year_of_publication", "editor"):
        assert chain.fact("publication", field) == telegram_602.fact("publication", field)
    from kernel_utils import load_document

    text = load_document("frus1950v07-d970").text
    for step in chain.steps:
        for f in step.facts:
            for r in f.sources:
                if r.source == "frus1950v07-d970":
                    assert r.evidence in text, (step.id, f.field)
