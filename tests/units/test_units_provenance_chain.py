"""The provenance layer's model (``layers/provenance/chain.py``) on small made-up cases.

The rules are run on hand-made records against a made-up data folder (one source, one document
text), so each message and each boundary is asserted exactly; the loaders and tables are run on the
bundled data, whose values are known.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kernel_utils.errors import Problem
from kernel_utils.layers.provenance import chain
from kernel_utils.layers.provenance.chain import (
    CitedDocument,
    DateVariant,
    Fact,
    ProvenanceChain,
    Step,
    check_printed_claim,
)
from kernel_utils.store.evidence import SourceRef
from kernel_utils.store.validation import CheckContext

DOC = "made-up-doc"
FILE = f"data/documents/{DOC}/provenance.json"
TEXT = "SECRET. Telegram 7. The Mission is to say nothing."


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A data folder with one source that is a witness, one that is not, and one document's text."""
    sources = {
        "sources": [
            {"id": "web", "witness": {"shows": ["heading", "signature"]}},
            {"id": "blind", "witness": {"shows": []}},
            {"id": "plain"},
        ]
    }
    (tmp_path / "sources.json").write_text(json.dumps(sources), encoding="utf-8")
    folder = tmp_path / "documents" / DOC
    folder.mkdir(parents=True)
    (folder / "text.txt").write_text(TEXT, encoding="utf-8")
    (folder / "provenance.json").write_text(
        json.dumps({"steps": [{"id": "creation"}, {"id": "filing"}]}), encoding="utf-8"
    )
    return tmp_path


def ctx(root: Path, file: str = FILE) -> CheckContext:
    return CheckContext(root=root, file=file)


def ref(source: str = "plain", evidence: str = "the words") -> dict:
    return {"source": source, "evidence": evidence}


def fact(field: str = "telegram_number", value: str = "7", status: str = "verified", **extra) -> dict:
    return {"field": field, "value": value, "status": status, "sources": [ref()], **extra}


def step(step_id: str = "creation", order: int = 1, facts: list | None = None) -> dict:
    return {"id": step_id, "order": order, "sources": [ref()], "facts": facts if facts is not None else [fact()]}


# --------------------------------------------------------------------------- the model
def test_a_fact_label_is_its_field_in_words_with_a_capital():
    assert Fact("signer_identity", "x", "verified", ()).label == "Signer identity"
    assert Fact("", "x", "verified", ()).label == ""


def make_step() -> Step:
    facts = (
        Fact("a", "1", "verified", ()),
        Fact("b", "2", "inferred", (), reasoning="because"),
        Fact("c", "unknown", "unknown", ()),
        Fact("d", "4", "verified", ()),
    )
    return Step("creation", 1, "Creation", "How it was written", (SourceRef("web"),), facts)


def test_a_step_finds_its_fact_and_names_the_fields_it_has_when_asked_for_another():
    assert make_step().fact("b").reasoning == "because"
    with pytest.raises(KeyError) as error:
        make_step().fact("z")
    assert error.value.args[0] == "step 'creation' has no fact 'z'; it has: a, b, c, d"


def test_status_counts_count_each_status_in_the_order_the_notebooks_explain_them():
    counts = make_step().status_counts
    assert counts == {"verified": 2, "inferred": 1, "unknown": 1}
    assert list(counts) == ["verified", "inferred", "unknown"]


def test_a_chain_finds_steps_and_facts_and_names_its_steps_when_asked_for_another():
    other = Step("filing", 2, "Filing", "", (), (Fact("a", "f", "verified", ()),))
    chain_ = ProvenanceChain("d", (make_step(), other))
    assert chain_.step("filing") is other
    assert chain_.fact("filing", "a").value == "f"
    assert chain_.fact("creation", "a").value == "1"
    with pytest.raises(KeyError) as error:
        chain_.step("printing")
    assert error.value.args[0] == "no step 'printing'; steps: creation, filing"


def cited(*dates: str) -> CitedDocument:
    """A cited document 'c1' with no chosen date, the given dates in its sources and one passage."""
    variants = tuple(DateVariant(d, "web", "words") for d in dates)
    passage = (chain.TextPassage(0, 1, "x"),)
    return CitedDocument(
        "c1", "T", "telegram", "cites", "verified", None, None, "unknown", variants, None, passage, "", ()
    )


def test_dates_disagree_only_when_the_sources_give_two_different_dates():
    assert cited().dates_disagree is False
    assert cited("1950-12-15").dates_disagree is False
    assert cited("1950-12-15", "1950-12-15").dates_disagree is False
    assert cited("1950-12-15", "1950-12-17").dates_disagree is True


# --------------------------------------------------------------------------- the document field
def test_the_document_field_must_name_the_folder_holding_the_file(root):
    assert list(chain._check_document_field({"document": DOC}, ctx(root))) == []
    assert list(chain._check_document_field({"document": "other"}, ctx(root))) == [
        Problem(FILE, "", "document", f"the id of the document folder holding this file ({DOC!r})", "'other'")
    ]


def test_a_file_outside_any_folder_has_no_folder_id(root):
    assert chain._folder_of(ctx(root, "provenance.json")) == ""
    assert chain._folder_of(ctx(root, "a/b/provenance.json")) == "b"
    assert chain._folder_of(ctx(root, "b/provenance.json")) == "b"


# --------------------------------------------------------------------------- printed or absent claims
def test_only_a_verified_claim_about_printing_or_an_absence_needs_a_witness(root):
    assert (
        list(check_printed_claim(fact(status="inferred", field="printed_dateline"), ctx(root), record="r", field="f"))
        == []
    )
    assert list(check_printed_claim(fact(field="telegram_number", value="7"), ctx(root), record="r", field="f")) == []
    assert (
        list(check_printed_claim(fact(field="x", value="nonetheless printed"), ctx(root), record="r", field="f")) == []
    )
    assert list(check_printed_claim(fact(field="x", value=None), ctx(root), record="r", field="f")) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "claim",
    [
        {"field": "dateline_printed", "value": "Washington"},
        {"field": "PRINTS", "value": "yes"},
        {"field": "dateline", "value": "none"},
        {"field": "dateline", "value": "  No dateline"},
        {"field": "dateline", "value": "Absent from the page"},
        {"field": "dateline", "value": "not printed"},
        {"field": "dateline", "value": "Nothing at the head"},
    ],
)
def test_a_verified_printed_or_absent_claim_without_a_witness_is_refused(root, claim):
    problems = list(check_printed_claim(fact(**claim), ctx(root), record="r", field="facts.2"))
    assert problems == [
        Problem(
            FILE,
            "r",
            "facts.2.witness",
            "the witness this printed/absent claim was read in ({'source': id, 'feature': …}), or status 'unknown'",
            "no witness",
        )
    ]


def test_the_witness_must_be_a_source_described_as_a_witness(root):
    for source in ("plain", "nowhere"):
        claim = fact(field="dateline", value="none", witness={"source": source, "feature": "heading"})
        assert list(check_printed_claim(claim, ctx(root), record="r", field="f")) == [
            Problem(
                FILE,
                "r",
                "f.witness.source",
                "a source whose record in data/sources.json describes it as a witness (witness.shows)",
                repr(source),
            )
        ]


def test_the_witness_must_be_known_to_show_the_feature(root):
    shown = fact(field="dateline", value="none", witness={"source": "web", "feature": "signature"})
    assert list(check_printed_claim(shown, ctx(root), record="r", field="f")) == []
    unshown = fact(field="dateline", value="none", witness={"source": "web", "feature": "dateline"})
    assert list(check_printed_claim(unshown, ctx(root), record="r", field="f")) == [
        Problem(
            FILE,
            "r",
            "f.witness.feature",
            "a feature witness 'web' is known to show (heading, signature); an absence in a witness that may drop it is 'unknown'",
            "'dateline'",
        )
    ]
    blind = fact(field="dateline", value="none", witness={"source": "blind", "feature": "dateline"})
    assert [p.expected for p in check_printed_claim(blind, ctx(root), record="r", field="f")] == [
        "a feature witness 'blind' is known to show (none); an absence in a witness that may drop it is 'unknown'"
    ]


def test_witnesses_are_read_from_the_sources_file_leniently(root, tmp_path):
    assert chain._witnesses(ctx(root)) == {"web": {"shows": ["heading", "signature"]}, "blind": {"shows": []}}
    (root / "sources.json").write_text(
        '{"sources": [1, {"id": 2, "witness": {}}, {"id": "w", "witness": []}]}', encoding="utf-8"
    )
    assert chain._witnesses(CheckContext(root=root, file=FILE)) == {}
    (root / "sources.json").write_text("[]", encoding="utf-8")
    assert chain._witnesses(CheckContext(root=root, file=FILE)) == {}


# --------------------------------------------------------------------------- the chain's rules
def provenance(*steps: dict) -> dict:
    return {"document": DOC, "steps": list(steps)}


def test_a_well_formed_chain_passes(root):
    data = provenance(
        step("creation", 1), step("filing", 2, [fact("file", "320.2"), fact("series", "unknown", "unknown")])
    )
    assert list(chain._check_provenance(data, ctx(root))) == []


def test_steps_are_numbered_one_to_n_in_file_order(root):
    problems = list(chain._check_provenance(provenance(step("creation", 2), step("filing", 1)), ctx(root)))
    assert problems == [Problem(FILE, "", "steps.order", "the steps numbered 1 to 2 in file order", "[2, 1]")]
    problems = list(chain._check_provenance(provenance(step("creation", 0)), ctx(root)))
    assert [p.expected for p in problems] == ["the steps numbered 1 to 1 in file order"]


def test_a_field_appears_once_per_step(root):
    data = provenance(step(facts=[fact("a"), fact("b"), fact("a")]))
    assert list(chain._check_provenance(data, ctx(root))) == [
        Problem(FILE, "'creation'", "facts.2.field", "each field once per step", "'a'")
    ]


def test_each_fact_is_checked_for_support_sources_and_witness_at_its_own_place(root):
    data = provenance(step(facts=[fact("a"), fact("b", "guess", "inferred", sources=[ref("nowhere")])]))
    fields = [p.field for p in chain._check_provenance(data, ctx(root))]
    assert fields == ["facts.1.reasoning", "facts.1.sources.0.source"]
    data = provenance(step(facts=[fact("printed_dateline", "Washington")]))
    assert [p.field for p in chain._check_provenance(data, ctx(root))] == ["facts.0.witness"]
    bad_step = step()
    bad_step["sources"] = [ref("nowhere")]
    assert [(p.record, p.field) for p in chain._check_provenance(provenance(bad_step), ctx(root))] == [
        ("'creation'", "sources.0.source")
    ]


@pytest.mark.parametrize(
    ("field", "good", "bad", "expected"),
    [
        (
            "volume_number",
            ["VII", "7", "XLII"],
            ["vii", "7a", "VII "],
            "a volume number in roman or arabic numerals, e.g. 'VII'",
        ),
        ("year_of_publication", ["1976"], ["76", "19766", "1976 "], "a four-digit year"),
        (
            "editor",
            ["John P. Glennon", "N. O'Brien-Smith"],
            ["Glennon", "john glennon", "John P. Glennon "],
            "a personal name, given names then family name, e.g. 'John P. Glennon'",
        ),
    ],
)
def test_publication_facts_must_have_a_citable_form(root, field, good, bad, expected):
    for value in good:
        assert list(chain._check_provenance(provenance(step("publication", 1, [fact(field, value)])), ctx(root))) == []
    for value in bad:
        assert list(chain._check_provenance(provenance(step("publication", 1, [fact(field, value)])), ctx(root))) == [
            Problem(FILE, "'publication'", "facts.0.value", expected, repr(value))
        ]


def test_the_citable_form_binds_only_known_publication_facts(root):
    unknown = fact("year_of_publication", "unknown", "unknown")
    elsewhere = fact("year_of_publication", "76")
    assert list(chain._check_provenance(provenance(step("publication", 1, [unknown])), ctx(root))) == []
    assert list(chain._check_provenance(provenance(step("creation", 1, [elsewhere])), ctx(root))) == []
    long_value = "x" * 100
    problems = list(
        chain._check_provenance(provenance(step("publication", 1, [fact("editor", long_value)])), ctx(root))
    )
    assert problems[0].found == repr("x" * 80)


# --------------------------------------------------------------------------- cited documents
def cited_record(**changes) -> dict:
    record = {
        "id": "c1",
        "identification_status": "verified",
        "date": "1950-12-15",
        "date_status": "verified",
        "date_variants": [{"date": "1950-12-15", "source": "plain", "evidence": "the words"}],
        "passages": [{"start": 8, "end": 19, "quote": "Telegram 7."}],
        "sources": [ref()],
    }
    record.update(changes)
    return record


def check_cited(root: Path, *records: dict) -> list[Problem]:
    data = {"document": DOC, "cited_documents": list(records)}
    return list(chain._check_cited(data, ctx(root, f"data/documents/{DOC}/cited_documents.json")))


CITED = f"data/documents/{DOC}/cited_documents.json"


def test_a_well_formed_cited_document_passes(root):
    assert check_cited(root, cited_record()) == []
    assert (
        check_cited(
            root, cited_record(date="1950-12", date_variants=[{"date": "1950-12", "source": "plain", "evidence": "w"}])
        )
        == []
    )
    assert check_cited(root, cited_record(date="1950", date_variants=[])) == []
    assert check_cited(root, cited_record(date=None, date_status="unknown", date_variants=[])) == []
    assert (
        check_cited(root, cited_record(identification_status="inferred", identification_reasoning="the file number"))
        == []
    )


def test_an_inferred_identification_gives_its_reasoning(root):
    assert check_cited(root, cited_record(identification_status="inferred")) == [
        Problem(CITED, "'c1'", "identification_reasoning", "the reasoning behind an inferred identification", "none")
    ]


def test_the_date_status_agrees_with_whether_a_date_is_given(root):
    assert check_cited(root, cited_record(date=None, date_variants=[])) == [
        Problem(CITED, "'c1'", "date_status", "'unknown' when no date is given", "'verified'")
    ]
    assert check_cited(root, cited_record(date_status="unknown")) == [
        Problem(CITED, "'c1'", "date_status", "verified or inferred when a date is given", "'unknown'")
    ]


def test_the_date_is_one_the_sources_give(root):
    assert check_cited(root, cited_record(date="1950-12-17")) == [
        Problem(CITED, "'c1'", "date", "one of the dates the sources give (date_variants)", "'1950-12-17'")
    ]


def test_dates_are_checked_at_the_precision_they_are_written(root):
    assert [p.field for p in check_cited(root, cited_record(date="1950-13", date_variants=[]))] == ["date"]
    assert [p.field for p in check_cited(root, cited_record(date="1950-12-32", date_variants=[]))] == ["date"]
    assert [p.field for p in check_cited(root, cited_record(date="195", date_variants=[]))] == ["date"]
    bad_variant = [{"date": "1950-02-30", "source": "plain", "evidence": "w"}]
    assert [
        p.field for p in check_cited(root, cited_record(date=None, date_status="unknown", date_variants=bad_variant))
    ] == ["date_variants.0.date"]
    month = [{"date": "1950-13", "source": "plain", "evidence": "w"}]
    assert [
        p.field for p in check_cited(root, cited_record(date=None, date_status="unknown", date_variants=month))
    ] == ["date_variants.0.date"]


def test_disagreeing_dates_without_a_chosen_date_need_a_note(root):
    variants = [{"date": d, "source": "plain", "evidence": "w"} for d in ("1950-12-15", "1950-12-17")]
    undecided = cited_record(date=None, date_status="unknown", date_variants=variants)
    assert check_cited(root, undecided) == [
        Problem(CITED, "'c1'", "discrepancy", "a note on the sources' disagreeing dates", "none")
    ]
    assert check_cited(root, dict(undecided, discrepancy="15 in one, 17 in the other")) == []
    assert check_cited(root, cited_record(date_variants=variants)) == []


def test_each_variant_is_a_source_reference_and_each_passage_is_quoted_exactly(root):
    variants = [{"date": "1950-12-15", "source": "nowhere", "evidence": "w"}]
    assert [p.field for p in check_cited(root, cited_record(date_variants=variants))] == ["date_variants.0.source"]
    shifted = [{"start": 9, "end": 20, "quote": "Telegram 7."}]
    assert [(p.record, p.field) for p in check_cited(root, cited_record(passages=shifted))] == [
        ("'c1'", "passages.0.quote")
    ]
    assert [p.field for p in check_cited(root, cited_record(sources=[ref("nowhere")]))] == ["sources.0.source"]


def test_cited_documents_ids_are_unique_and_the_document_field_is_checked(root):
    problems = check_cited(root, cited_record(), cited_record())
    assert [p.field for p in problems] == ["id"]
    data = {"document": "other", "cited_documents": []}
    assert [p.field for p in chain._check_cited(data, ctx(root, CITED))] == ["document"]


# --------------------------------------------------------------------------- known unknowns
KNOWN = f"data/documents/{DOC}/known_unknowns.json"


def check_known(root: Path, *items: dict) -> list[Problem]:
    return list(chain._check_known_unknowns({"document": DOC, "known_unknowns": list(items)}, ctx(root, KNOWN)))


def test_a_known_unknown_names_a_step_of_the_documents_own_chain(root):
    assert check_known(root, {"id": "k1"}, {"id": "k2", "step": "filing"}) == []
    problems = check_known(root, {"id": "k1", "step": "printing"})
    assert [(p.record, p.field, p.found) for p in problems] == [("'k1'", "step", "'printing'")]
    assert "step of this document's provenance.json" in problems[0].expected


def test_known_unknowns_without_a_readable_chain_have_no_steps(root):
    (root / "documents" / DOC / "provenance.json").write_text("[]", encoding="utf-8")
    assert [p.field for p in check_known(root, {"id": "k1", "step": "creation"})] == ["step"]
    assert [p.field for p in check_known(root, {"id": "k1"}, {"id": "k1"})] == ["id"]


# --------------------------------------------------------------------------- bundled data
def test_layer_files_say_which_files_a_bundled_document_has():
    from kernel_utils.store.documents import list_documents

    with_chain = "frus1950v07-d1077"
    files = chain.layer_files(with_chain)
    assert list(files) == ["provenance chain", "cited documents", "known unknowns", "mentions of entities"]
    assert files["provenance chain"] is True
    without = next(d for d in list_documents() if not chain.has_provenance(d))
    assert chain.layer_files(without)["provenance chain"] is False
    with pytest.raises(KeyError) as error:
        chain.layer_files("no-such-document")
    assert error.value.args[0].startswith("no bundled document 'no-such-document'; bundled: ")
    assert with_chain in error.value.args[0]


def test_the_default_document_is_used_when_none_is_named():
    from kernel_utils.store.documents import default_document

    assert chain.layer_files() == chain.layer_files(default_document())
    assert chain.has_provenance() is True
    assert chain.load_provenance().document == default_document()
    assert chain.volume_publication_document() == default_document()
    assert chain.load_cited_documents() == chain.load_cited_documents(default_document())
    assert chain.load_known_unknowns() == chain.load_known_unknowns(default_document())
    assert chain.chain_table().equals(chain.chain_table(default_document()))
    assert chain.cited_documents_table().equals(chain.cited_documents_table(default_document()))
    assert chain.known_unknowns_table().equals(chain.known_unknowns_table(default_document()))


def test_a_document_borrows_publication_facts_from_a_chain_of_its_own_volume_only():
    from kernel_utils.store.documents import document_record, list_documents

    same_volume = next(
        d for d in list_documents() if document_record(d).volume_id == "frus1950v07" and not chain.has_provenance(d)
    )
    chains = [d for d in list_documents() if chain.has_provenance(d) and document_record(d).volume_id == "frus1950v07"]
    assert len(chains) == 2, "d970 and d1077 each have a chain with a publication step"
    assert chain.volume_publication_document(same_volume) == chains[0]
    assert chain.volume_publication_document("frus1950v07-d970") == "frus1950v07-d970"
    other_volume = next(d for d in list_documents() if document_record(d).volume_id != "frus1950v07")
    assert chain.volume_publication_document(other_volume) is None


def test_the_chain_loads_every_fact_with_its_reasoning_and_note():
    loaded = chain.load_provenance("frus1950v07-d1077")
    assert [s.id for s in loaded.steps][:2] == ["creation", "transmission"]
    assert [s.order for s in loaded.steps] == list(range(1, len(loaded.steps) + 1))
    creation = loaded.step("creation")
    assert creation.title and creation.summary and creation.sources
    inferred = creation.fact("reason_webb_signed")
    assert inferred.status == "inferred" and inferred.reasoning and inferred.note is None
    noted = loaded.fact("transmission", "dateline_in_printed_text")
    assert noted.status == "unknown" and noted.note and noted.reasoning is None
    assert loaded.fact("publication", "editor").value == "John P. Glennon"
    assert all(isinstance(r, SourceRef) and r.source for r in loaded.fact("publication", "editor").sources)


def test_cited_documents_load_with_their_variants_and_passages():
    raw = json.loads(Path("data/documents/frus1950v07-d1077/cited_documents.json").read_text(encoding="utf-8"))
    loaded = chain.load_cited_documents("frus1950v07-d1077")
    assert [d.id for d in loaded] == [d["id"] for d in raw["cited_documents"]]
    for got, want in zip(loaded, raw["cited_documents"]):
        assert (got.title, got.kind, got.relation, got.date, got.date_status) == (
            want["title"],
            want["kind"],
            want["relation"],
            want["date"],
            want["date_status"],
        )
        assert got.identification_status == want["identification_status"]
        assert got.identification_reasoning == want.get("identification_reasoning")
        assert got.discrepancy == want.get("discrepancy")
        assert got.summary == want["summary"]
        assert [(v.date, v.source, v.evidence, v.note) for v in got.date_variants] == [
            (v["date"], v["source"], v["evidence"], v.get("note")) for v in want["date_variants"]
        ]
        assert [(p.start, p.end, p.quote) for p in got.passages] == [
            (p["start"], p["end"], p["quote"]) for p in want["passages"]
        ]
        assert [r.source for r in got.sources] == [r["source"] for r in want["sources"]]


def test_known_unknowns_load_with_their_step():
    raw = json.loads(Path("data/documents/frus1950v07-d1077/known_unknowns.json").read_text(encoding="utf-8"))
    loaded = chain.load_known_unknowns("frus1950v07-d1077")
    assert [(k.id, k.question, k.why_it_matters, k.searched, k.step) for k in loaded] == [
        (k["id"], k["question"], k["why_it_matters"], k["searched"], k.get("step")) for k in raw["known_unknowns"]
    ]


def test_the_tables_have_one_row_per_fact_cited_document_and_unknown():
    doc = "frus1950v07-d1077"
    table = chain.chain_table(doc)
    assert list(table.columns) == ["step", "field", "value", "status", "sources"]
    editor = table[(table.step == "publication") & (table.field == "editor")].iloc[0]
    fact_ = chain.load_provenance(doc).fact("publication", "editor")
    assert (editor.value, editor.status) == ("John P. Glennon", "verified")
    assert editor.sources == ", ".join(dict.fromkeys(r.source for r in fact_.sources))
    assert len(table) == sum(len(s.facts) for s in chain.load_provenance(doc).steps)

    cited_table = chain.cited_documents_table(doc)
    assert list(cited_table.columns) == ["title", "relation", "identified", "date", "dates in sources", "passage"]
    for d in chain.load_cited_documents(doc):
        row = cited_table.loc[d.id]
        assert row["date"] == (d.date or "unknown")
        assert row["dates in sources"] == (" / ".join(dict.fromkeys(v.date for v in d.date_variants)) or "none")
        assert row["passage"] == d.passages[0].quote
        assert row["identified"] == d.identification_status

    unknowns = chain.known_unknowns_table(doc)
    assert list(unknowns.columns) == ["question", "why it matters", "searched", "step"]
    assert list(unknowns.index) == [k.id for k in chain.load_known_unknowns(doc)]
    assert list(unknowns["step"]) == [k.step or "" for k in chain.load_known_unknowns(doc)]


def test_the_tables_read_the_document_they_are_given_not_the_default(monkeypatch):
    doc = "frus1950v07-d970"
    assert list(chain.chain_table(doc)["value"]) == [f.value for s in chain.load_provenance(doc).steps for f in s.facts]
    asked: list[str | None] = []
    undated = cited()
    monkeypatch.setattr(chain, "load_cited_documents", lambda document_id=None: asked.append(document_id) or (undated,))
    monkeypatch.setattr(
        chain,
        "load_known_unknowns",
        lambda document_id=None: asked.append(document_id) or (chain.KnownUnknown("k", "q", "w", "s"),),
    )
    chain.cited_documents_table(doc)
    chain.known_unknowns_table(doc)
    assert asked == [doc, doc]


def test_an_empty_chain_still_has_the_tables_columns_and_a_missing_date_list_says_none(monkeypatch):
    monkeypatch.setattr(chain, "load_provenance", lambda document_id=None: ProvenanceChain("d", ()))
    assert list(chain.chain_table("d").columns) == ["step", "field", "value", "status", "sources"]
    undated = cited()
    monkeypatch.setattr(chain, "load_cited_documents", lambda document_id=None: (undated,))
    row = chain.cited_documents_table("d").loc["c1"]
    assert (row["date"], row["dates in sources"]) == ("unknown", "none")


def test_publication_facts_come_from_the_first_chain_of_the_same_volume_that_has_a_publication_step(monkeypatch):
    from types import SimpleNamespace

    from kernel_utils.store import documents

    volumes = {"a1": "A", "b1": "B", "a2": "A", "a3": "A"}
    chains = {
        "b1": ProvenanceChain("b1", (Step("publication", 1, "", "", (), ()),)),
        "a2": ProvenanceChain("a2", (Step("creation", 1, "", "", (), ()),)),
        "a3": ProvenanceChain("a3", (Step("creation", 1, "", "", (), ()), Step("publication", 2, "", "", (), ()))),
    }

    def record(document_id):
        assert document_id in volumes, document_id
        return SimpleNamespace(volume_id=volumes[document_id])

    def provenance(document_id=None):
        assert document_id in chains, document_id
        return chains[document_id]

    monkeypatch.setattr(documents, "list_documents", lambda: list(volumes))
    monkeypatch.setattr(documents, "document_record", record)
    monkeypatch.setattr(chain, "has_provenance", lambda document_id=None: document_id in chains)
    monkeypatch.setattr(chain, "load_provenance", provenance)
    assert chain.volume_publication_document("a1") == "a3"
    assert chain.volume_publication_document("a3") == "a3"
    assert chain.volume_publication_document("b1") == "b1"
    volumes["a3"] = "C"
    assert chain.volume_publication_document("a1") is None


def test_an_unknown_document_is_a_key_error_listing_the_bundled_ones():
    from kernel_utils.store.documents import list_documents

    with pytest.raises(KeyError) as error:
        chain.layer_files("no-such-document")
    assert error.value.args[0] == f"no bundled document 'no-such-document'; bundled: {', '.join(list_documents())}"


def test_cited_document_problems_name_the_file_and_the_record_by_id_or_position(root):
    assert check_cited(root, cited_record(), cited_record()) == [
        Problem(CITED, "#2", "id", "a unique cited document id", "'c1' again (first used by cited document #1)")
    ]
    unnamed = cited_record(
        passages=[{"start": 9, "end": 20, "quote": "Telegram 7."}],
        date="1950-13",
        date_variants=[{"date": "1950-13", "source": "nowhere", "evidence": "w"}],
        sources=[ref("nowhere")],
    )
    del unnamed["id"]
    source_expected = "the id of an existing source in data/sources.json (e.g. blind, plain, web)"
    assert check_cited(root, unnamed) == [
        Problem(CITED, "#1", "sources.0.source", source_expected, "'nowhere'"),
        Problem(CITED, "#1", "date", "a real calendar date", "'1950-13' (month must be in 1..12)"),
        Problem(CITED, "#1", "date_variants.0.date", "a real calendar date", "'1950-13' (month must be in 1..12)"),
        Problem(CITED, "#1", "date_variants.0.source", source_expected, "'nowhere'"),
        Problem(
            CITED,
            "#1",
            "passages.0.quote",
            "the words the text has at 9–20: 'elegram 7. '",
            "'Telegram 7.' (the quoted words stand at 8–19)",
        ),
    ]


def test_a_variant_date_of_a_year_is_read_as_a_year_and_an_odd_one_as_a_day(root):
    variants = [{"date": d, "source": "plain", "evidence": "w"} for d in ("1950", "1950-1-5")]
    undecided = cited_record(date=None, date_status="unknown", date_variants=variants, discrepancy="two dates")
    assert check_cited(root, undecided) == [
        Problem(CITED, "'c1'", "date_variants.1.date", "a date written YYYY-MM-DD (precision day)", "'1950-1-5'")
    ]


def test_known_unknown_problems_name_the_file_and_the_record_by_id_or_position(root):
    assert check_known(root, {"id": "k1"}, {"id": "k1"}, {"step": "printing"}) == [
        Problem(KNOWN, "#2", "id", "a unique known unknown id", "'k1' again (first used by known unknown #1)"),
        Problem(
            KNOWN,
            "#3",
            "step",
            "the id of an existing step of this document's provenance.json (e.g. creation, filing)",
            "'printing'",
        ),
    ]


def test_a_chain_file_without_steps_offers_no_step_to_refer_to(root):
    (root / "documents" / DOC / "provenance.json").write_text("{}", encoding="utf-8")
    assert check_known(root, {"id": "k1", "step": "creation"}) == [
        Problem(
            KNOWN, "'k1'", "step", "the id of an existing step of this document's provenance.json (e.g. )", "'creation'"
        )
    ]


def test_chain_problems_name_the_file_and_the_step(root):
    first = step("creation", 1, [fact("a", "7", "unknown"), fact("b", "8", sources=[ref("nowhere")])])
    printed = step("transmission", 2, [fact("printed_dateline", "Washington")])
    problems = list(chain._check_provenance(provenance(first, printed, step("transmission", 3)), ctx(root)))
    assert [(p.file, p.record, p.field) for p in problems] == [
        (FILE, "#3", "id"),
        (FILE, "'creation'", "facts.0.value"),
        (FILE, "'creation'", "facts.1.sources.0.source"),
        (FILE, "'transmission'", "facts.0.witness"),
    ]
    assert problems[0].expected == "a unique step id"
    assert problems[1] == Problem(
        FILE, "'creation'", "facts.0.value", "'unknown' for a statement whose status is unknown", "'7'"
    )


def test_a_witness_record_without_a_list_of_features_shows_none(root):
    sources = {"sources": [{"id": "bare", "witness": {}}]}
    (root / "sources.json").write_text(json.dumps(sources), encoding="utf-8")
    claim = fact(field="dateline", value="none", witness={"source": "bare", "feature": "dateline"})
    assert [p.expected for p in check_printed_claim(claim, ctx(root), record="r", field="f")] == [
        "a feature witness 'bare' is known to show (none); an absence in a witness that may drop it is 'unknown'"
    ]


def test_steps_without_a_string_id_are_not_offered_to_known_unknowns(root):
    (root / "documents" / DOC / "provenance.json").write_text(
        json.dumps({"steps": [{"title": "no id"}, {"id": 5}, "creation"]}), encoding="utf-8"
    )
    assert [p.found for p in check_known(root, {"id": "k1", "step": "creation"})] == ["'creation'"]


def test_passages_of_a_document_whose_text_is_missing_name_that_document(root):
    (root / "documents" / DOC / "text.txt").unlink()
    assert check_cited(root, cited_record()) == [
        Problem(CITED, "'c1'", "document", "a bundled document whose text can be read", repr(DOC))
    ]
