"""The glossary and who's who: sourced, checked by the validator, and their Markdown pages current."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kernel_utils import list_documents, load_document
from kernel_utils.layers.teaching.glossary import load_glossary
from kernel_utils.store.entities import load_entities
from kernel_utils.store.validation import CheckContext, _schema_problems
from kernel_utils.store.paths import data_dir
from kernel_utils.layers.teaching.glossary import _check_glossary
from tools.teaching_docs import pages, stale

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "frus" / "texts"


def test_generated_pages_are_current():
    assert stale() == [], "run python -m tools.teaching_docs"


def test_every_quoted_evidence_from_a_frus_text_is_in_that_text():
    checked = 0
    for term in load_glossary():
        for ref in term.sources:
            page = FIXTURES / f"{ref.source}.txt"
            if ref.source in list_documents():  # a bundled text: the whole document
                assert ref.evidence in load_document(ref.source).text, (term.id, ref.source, ref.evidence)
                checked += 1
            elif page.is_file():  # a stored page text (its opening)
                assert ref.evidence in page.read_text(encoding="utf-8"), (term.id, ref.source, ref.evidence)
                checked += 1
    assert checked >= 10


def test_the_terms_the_issue_asks_for_are_defined():
    ids = {t.id for t in load_glossary()}
    assert {"frus", "delga", "deptel", "depcirtel", "reftel", "urtel", "niact", "priority", "top-secret", "entezam-group", "usun",
            "aif", "argdown", "knowledge-horizon", "peking"} <= ids
    historical = [t for t in load_glossary() if t.kind == "historical"]
    assert all(t.sources and t.status in ("verified", "inferred") for t in historical)
    assert all(t.basis for t in historical if t.status == "inferred")


def test_chinese_names_have_period_and_modern_spellings():
    entities = load_entities()
    assert (entities["chou-en-lai"].name, entities["chou-en-lai"].modern_spelling) == ("Chou En-lai", "Zhou Enlai")
    assert (entities["wu-hsiu-chuan"].name, entities["wu-hsiu-chuan"].modern_spelling) == ("Wu Hsiu-chuan", "Wu Xiuquan")
    peking = next(t for t in load_glossary() if t.id == "peking")
    assert peking.modern_spelling == "Beijing" and peking.status == "inferred" and "Pinyin" in peking.basis
    text = pages()[ROOT / "docs" / "whos-who.md"]()
    assert "### Chou En-lai / Zhou Enlai" in text and "### Wu Hsiu-chuan / Wu Xiuquan" in text


@pytest.mark.parametrize("change, field", [
    (lambda t: t.update(sources=[]), "sources"),
    (lambda t: t.update(status="editorial"), "status"),
    (lambda t: t.update(entity="nobody"), "entity"),
    (lambda t: t.pop("basis"), "basis"),
])
def test_a_broken_glossary_entry_is_refused(change, field):
    data = json.loads((data_dir() / "glossary.json").read_text(encoding="utf-8"))
    term = next(t for t in data["terms"] if t["id"] == "deptel")
    change(term)
    assert _schema_problems(data, "glossary.schema.json", "glossary.json") == []
    ctx = CheckContext(data_dir())
    ctx.file = "data/glossary.json"
    problems = list(_check_glossary(data, ctx))
    assert any(p.record == "'deptel'" and p.field == field for p in problems), problems
