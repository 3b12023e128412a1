"""The provenance layer's HTML and widgets: labelled keyboard controls, select(), escaping of all data."""

from __future__ import annotations

from dataclasses import replace

import ipywidgets as widgets
import pytest

from kernel_utils import citation_record, load_entities, load_known_unknowns, load_mentions, load_provenance, load_sources, load_telegram
from kernel_utils.store.evidence import SourceRef
from kernel_utils.views.provenance.tables import (
    ChainStepper, CitationChooser, EntityExplorer, citation_block, entity_card, known_unknowns_html, status_badge, step_card,
)

NASTY = "<script>alert('x')</script> & \"quotes\""


@pytest.fixture(scope="module")
def sources():
    return load_sources()


def test_widgets_are_labelled_keyboard_controls_and_select_shows_the_result(sources):
    chain = load_provenance()
    stepper = ChainStepper(chain, sources)
    explorer = EntityExplorer(load_telegram().text, load_entities(), load_mentions(), sources)
    chooser = CitationChooser(citation_record())
    for view, kind, label in ((stepper, widgets.ToggleButtons, "Step"), (explorer, widgets.Dropdown, "Entity"), (chooser, widgets.ToggleButtons, "Format")):
        assert isinstance(view.control, kind) and view.control.description == label
    assert "Step 3. Filing" in stepper.select("filing").data and stepper.view.value == stepper.select("filing").data
    assert "Role card: Lester B. Pearson" in explorer.select("pearson").data
    assert "Checked: valid against the edition&#39;s CSL-JSON schema" in chooser.select("csl-json").data
    for view, bad in ((stepper, "printing"), (explorer, "atlantis"), (chooser, "mla")):
        with pytest.raises(KeyError):
            view.select(bad)


def test_status_is_shown_in_words():
    for status in ("verified", "inferred", "unknown"):
        assert f">{status}</span>" in status_badge(status)


def test_all_data_are_escaped(sources):
    step = load_provenance().step("creation")
    fact = replace(step.facts[0], value=NASTY, reasoning=NASTY, sources=(SourceRef("frus1950v07-d1077", NASTY),))
    html = step_card(replace(step, title=NASTY, summary=NASTY, facts=(fact,)), sources)
    assert "<script>" not in html and "&lt;script&gt;" in html
    entity = replace(load_entities()["rau"], name=NASTY, role=NASTY, note=NASTY)
    assert "<script>" not in entity_card(entity, load_mentions(), sources)
    rec = replace(citation_record(), title=NASTY)
    for fmt in ("chicago-note", "chicago-bibliography", "bibtex", "csl-json", "ris"):
        assert "<script>" not in citation_block(rec, fmt)
    ku = replace(load_known_unknowns()[0], question=NASTY)
    assert "<script>" not in known_unknowns_html([ku])


def test_unknown_facts_say_the_sources_are_silent(sources):
    html = step_card(load_provenance().step("creation"), sources)
    assert "No source: the sources read are silent." in html and "Reasoning:" in html


def test_record_view_shows_a_documents_own_record_escaped():
    from kernel_utils import load_sources
    from kernel_utils.views.provenance.tables import document_record_html

    html = document_record_html("frus1950v07-d970", load_sources())
    for words in ("Delga 369, New York to Washington, 4 December 1950", "320/12–450", "1378–1379", "frus1950v07-d970", "[Received December 4—8:12 p. m.]"):
        assert words in html, words
    assert "320.2/12–2050" not in html and "Webb" not in html
    assert "volume&#39;s" in html  # data escaped


def test_absence_is_stated_plainly():
    from kernel_utils import load_sources
    from kernel_utils.views.provenance.tables import missing_layer_html, step_or_absence

    html = step_or_absence(None, "creation", load_sources(), "frus1950v07-d970")
    assert "no provenance chain for <code>frus1950v07-d970</code>" in html
    assert "data/documents/frus1950v07-d970/provenance.json" in html
    assert "known_unknowns.json" in missing_layer_html("frus1950v07-d970", "known unknowns")
    with pytest.raises(KeyError):
        missing_layer_html("frus1950v07-d970", "chain")


def test_date_disagreements_are_listed_with_every_source_escaped():
    from kernel_utils import load_cited_documents
    from kernel_utils.views.provenance.tables import date_disagreements_html

    cited = load_cited_documents()
    html = date_disagreements_html(cited)
    assert "Department of State telegram 916" in html and "1950-12-15" in html and "1950-12-17" in html
    hostile = replace(cited[0], title="<b>x</b>") if cited[0].dates_disagree else replace(next(d for d in cited if d.dates_disagree), title="<b>x</b>")
    assert "&lt;b&gt;x&lt;/b&gt;" in date_disagreements_html([hostile]) and "<b>x</b>" not in date_disagreements_html([hostile])
    assert date_disagreements_html([]).count("0 cited document(s)") == 1
