"""The dossier's cross-references: the finder on small made-up texts (each series form, dates,
glued footnote markers, reftel), resolution against made-up tables, and the real dossier."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kernel_utils import (
    find_references,
    find_references_in_text,
    resolve_references,
    table_from_json,
)
from kernel_utils.layers.dossier.references import Reference
from kernel_utils.layers.dossier.resolution import mark_date_disagreements

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "tests" / "fixtures" / "dossier_references.json").read_text(encoding="utf-8"))


def one(text: str, **kw) -> Reference:
    refs = find_references_in_text(text, year=1950, month=12, **kw)
    assert len(refs) == 1, refs
    ref = refs[0]
    assert text[ref.start:ref.end] == ref.quote
    return ref


@pytest.mark.parametrize("text, series, number, quote", [
    ("See Deptel 12 for the terms.", "Deptel", "12", "Deptel 12"),
    ("Basing myself on Depcirtel 7 I called.", "Depcirtel", "7", "Depcirtel 7"),
    ("As reported Delga 5 yesterday.", "Delga", "5", "Delga 5"),
    ("Further to Gadel 44 it appears.", "Gadel", "44", "Gadel 44"),
    ("In looking through Embtel 831 I find.", "Embtel", "831", "Embtel 831"),
    ("Reurtel 1466 you are authorized.", "urtel", "1466", "Reurtel 1466"),
    ("Following ur 45 we agree.", "urtel", "45", "ur 45"),
    ("As stated mytel 46 we doubt.", "mytel", "46", "mytel 46"),
    ("Urtels 925 received.", "urtel", "925", "Urtels 925"),
    ("Pursuant to Department’s Top Secret 47 we called.", "Deptel", "47", "Department’s Top Secret 47"),
    ("Gross set forth Department’s No. 48 to the group.", "Deptel", "48", "Department’s No. 48"),
    ("Bevin saw Dept's 49 today.", "Deptel", "49", "Dept's 49"),
])
def test_each_series_form_is_found_with_its_number(text, series, number, quote):
    ref = one(text)
    assert (ref.series, ref.number, ref.quote) == (series, number, quote)


def test_a_date_after_the_number_is_read_with_the_citing_documents_year():
    ref = one("Department’s 916 of December 15 to New Delhi says so.")
    assert (ref.date, ref.date_as_written, ref.post) == ("1950-12-15", "December 15", "New Delhi")
    assert ref.quote == "Department’s 916 of December 15 to New Delhi"
    assert one("Depcirtel 256 December 9, 2 p. m., said").date == "1950-12-09"
    assert one("Embtel 831, October 4, 1949, which").date == "1949-10-04"


def test_a_december_telegram_cited_in_january_is_of_the_year_before():
    refs = find_references_in_text("Reurtel 2857 Dec 24. In order", year=1951, month=1)
    assert refs[0].date == "1950-12-24"


def test_a_footnote_marker_glued_to_the_day_is_left_out_of_the_date_and_the_quote():
    ref = one("contents of Deptel 916, December 171 which arrived")
    assert (ref.date, ref.quote) == ("1950-12-17", "Deptel 916, December 17")
    assert any("footnote" in n for n in ref.notes)
    assert one("Urtel 551 Sept 41 and with").date == "1950-09-04"


def test_a_list_of_numbers_gives_one_reference_each_sharing_the_date():
    refs = find_references_in_text("Urtels 925 and 926 June 25 received.", year=1950)
    assert [(r.quote, r.number, r.date) for r in refs] == [("Urtels 925", "925", "1950-06-25"), ("926 June 25", "926", "1950-06-25")]


def test_telegram_n_counts_only_with_a_post_and_reftel_has_no_number():
    assert find_references_in_text("He sent telegram 50 yesterday.") == []
    ref = one("See telegram 122 to London for it.")
    assert (ref.series, ref.number, ref.post) == ("telegram", "122", "London")
    ref = one("we developed the points contained in reftel.")
    assert (ref.series, ref.number) == ("reftel", None)


def test_own_number_distribution_lines_and_ordinary_words_are_not_references():
    text = "Delga 460. Re Korea. Our analysis of ur view. Sent Department 1590, repeated London 78."
    assert find_references_in_text(text, own_number_span=(0, 9)) == []
    assert find_references_in_text("Your telegram was received; our delegation agrees.") == []


# --------------------------------------------------------------------------- resolution, made-up table
TABLE = table_from_json({
    "offices": [
        {"id": "department", "label": "Department", "names": ["Secretary of State"], "places": ["Washington"]},
        {"id": "usun", "label": "Mission", "names": ["at the United Nations"], "places": ["USUN"]},
        {"id": "post", "label": "Embassy in Ruritania", "names": ["in Ruritania"], "places": ["Strelsau"]},
    ],
    "telegrams": [
        {"id": "d-u-10", "sender": "department", "recipient": "usun", "series": "", "number": "10", "date": "1950-12-20",
         "date_basis": "x", "target": "frus1950v99-d10", "identification": "own-text", "sources": [{"source": "s", "evidence": "e"}]},
        {"id": "d-p-20", "sender": "department", "recipient": "post", "series": "", "number": "20", "date": None,
         "date_basis": "x", "target": "frus1950v99-d20", "identification": "own-text", "sources": [{"source": "s", "evidence": "e"}]},
        {"id": "p-d-30", "sender": "post", "recipient": "department", "series": "", "number": "30", "date": "1950-12-13",
         "date_basis": "x", "target": "frus1950v99-d30", "identification": "own-text", "sources": [{"source": "s", "evidence": "e"}]},
        {"id": "u-40", "sender": "usun", "recipient": "department", "series": "Delga", "number": "40", "date": None,
         "date_basis": "x", "target": None, "identification": "frus-footnote", "reason": "page not read", "sources": [{"source": "s", "evidence": "e"}]},
    ],
})


def resolve(text: str, sender: str, recipient: str, *, line_end: int | None = None) -> list[Reference]:
    return resolve_references(find_references_in_text(text, year=1950, month=12), sender=sender, recipient=recipient,
                              table=TABLE, reference_line_end=line_end)


def test_a_reference_resolves_by_the_offices_its_series_word_implies():
    [ref] = resolve("Pursuant to Department’s 10 of December 20, we called.", "usun", "department")
    assert (ref.target, ref.status, ref.sender, ref.recipient) == ("frus1950v99-d10", "resolved", "department", "usun")
    [ref] = resolve("Deptel 20 arrived here.", "post", "department")  # a Deptel cited by the post: sent to that post
    assert ref.target == "frus1950v99-d20"
    [ref] = resolve("Reurtel 30 you are authorized.", "department", "post")  # your telegram: the addressee's
    assert (ref.target, ref.sender) == ("frus1950v99-d30", "post")
    [ref] = resolve("telegram 20 to Strelsau says", "department", "usun")
    assert ref.target == "frus1950v99-d20"


def test_a_date_that_differs_from_the_targets_own_is_kept_and_flagged():
    [ref] = resolve("Pursuant to Department’s 10 of December 19, we called.", "usun", "department")
    assert (ref.target, ref.status, ref.date) == ("frus1950v99-d10", "date-disagrees", "1950-12-19")
    assert "1950-12-20" in ref.other_dates[0] and "1950-12-19" in ref.reason


def test_references_that_give_the_same_target_different_dates_are_each_flagged():
    a = resolve("guided by Department’s 20 of December 15 to Strelsau.", "department", "usun")
    b = resolve("contents of Deptel 20, December 17 which arrived", "post", "department")
    marked = mark_date_disagreements({"one": a, "two": b})
    assert [r.status for r in marked["one"] + marked["two"]] == ["date-disagrees", "date-disagrees"]
    assert marked["one"][0].other_dates == ("1950-12-17 (in two)",)
    assert marked["two"][0].other_dates == ("1950-12-15 (in one)",)


def test_unresolved_references_say_why():
    [ref] = resolve("Deptel 99 says", "post", "department")
    assert ref.status == "unresolved" and ref.target is None and "no telegram" in ref.reason
    [ref] = resolve("set forth Delga 40 yesterday", "department", "usun")
    assert (ref.status, ref.entry, ref.reason) == ("unresolved", "u-40", "page not read")


def test_reftel_takes_the_target_of_the_reference_line():
    text = "Re Department’s 10 of December 20. We called. We developed the points contained in reftel."
    refs = resolve(text, "usun", "department", line_end=text.index(" We called"))
    assert [r.target for r in refs] == ["frus1950v99-d10", "frus1950v99-d10"]
    assert refs[1].via == 0 and refs[1].status == "resolved"
    [ref] = resolve("We developed the points contained in reftel.", "usun", "department", line_end=10)
    assert ref.status == "unresolved" and "reference line" in ref.reason


# --------------------------------------------------------------------------- the real dossier
def test_delga_460_resolves_602_and_its_reftel_to_the_telegram():
    refs = find_references("frus1950v07-d1085")
    assert [(r.quote, r.target, r.status) for r in refs] == [
        ("Department’s Top Secret 602 of December 20", "frus1950v07-d1077", "resolved"),
        ("reftel", "frus1950v07-d1077", "resolved"),
    ]


def test_deptel_916_dated_differently_in_602_and_in_1508_keeps_both_dates():
    [in_602] = find_references("frus1950v07-d1077")
    [in_1508] = find_references("frus1950v07-d1066")
    assert (in_602.target, in_602.date, in_602.status) == ("frus1950v07-d1055", "1950-12-15", "date-disagrees")
    assert (in_1508.target, in_1508.date, in_1508.status) == ("frus1950v07-d1055", "1950-12-17", "date-disagrees")
    assert "frus1950v07-d1066" in in_602.other_dates[0] and "frus1950v07-d1077" in in_1508.other_dates[0]


def test_the_hand_checked_list_is_matched_for_every_bundled_document():
    from kernel_utils import list_documents

    fields = ("start", "end", "quote", "series", "number", "date", "target", "status")
    bundled = [d for d in GOLD["documents"] if d in list_documents()]
    assert len(bundled) >= 14
    for document in bundled:
        got = [{f: r.as_dict()[f] for f in fields} for r in find_references(document)]
        assert got == [{f: e[f] for f in fields} for e in GOLD["documents"][document]], document


def test_the_cli_prints_json_with_the_promised_fields_and_refuses_an_unknown_id():
    run = lambda *a: subprocess.run([sys.executable, "-m", "kernel_utils", "references", *a], check=False, capture_output=True, text=True, cwd=ROOT)
    out = run("frus1950v07-d1085")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert {"start", "end", "quote", "series", "number", "date", "target", "status"} <= set(data[0])
    bad = run("frus1950v07-d9999")
    assert bad.returncode == 1 and "no bundled document 'frus1950v07-d9999'" in bad.stderr and "Traceback" not in bad.stderr


def test_a_resolution_entry_whose_evidence_is_not_in_its_source_fails_validation(data_copy):
    from kernel_utils import validate_paths

    path = data_copy / "dossier" / "telegrams.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["telegrams"][0]["sources"][0]["evidence"] = "words the telegram never used"
    data["telegrams"][1]["sender"] = "nowhere"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    problems = [str(p) for p in validate_paths([path])]
    assert any("sources.0.evidence" in p and "words that stand in the text" in p for p in problems), problems
    assert any("field 'sender'" in p and "'nowhere'" in p for p in problems), problems
