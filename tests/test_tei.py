"""TEI import (both HistoryAtState/frus shapes) and export in the FRUS conventions, with round trips.

Excerpts in tests/fixtures/tei/ are copied exactly from HistoryAtState/frus (public domain):
volumes/frus1930v01.xml @ 02a5dfbce8bf900323251aa143a9df93d17beb82 (d3, d14; older, converted shape)
and volumes/frus1955-57v23p2.xml @ 000b082d9484e3a79610d764dd7018a3c7a36b26 (d23 and parts of the
persons and terms lists; newer shape).  See tests/fixtures/tei/README.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from kernel_utils import TeiError, check_frus_tei, export_tei, import_tei, load_document, load_telegram, parse_frus_text
from kernel_utils.text.tei import FIELD_SOURCES, TEI_NS, load_tei_list

TEI = Path(__file__).resolve().parent / "fixtures" / "tei"
FRUS = Path(__file__).resolve().parent / "fixtures" / "frus" / "texts"
HEADER_FIELDS = ("file_designation", "doc_type", "sender", "recipient", "classification", "precedence",
                 "dateline", "received", "telegram_number", "signature")


def _fields(doc):
    return {name: getattr(doc, name) for name in HEADER_FIELDS}


def test_older_shape_source_note_before_head_opener_dateline_received():
    imp = import_tei(TEI / "frus1930v01-d14.xml", "d14")
    doc = imp.document
    assert imp.shape == "older" and imp.div_id == "d14"
    assert _fields(doc) == {
        "file_designation": "500.A15a3/671", "doc_type": "Telegram",
        "sender": "The Chairman of the American Delegation (Stimson)", "recipient": "the Acting Secretary of State",
        "classification": None, "precedence": None, "dateline": "London, February 7, 1930—10 a.m.",
        "received": "February 7—7:10 a.m.", "telegram_number": "42", "signature": "Stimson",
    }
    assert imp.date == "1930-02-07T10:00:00"  # the dateline's date/@when
    assert [line.value for line in doc.header_lines][2] == "[Paraphrase]"
    assert doc.rebuild_text() == doc.text
    # the stored web page lacks the opener and the signature (fixtures' CONVENTIONS.md): TEI is richer
    page = parse_frus_text((FRUS / "frus1930v01-d14.txt").read_text(encoding="utf-8"))
    assert (page.file_designation, page.doc_type, page.telegram_number) == (doc.file_designation, doc.doc_type, doc.telegram_number)
    assert page.paragraphs[0].reading_text == doc.paragraphs[0].reading_text
    assert page.signature is None and page.dateline is None


def test_older_shape_notes_and_page_break_inside_paragraphs():
    doc = import_tei(TEI / "frus1930v01-d3.xml", "d3").document
    assert doc.received == "7:20 p.m." and doc.footnotes[0] == "Telegram in two sections."
    assert len(doc.footnotes) == 4 and doc.footnotes[1].startswith("Arthur Henderson")
    assert [pb.page for pb in doc.page_breaks] == [7]
    assert "signatories from [Page 7]their" in doc.text  # glued on one side, as in the TEI
    assert "Henderson, and Morrow" in doc.paragraphs[0].reading_text  # note text left out of the paragraph
    assert doc.rebuild_text() == doc.text


def test_newer_shape_head_with_source_note_dates_persons_and_terms():
    persons = load_tei_list(TEI / "frus1955-57v23p2-persons.xml")
    imp = import_tei(TEI / "frus1955-57v23p2-d23.xml", persons=persons)
    doc = imp.document
    assert imp.shape == "newer" and imp.date == "1955-02-25T19:54:00-05:00"
    assert _fields(doc) == {
        "file_designation": "795.00/2–2555", "doc_type": "Telegram", "sender": "the Department of State",
        "recipient": "the Embassy in Korea", "classification": "Secret", "precedence": None,
        "dateline": "Washington, February 25, 1955—7:54 p.m.", "received": None, "telegram_number": "544",
        "signature": "Hoover",
    }
    assert doc.footnotes[0].startswith("Source: Department of State, Central Files, 795.00/2–2555. Secret.")
    assert [pb.page for pb in doc.page_breaks] == [42] and len(doc.paragraphs) == 7
    assert "Your 957 arrived" in doc.paragraphs[-1].reading_text  # the page text's "9574" is 957 + note 4
    assert imp.persons == {"p_MCRJC1": "McClurkin, Robert J.C.", "p_MRD1": "Murphy, Robert D.",
                           "p_RAAW1": "Radford, Admiral Arthur W.", "p_HHJ1": "Hoover, Herbert, Jr."}
    assert "t_CINCUNC1" in imp.terms and load_tei_list(TEI / "frus1955-57v23p2-terms.xml")["t_FE1"] == "FE"
    # same structure as the plain-text parser reads from the web page of d23
    page = parse_frus_text((FRUS / "frus1955-57v23p2-d23-alt.txt").read_text(encoding="utf-8"))
    for name in ("doc_type", "sender", "recipient", "telegram_number", "signature"):
        assert getattr(page, name) == getattr(doc, name), name
    assert [p.reading_text[:8] for p in page.paragraphs] == [p.reading_text[:8] for p in doc.paragraphs]


def test_every_field_names_its_tei_element():
    for name in (*HEADER_FIELDS, "pages", "paragraphs", "footnotes"):
        assert FIELD_SOURCES[name]


@pytest.mark.parametrize("shape", ["older", "newer"])
def test_telegram_602_exports_to_frus_tei_and_round_trips(shape):
    telegram = load_telegram()
    xml = export_tei(telegram, document_number=1077, date="1950-12-20", shape=shape, persons=("Entezam", "Pearson", "Rau"))
    assert check_frus_tei(xml) == []
    root = etree.fromstring(xml.encode("utf-8"))
    ns = {"t": TEI_NS}
    div = root.find("t:text/t:body/t:div[@type='document']", ns)
    assert div.get("{http://www.w3.org/XML/1998/namespace}id") == "d1077"
    assert [s.text for s in div.findall("t:opener/t:seg", ns)] == ["top secret", "priority"]
    assert [pb.get("n") for pb in div.iter(f"{{{TEI_NS}}}pb")] == ["1584"]
    assert len(div.findall("t:p", ns)) == 9
    assert div.find("t:closer/t:signed/t:persName", ns).text == "Webb"
    listed = {el.text for el in root.iterfind(".//t:list[@type='persons']/t:item/t:persName", ns)}
    assert listed == {"Webb", "Entezam", "Pearson", "Rau"}
    if shape == "older":
        assert div[0].tag == f"{{{TEI_NS}}}note" and div[0].text == "320.2/12–2050: Telegram"
    else:
        assert div.find("t:head/t:note[@type='source']", ns).text == "Source: 320.2/12–2050."
    back = import_tei(xml).document
    assert _fields(back) == _fields(telegram)
    assert [p.reading_text for p in back.paragraphs] == [p.reading_text for p in telegram.paragraphs]
    assert [p.point for p in back.paragraphs] == [p.point for p in telegram.paragraphs]
    assert [pb.page for pb in back.page_breaks] == [1584] and back.pages == telegram.pages
    if shape == "older":
        assert back.text == telegram.text  # the very same verbatim text, byte for byte
        assert back.footnotes == ()
    else:
        assert back.footnotes == ("Source: 320.2/12–2050.",)  # newer volumes: the source note is note 1
    assert back.rebuild_text() == back.text


def test_second_document_round_trips_too():
    doc = load_document("frus1950v07-d970")
    back = import_tei(export_tei(doc, document_number=970)).document
    assert _fields(back) == _fields(doc) and back.received == "December 4—8:12 p. m."
    assert [p.reading_text for p in back.paragraphs] == [p.reading_text for p in doc.paragraphs]


def test_export_check_catches_broken_structure():
    xml = export_tei(load_telegram(), document_number=1077)
    broken = xml.replace('<seg type="precedence">priority</seg>', '<seg type="precedence">tomorrow</seg>')
    broken = broken.replace('<pb n="1584"', '<pb n="xv"')
    broken = broken.replace('corresp="#p_Webb"', 'corresp="#p_Nobody"')
    problems = check_frus_tei(broken)
    assert any("opener/seg" in p and "tomorrow" in p for p in problems)
    assert any("pb" in p and "'xv'" in p for p in problems)
    assert any("p_Nobody" in p for p in problems)


def test_unsafe_or_broken_xml_is_refused_without_resolving_entities(tmp_path):
    evil = (
        '<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        f'<TEI xmlns="{TEI_NS}"><text><body><div type="document"><head>&e;</head><p>x</p></div></body></text></TEI>'
    )
    imp = import_tei(evil)
    assert "root:" not in imp.document.text
    with pytest.raises(TeiError, match="not well-formed XML"):
        import_tei("<TEI><unclosed></TEI>", label="bad.xml")
    with pytest.raises(TeiError, match="no <div type='document' xml:id='d99'>; documents found: d14"):
        import_tei(TEI / "frus1930v01-d14.xml", "d99")
    with pytest.raises(TeiError, match="expected a <head>"):
        import_tei(f'<TEI xmlns="{TEI_NS}"><div type="document"><p>x</p></div></TEI>')


def test_command_line_reads_tei_and_exports_a_bundled_document(capsys):
    from kernel_utils.__main__ import main

    assert main(["parse", str(TEI / "frus1930v01-d3.xml"), "--document", "d3"]) == 0
    out = capsys.readouterr().out
    assert '"telegram_number": "16"' in out and '"received": "7:20 p.m."' in out
    assert main(["export-tei", "frus1950v07-d970", "--shape", "newer"]) == 0
    xml = capsys.readouterr().out
    assert check_frus_tei(xml.split("\n", 1)[1]) == []
    assert import_tei(xml.encode("utf-8")).document.telegram_number == "Delga 369"
    assert main(["parse", str(TEI / "frus1930v01-d3.xml"), "--document", "d99"]) == 1
    assert "no <div type='document' xml:id='d99'>" in capsys.readouterr().err
    assert main(["export-tei", "nope"]) == 1
    assert "no bundled document 'nope'" in capsys.readouterr().err
