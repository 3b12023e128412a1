"""Citations of the telegram in five forms, each checked against its format's rules."""

from __future__ import annotations

import json

import pytest

from kernel_utils import (
    CitationError, bibtex, check_bibtex, check_ris, chicago_bibliography, chicago_note, citation_record, csl_json,
    format_citation, ris, validate_csl_json,
)
from kernel_utils.layers.provenance.citation_formats import FORMATS
from kernel_utils.layers.provenance.citations import abbreviate_page_range, roman_to_int

URL = "https://history.state.gov/historicaldocuments/frus1950v07/d1077"


@pytest.fixture(scope="module")
def rec():
    return citation_record()


def test_record_comes_from_the_data(rec):
    assert (rec.number, rec.genre, rec.date.isoformat(), rec.url) == ("602", "Telegram", "1950-12-20", URL)
    assert (rec.series_title, rec.volume, rec.volume_subject, rec.year) == ("Foreign Relations of the United States, 1950", "VII", "Korea", "1976")
    assert str(rec.editors[0]) == "John P. Glennon" and rec.author.family == "Webb"
    assert (rec.first_page, rec.last_page, rec.document_number) == (1583, 1584, "1077")


def test_chicago_note(rec):
    note = chicago_note(rec)
    assert note == (
        "The Acting Secretary of State to the United States Mission at the United Nations, telegram 602, December 20, 1950, "
        "in Foreign Relations of the United States, 1950, vol. 7, Korea, ed. John P. Glennon "
        "(Washington: United States Government Printing Office, 1976), 1583–84, doc. 1077, " + URL + "."
    )
    html = chicago_note(rec, html=True)
    assert "<i>Foreign Relations of the United States, 1950</i>" in html and "<i>Korea</i>" in html


def test_chicago_bibliography_differs_from_the_note_as_chicago_says(rec):
    bib = chicago_bibliography(rec)
    assert bib.startswith("The Acting Secretary of State to the United States Mission at the United Nations. Telegram 602, December 20, 1950. In ")
    assert "edited by John P. Glennon, 1583–84. Washington: United States Government Printing Office, 1976. " + URL + "." in bib
    assert "ed. " not in bib and "(" not in bib  # no parentheses round the imprint in a bibliography entry


@pytest.mark.parametrize("first, last, expected", [
    (3, 10, "3–10"), (71, 72, "71–72"), (96, 117, "96–117"), (100, 104, "100–104"), (1100, 1113, "1100–1113"),
    (101, 108, "101–8"), (808, 833, "808–33"), (1103, 1104, "1103–4"), (321, 328, "321–28"), (498, 532, "498–532"),
    (1087, 1089, "1087–89"), (1496, 1504, "1496–504"), (11564, 11615, "11564–615"), (12991, 13001, "12991–3001"),
    (1583, 1584, "1583–84"), (1583, 1583, "1583"),
])
def test_inclusive_numbers_follow_cmos_9_61(first, last, expected):
    assert abbreviate_page_range(first, last) == expected


def test_backwards_range_and_bad_numeral_are_refused():
    with pytest.raises(CitationError):
        abbreviate_page_range(1584, 1583)
    with pytest.raises(CitationError):
        roman_to_int("VIIZ")
    assert [roman_to_int(n) for n in ("VII", "IV", "XIV", "7")] == [7, 4, 14, 7]


def test_bibtex_keeps_the_rules(rec):
    entry = bibtex(rec)
    assert check_bibtex(entry) == []
    assert entry.startswith("@incollection{frus1950v07-d1077,\n")
    assert "pages     = {1583--1584}" in entry and "320.2/12--2050" in entry  # en dashes as TeX '--'


@pytest.mark.parametrize("broken, words", [
    ("@incolection{k,\n  title = {t}\n}\n", "unknown entry type"),
    ("@misc{bad key,\n  title = {t}\n}\n", "first line"),
    ("@misc{k,\n  title = {A & B}\n}\n", "unescaped '&'"),
    ("@misc{k,\n  title = {{A}\n}\n", "unbalanced braces"),
    ("@misc{k,\n  year = {50}\n}\n", "four digits"),
    ("@misc{k,\n  pages = {1583-1584}\n}\n", "'--'"),
    ("@incollection{k,\n  title = {t}\n}\n", "requires field 'booktitle'"),
    ("@misc{k,\n  title = {t},\n  title = {u}\n}\n", "twice"),
    ("@inbook{k,\n  title = {t},\n  editor = {e},\n  publisher = {p},\n  year = {1976}\n}\n", "chapter or pages"),
])
def test_bibtex_checker_catches_broken_entries(broken, words):
    assert any(words in p for p in check_bibtex(broken)), check_bibtex(broken)


def test_bibtex_escapes_special_characters(rec):
    from dataclasses import replace

    entry = bibtex(replace(rec, title="Costs & 50% of #1_a {x}"))
    assert r"Costs \& 50\% of \#1\_a \{x\}" in entry and check_bibtex(entry) == []


def test_csl_json_is_valid_against_the_schema(rec):
    items = csl_json(rec)
    assert validate_csl_json(items) == []
    assert items[0]["type"] == "chapter" and items[0]["original-date"] == {"date-parts": [[1950, 12, 20]]}
    assert json.loads(format_citation(rec, "csl-json")) == items


def test_csl_schema_is_our_own_and_says_what_it_was_written_from():
    """The schema is the edition's own (no vendored third-party copy) and names the specification it follows."""
    from conftest import DATA

    from kernel_utils.layers.provenance.citation_formats import CSL_SCHEMA

    assert CSL_SCHEMA == "csl-json.schema.json"
    assert not (DATA / "schemas" / "csl-data.json").exists() and not (DATA / "schemas" / "csl-data.NOTICE.md").exists()
    schema = json.loads((DATA / "schemas" / CSL_SCHEMA).read_text(encoding="utf-8"))
    assert schema["$id"] == CSL_SCHEMA and schema["$schema"].endswith("/draft/2020-12/schema")
    assert "CSL" in schema["description"] and "1.0.2" in schema["description"]
    item = schema["$defs"]["item"]
    assert item["additionalProperties"] is False and item["required"] == ["id", "type"]
    assert {"chapter", "book", "report", "software", "standard"} <= set(item["properties"]["type"]["enum"])
    kinds = {name: spec.get("$ref", "").rsplit("/", 1)[-1] for name, spec in item["properties"].items()}
    assert kinds["editor"] == kinds["author"] == "nameVariable"
    assert kinds["issued"] == kinds["original-date"] == "dateVariable"
    assert kinds["page"] == kinds["volume"] == kinds["number"] == "numberVariable"
    assert kinds["title"] == kinds["container-title"] == kinds["URL"] == "standardVariable"


def test_a_valid_item_of_every_variable_kind_passes(rec):
    items = csl_json(rec)
    items[0].update({
        "translator": [{"literal": "Office of the Historian"}], "accessed": {"raw": "2026-11-28"},
        "event-date": {"date-parts": [[1950, 12, 18], [1950, 12, 19]]}, "number-of-pages": 2, "archive_location": "320.2/12–2050",
    })
    assert validate_csl_json(items) == []


@pytest.mark.parametrize("mutate, words", [
    (lambda i: i[0].pop("type"), "'type' is a required property"),
    (lambda i: i[0].pop("id"), "'id' is a required property"),
    (lambda i: i[0].update(type="telegram"), "is not one of"),
    (lambda i: i[0].update(author=[{"surname": "Webb"}]), "0/author/0"),
    (lambda i: i[0].update(editor={"family": "Glennon"}), "0/editor"),
    (lambda i: i[0].update(issued={"date-parts": [[1950, 12, 20, 9]]}), "0/issued"),
    (lambda i: i[0].update(issued="1976"), "0/issued"),
    (lambda i: i[0].update(issued={"year": 1976}), "0/issued"),
    (lambda i: i[0].update(title=["Telegram"]), "0/title"),
    (lambda i: i[0].update(page=1583.5), "0/page"),
    (lambda i: i[0].update(colour="red"), "Additional properties"),
    (lambda i: i[0].update(containerTitle="FRUS"), "'containerTitle' was unexpected"),
])
def test_csl_validation_refuses_broken_items(rec, mutate, words):
    items = csl_json(rec)
    mutate(items)
    problems = validate_csl_json(items)
    assert any(words in p for p in problems), problems


def test_csl_validation_refuses_a_non_list():
    assert any("is not of type 'array'" in p for p in validate_csl_json({"id": "x", "type": "book"}))


def test_ris_keeps_the_tag_rules(rec):
    text = ris(rec)
    assert check_ris(text) == []
    lines = text.splitlines()
    assert lines[0] == "TY  - CHAP" and lines[-1] == "ER  -"
    assert "SP  - 1583" in lines and "EP  - 1584" in lines and "DA  - 1950/12/20/" in lines and "PY  - 1976" in lines


@pytest.mark.parametrize("broken, words", [
    ("TI  - x\nER  -\n", "first line must be the TY"),
    ("TY  - TELEGRAM\nER  -\n", "unknown reference type"),
    ("TY  - CHAP\nTI - x\nER  -\n", "not of the form"),
    ("TY  - CHAP\nZZ  - x\nER  -\n", "unknown tag ZZ"),
    ("TY  - CHAP\nPY  - 50\nER  -\n", "four-digit year"),
    ("TY  - CHAP\nDA  - 20 Dec 1950\nER  -\n", "YYYY/MM/DD/"),
    ("TY  - CHAP\nTI  - x\n", "last line must be 'ER  -'"),
    ("TY  - CHAP\nTI  - \nER  -\n", "empty value"),
])
def test_ris_checker_catches_broken_records(broken, words):
    assert any(words in p for p in check_ris(broken)), check_ris(broken)


def test_every_format_is_offered_and_unknown_is_refused(rec):
    assert set(FORMATS) == {"chicago-note", "chicago-bibliography", "bibtex", "csl-json", "ris"}
    assert all(format_citation(rec, f).strip() for f in FORMATS)
    with pytest.raises(CitationError, match="unknown citation format"):
        format_citation(rec, "mla")


def test_missing_publication_fact_is_reported(data_copy):
    path = data_copy / "documents" / "frus1950v07-d1077" / "provenance.json"
    chain = json.loads(path.read_text(encoding="utf-8"))
    pub = next(s for s in chain["steps"] if s["id"] == "publication")
    pub["facts"] = [f for f in pub["facts"] if f["field"] != "editor"]
    path.write_text(json.dumps(chain, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CitationError, match="'publication'.*editor"):
        citation_record()


def test_another_document_of_the_volume_can_be_cited_without_guessing():
    from kernel_utils.layers.provenance.citations import citation_record_for_source

    rec = citation_record_for_source("frus1950v07-d1066")
    assert rec.document_number == "1066" and rec.date is None and rec.first_page is None and rec.author is None
    note = chicago_note(rec)
    from kernel_utils import load_sources

    assert note.startswith(load_sources()["frus1950v07-d1066"].title) and ", doc. 1066, https://history.state.gov/historicaldocuments/frus1950v07/d1066." in note
    assert check_bibtex(bibtex(rec)) == [] and check_ris(ris(rec)) == [] and validate_csl_json(csl_json(rec)) == []
    assert bibtex(rec).startswith("@inbook{frus1950v07-d1066,") and "chapter" in bibtex(rec)  # no author recorded: @inbook, nothing invented
    assert "pages" not in bibtex(rec) and "SP  -" not in ris(rec)
    with pytest.raises(CitationError, match="expected a document of frus1950v07"):
        citation_record_for_source("frus1950v03-d317")  # another volume: its facts are not recorded
    with pytest.raises(CitationError, match="no source"):
        citation_record_for_source("nonesuch")
