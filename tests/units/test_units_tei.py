"""TEI import and export (kernel_utils.text.tei, tei_export) on small made-up documents, exact results.

The documents below are invented (Ruritania, Smith, Jones): they exercise the two HistoryAtState/frus
shapes the module reads (source note before the head, or inside it) without any real record.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kernel_utils.errors import TeiError
from kernel_utils.text.model import FrusDocument, HeaderLine, PageBreak, Paragraph
from kernel_utils.text.tei import import_tei, load_tei_list
from kernel_utils.text.tei_export import check_frus_tei, export_tei

NS = 'xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0"'


def _tei(*divs: str) -> str:
    """A TEI file holding the given document divs in text/body."""
    return f"<TEI {NS}><text><body>{''.join(divs)}</body></text></TEI>"


def _div(inner: str, attrs: str = 'xml:id="d1"') -> str:
    return f'<div type="document" {attrs}>{inner}</div>'


OLDER = _tei(
    _div(
        '<note rend="inline" type="source">711.00/1–250: Telegram</note>'
        '<head>The Ambassador in Ruritania (<persName corresp="#p_SA1" type="from">Smith</persName>)'
        " to the Secretary of State</head>"
        '<opener><seg rend="center">[Paraphrase]</seg></opener>'
        "<opener><seg>Secret</seg><seg>Priority</seg>"
        "<dateline>Capital, January 2, 1950—10 a.m. <lb/>[Received January 2—3 p.m.]</dateline></opener>"
        '<p>12. First paragraph<note n="3">A note.</note> text.</p>'
        '<p>Second <pb n="5"/>paragraph.</p>'
        "<closer><signed>Smith</signed></closer>",
        'xml:id="d7" frus:doc-dateTime-min="1950-01-02T10:00:00"',
    )
)

NEWER = _tei(
    _div(
        '<head>23. Telegram From the <gloss type="from" target="#t_DS1">Department of State</gloss>'
        " to the Embassy in Ruritania"
        '<note n="1" type="source" xml:id="d23fn1">Source: Department of State, Central Files, 711.00/1–250.'
        ' Secret; Niact. Drafted by <persName corresp="#p_BB1">Brown</persName>.</note></head>'
        '<opener><dateline>Washington, <date when="1950-01-02T19:00:00">January 2, 1950—7 p.m.</date>'
        "</dateline></opener>"
        '<p>44. <persName corresp="#p_AD1">Acheson</persName> met the <gloss target="#t_UN1">UN</gloss> envoy.'
        '<note n="2" xml:id="d23fn2">Not printed.</note></p>'
        "<p>2. Second point.</p>"
        '<closer><signed><persName corresp="#p_AD1">Acheson</persName></signed></closer>',
        'xml:id="d23" frus:doc-dateTime-min="1950-01-01T00:00:00"',
    )
)


def _fields(doc: FrusDocument) -> dict[str, object]:
    names = ("file_designation", "doc_type", "sender", "recipient", "classification", "precedence", "dateline")
    more = ("received", "telegram_number", "signature", "signature_span", "first_page", "first_page_basis")
    return {name: getattr(doc, name) for name in names + more}


# ---------------------------------------------------------------------------------------- import


def test_older_shape_renders_the_page_text_with_every_line_in_place():
    imp = import_tei(OLDER)
    doc = imp.document
    assert doc.text == (
        "711.00/1–250: Telegram\n\n"
        "The Ambassador in Ruritania (Smith) to the Secretary of State\n\n"
        "[Paraphrase]\nSecret\nPriority\nCapital, January 2, 1950—10 a.m.\n[Received January 2—3 p.m.]\n\n"
        "12. First paragraph text.\n\n"
        "Second [Page 5]paragraph.\n\n"
        "Smith\n"
        "  3. A note."
    )
    assert doc.source == "<tei>, document d7"
    assert (imp.div_id, imp.shape, imp.date, imp.persons, imp.terms) == (
        "d7",
        "older",
        "1950-01-02T10:00:00",
        {"p_SA1": None},
        (),
    )


def test_older_shape_fields_come_from_the_inline_note_head_opener_and_closer():
    doc = import_tei(OLDER).document
    assert _fields(doc) == {
        "file_designation": "711.00/1–250",
        "doc_type": "Telegram",
        "sender": "The Ambassador in Ruritania (Smith)",
        "recipient": "the Secretary of State",
        "classification": "Secret",
        "precedence": "Priority",
        "dateline": "Capital, January 2, 1950—10 a.m.",
        "received": "January 2—3 p.m.",
        "telegram_number": "12",
        "signature": "Smith",
        "signature_span": (232, 237),
        "first_page": 4,
        "first_page_basis": "inferred from the first page break (<pb>)",
    }
    assert doc.footnotes == ("A note.",)


def test_older_shape_spans_of_header_lines_paragraphs_pages_and_notes():
    doc = import_tei(OLDER).document
    assert doc.header_lines == (
        HeaderLine("heading", "711.00/1–250: Telegram", 0, 22),
        HeaderLine("address", "The Ambassador in Ruritania (Smith) to the Secretary of State", 24, 85),
        HeaderLine("editorial", "[Paraphrase]", 87, 99),
        HeaderLine("classification", "Secret", 100, 106),
        HeaderLine("precedence", "Priority", 107, 115),
        HeaderLine("dateline", "Capital, January 2, 1950—10 a.m.", 116, 148),
        HeaderLine("received", "[Received January 2—3 p.m.]", 149, 176),
    )
    assert doc.page_breaks == (PageBreak(5, 212, 220),)
    assert [(p.id, p.start, p.end, p.reading_text, p.pages) for p in doc.paragraphs] == [
        ("p01", 178, 203, "12. First paragraph text.", (4,)),
        ("p02", 205, 230, "Second paragraph.", (4, 5)),
    ]
    assert doc.furniture_lines == (HeaderLine("footnote", "3. A note.", 240, 250),)
    assert doc.rebuild_text() == doc.text


def test_newer_shape_reads_the_source_note_inside_the_head():
    imp = import_tei(NEWER, persons={"p_AD1": "Acheson, Dean", "p_XX": "Other"})
    doc = imp.document
    assert doc.text == (
        "23. Telegram From the Department of State to the Embassy in Ruritania\n\n"
        "Washington, January 2, 1950—7 p.m.\n\n"
        "44. Acheson met the UN envoy.\n\n"
        "2. Second point.\n\n"
        "Acheson\n"
        "  1. Source: Department of State, Central Files, 711.00/1–250. Secret; Niact. Drafted by Brown.\n"
        "  2. Not printed."
    )
    assert _fields(doc) == {
        "file_designation": "711.00/1–250",
        "doc_type": "Telegram",
        "sender": "the Department of State",
        "recipient": "the Embassy in Ruritania",
        "classification": "Secret",
        "precedence": "Niact",
        "dateline": "Washington, January 2, 1950—7 p.m.",
        "received": None,
        "telegram_number": "44",
        "signature": "Acheson",
        "signature_span": (156, 163),
        "first_page": None,
        "first_page_basis": "unknown",
    }
    assert doc.header_lines == (
        HeaderLine("heading", "23. Telegram From the Department of State to the Embassy in Ruritania", 0, 69),
        HeaderLine("dateline", "Washington, January 2, 1950—7 p.m.", 71, 105),
    )
    assert [p.point for p in doc.paragraphs] == [None, 2]


def test_newer_shape_date_persons_terms_and_footnotes():
    imp = import_tei(NEWER, persons={"p_AD1": "Acheson, Dean", "p_XX": "Other"})
    assert (imp.div_id, imp.shape, imp.date) == ("d23", "newer", "1950-01-02T19:00:00")
    assert imp.persons == {"p_BB1": None, "p_AD1": "Acheson, Dean"}
    assert imp.terms == ("t_DS1", "t_UN1")
    assert imp.document.footnotes == (
        "Source: Department of State, Central Files, 711.00/1–250. Secret; Niact. Drafted by Brown.",
        "Not printed.",
    )
    assert [line.value for line in imp.document.furniture_lines] == [
        "1. Source: Department of State, Central Files, 711.00/1–250. Secret; Niact. Drafted by Brown.",
        "2. Not printed.",
    ]
    assert import_tei(NEWER).persons == {"p_BB1": None, "p_AD1": None}


def test_a_date_element_without_when_falls_back_to_the_div_date():
    xml = NEWER.replace(' when="1950-01-02T19:00:00"', "")
    assert import_tei(xml).date == "1950-01-01T00:00:00"
    assert import_tei(_tei(_div("<head>Memorandum</head><p>x</p>"))).date is None


def test_footnotes_without_n_are_numbered_by_their_place():
    xml = _tei(_div('<head>A to B</head><p>One<note>first</note> two<note n="9">second</note>.</p>'))
    doc = import_tei(xml).document
    assert doc.text == "A to B\n\nOne two.\n  1. first\n  9. second"
    assert doc.footnotes == ("first", "second")


def test_a_document_is_found_by_its_id_among_several():
    xml = _tei(
        _div("<head>A to B</head><p>first</p>", 'xml:id="d1"'), _div("<head>C to D</head><p>second</p>", 'xml:id="d2"')
    )
    imp = import_tei(xml, "d2", label="vol.xml")
    assert (imp.div_id, imp.document.source, imp.document.paragraphs[0].text) == (
        "d2",
        "vol.xml, document d2",
        "second",
    )
    assert import_tei(xml, "d1").document.paragraphs[0].text == "first"


def test_a_missing_document_id_lists_the_first_ten_ids_found():
    divs = [_div("<head>A</head><p>x</p>", f'xml:id="d{i}"') for i in range(1, 13)]
    with pytest.raises(TeiError) as err:
        import_tei(_tei(*divs), "d99", label="vol.xml")
    assert str(err.value) == (
        "vol.xml: no <div type='document' xml:id='d99'>; documents found: d1, d2, d3, d4, d5, d6, d7, d8, d9, d10"
    )


def test_a_missing_document_id_among_divs_without_ids_says_none():
    with pytest.raises(TeiError) as err:
        import_tei(_tei(_div("<head>A</head><p>x</p>", "")), "d1")
    assert str(err.value) == "<tei>: no <div type='document' xml:id='d1'>; documents found: none"


@pytest.mark.parametrize("count", [0, 2])
def test_without_an_id_the_file_must_hold_exactly_one_document(count):
    with pytest.raises(TeiError) as err:
        import_tei(_tei(*[_div("<head>A</head><p>x</p>", "")] * count), label="vol.xml")
    assert str(err.value) == f"vol.xml: expected one <div type='document'> (or a document id); found {count}"


def test_a_document_without_a_head_or_a_paragraph_is_refused_with_its_place():
    with pytest.raises(TeiError) as err:
        import_tei(_tei(_div("<p>x</p>", 'xml:id="d5"')), label="vol.xml")
    assert str(err.value) == "vol.xml, document d5: expected a <head>; found none"
    with pytest.raises(TeiError) as err:
        import_tei(_tei(_div("<head>A to B</head>", "")))
    assert str(err.value) == "<tei>, document ?: expected at least one <p> in the document; found none"


def test_a_path_is_its_own_label(tmp_path: Path):
    path = tmp_path / "one.xml"
    path.write_text(_tei(_div("<head>A to B</head><p>x</p>", 'xml:id="d3"')), encoding="utf-8")
    assert import_tei(path).document.source == f"{path}, document d3"
    assert import_tei(path, label="mine").document.source == "mine, document d3"
    with pytest.raises(TeiError) as err:
        import_tei(path, "d4")
    assert str(err.value).startswith(f"{path}: no <div")


def test_an_inline_note_without_a_type_gives_the_designation_only():
    xml = _tei(_div('<note rend="inline" type="source">File 123</note><head>A (X) to B</head><p>x</p>'))
    imp = import_tei(xml)
    assert imp.shape == "older"
    assert (imp.document.file_designation, imp.document.doc_type) == ("File 123", None)
    assert (imp.document.sender, imp.document.recipient) == ("A (X)", "B")
    assert imp.document.text == "File 123\n\nA (X) to B\n\nx"


def test_the_last_source_note_before_the_head_is_the_inline_one():
    xml = _tei(
        _div(
            '<note type="source">1: One</note><note type="other">skip</note>'
            '<note type="source">2: Two</note><head>A to B</head><p>x</p><note type="source">3: Three</note>'
        )
    )
    doc = import_tei(xml).document
    assert (doc.file_designation, doc.doc_type) == ("2", "Two")
    assert doc.footnotes == ("1: One", "skip", "3: Three")


def test_only_a_note_of_type_source_before_the_head_is_the_inline_one():
    xml = _tei(_div('<note type="source">1: One</note><note type="other">2: Two</note><head>A to B</head><p>x</p>'))
    assert import_tei(xml).document.file_designation == "1"
    xml = _tei(_div('<note type="source">1: One</note><seg type="source">2: Two</seg><head>A to B</head><p>x</p>'))
    assert import_tei(xml).document.file_designation == "1"


def test_the_designation_splits_at_the_last_colon_space():
    xml = _tei(_div('<note type="source">Lot 53: Box 2: Memorandum</note><head>A to B</head><p>x</p>'))
    doc = import_tei(xml).document
    assert (doc.file_designation, doc.doc_type) == ("Lot 53: Box 2", "Memorandum")


def test_a_head_that_is_not_a_heading_leaves_the_fields_empty():
    doc = import_tei(_tei(_div("<head>Untitled</head><p>x</p>"))).document
    assert (doc.file_designation, doc.doc_type, doc.sender, doc.recipient) == (None, None, None, None)
    assert doc.header_lines == (HeaderLine("heading", "Untitled", 0, 8),)
    assert doc.text == "Untitled\n\nx"


def test_a_numbered_heading_gives_the_telegram_number_when_the_body_has_none():
    doc = import_tei(_tei(_div("<head>371. Telegram 1219 to Geneva</head><p>Text without a number.</p>"))).document
    assert (doc.doc_type, doc.recipient, doc.telegram_number) == ("Telegram", "Geneva", "1219")


def test_the_document_type_decides_whether_a_first_number_is_a_telegram_number():
    xml = _tei(_div('<note type="source">File: Memorandum</note><head>A to B</head><p>12. Text.</p>'))
    doc = import_tei(xml).document
    assert (doc.telegram_number, doc.paragraphs[0].point) == (None, 12)
    doc = import_tei(xml.replace("Memorandum", "Telegram")).document
    assert (doc.telegram_number, doc.paragraphs[0].point) == ("12", None)


def test_only_person_names_and_glosses_give_persons_and_terms():
    xml = _tei(
        _div(
            '<head>A to B</head><p><ref corresp="#p_R1" target="#d2">see</ref> '
            '<persName corresp="#p_A1" target="#t_X">A</persName> <gloss target="#t_B1" corresp="#p_Z">B</gloss></p>'
        )
    )
    imp = import_tei(xml)
    assert (imp.persons, imp.terms) == ({"p_A1": None}, ("t_B1",))


def test_opener_text_comments_and_notes():
    xml = _tei(
        _div(
            "<head>A to B</head>"
            "<opener>  [Paraphrase]  <!-- c --><seg>Confidential</seg><note>n</note><seg/>"
            "<seg>Secret</seg><seg>priority</seg><seg>Priority</seg><seg>Niact</seg><seg>Other words</seg></opener>"
            "<p>x</p>"
        )
    )
    doc = import_tei(xml).document
    assert [(h.kind, h.value) for h in doc.header_lines] == [
        ("heading", "A to B"),
        ("classification", "Confidential"),
        ("classification", "Secret"),
        ("precedence", "priority"),
        ("precedence", "Priority"),
        ("precedence", "Niact"),
        ("marking", "Other words"),
        ("editorial", "[Paraphrase]"),
    ]
    assert (doc.classification, doc.precedence) == ("Confidential", "priority, Priority, Niact")
    assert doc.footnotes == ("n",)


def test_a_repeated_precedence_is_recorded_once():
    xml = _tei(_div("<head>A to B</head><opener><seg>Niact</seg><seg>Niact</seg></opener><p>x</p>"))
    doc = import_tei(xml).document
    assert doc.precedence == "Niact"
    assert [h.value for h in doc.header_lines] == ["A to B", "Niact", "Niact"]


def test_dateline_parts_received_inline_and_the_first_dateline_kept():
    xml = _tei(
        _div(
            "<head>A to B</head>"
            "<opener><dateline>Paris, May 1, 1950 [Received May 2—9 a.m.]</dateline>"
            "<dateline>Rome, May 3, 1950<lb/>Via Naples</dateline><dateline><lb/>[Received]</dateline></opener>"
            "<p>x</p>"
        )
    )
    doc = import_tei(xml).document
    assert [(h.kind, h.value) for h in doc.header_lines] == [
        ("heading", "A to B"),
        ("dateline", "Paris, May 1, 1950"),
        ("received", "[Received May 2—9 a.m.]"),
        ("dateline", "Rome, May 3, 1950"),
        ("received", "[Received]"),
    ]
    assert (doc.dateline, doc.received) == ("Paris, May 1, 1950", "May 2—9 a.m.")


def test_a_received_line_with_nothing_in_it_leaves_received_empty():
    xml = _tei(_div("<head>A to B</head><opener><dateline><lb/>[Received]</dateline></opener><p>x</p>"))
    doc = import_tei(xml).document
    assert doc.received == ""
    assert doc.dateline is None


def test_an_empty_opener_adds_no_block():
    doc = import_tei(_tei(_div("<head>A to B</head><opener> </opener><p>x</p>"))).document
    assert doc.text == "A to B\n\nx"


def test_newer_source_note_classification_and_precedence_by_sentence():
    def read(note: str, opener: str = "") -> FrusDocument:
        head = f'<head>5. Telegram From A to B<note type="source">{note}</note></head>'
        return import_tei(_tei(_div(head + opener + "<p>x</p>"))).document

    doc = read("Source: 611.00/5–150. Top Secret; Priority; Niact. Drafted by C.")
    assert (doc.file_designation, doc.classification, doc.precedence) == ("611.00/5–150", "Top Secret", "Priority")
    doc = read("Source: 611.00/5–150. Confidential.", opener="<opener><seg>Secret</seg></opener>")
    assert doc.classification == "Secret"
    doc = read("Source: 611.00/5–150. Priority; Secret; Confidential")
    assert (doc.classification, doc.precedence) == ("Secret", "Priority")
    doc = read("Source: 611.00/5–150. Niact", opener="<opener><seg>Flash</seg></opener>")
    assert doc.precedence == "Flash"
    doc = read("Source: 611.00/5–150. Unclassified. Secret.")
    assert doc.classification == "Unclassified"
    doc = read("Source: 611.00/5–150. Priority.")
    assert (doc.classification, doc.precedence) == (None, "Priority")
    doc = read("Source: 611.00/5–150. Secret; Priorty.")  # a misprinted precedence is still one
    assert (doc.classification, doc.precedence) == ("Secret", "Priorty")
    # only the periods and spaces around the sentence are stripped, not other letters
    assert read("Source: 611.00/5–150. SecretX.").classification is None
    assert read("Source: 611.00/5–150. XSecret").classification is None
    doc = read("Source: Eisenhower Library. Secret.")
    assert (doc.file_designation, doc.classification) == (None, None)


def test_a_head_note_that_is_not_the_source_note_is_no_designation():
    head = '<head>5. Telegram From A to B<note type="other">Source: 611.00/5–150. Secret.</note></head>'
    doc = import_tei(_tei(_div(head + "<p>x</p>"))).document
    assert (doc.file_designation, doc.classification) == (None, None)


def test_the_older_shape_does_not_read_a_note_inside_its_head():
    xml = _tei(
        _div(
            '<note type="source">1: One</note>'
            '<head>A to B<note type="source">Source: 611.00/5–150. Secret.</note></head><p>x</p>'
        )
    )
    doc = import_tei(xml).document
    assert (doc.file_designation, doc.classification) == ("1", None)


def test_a_signature_is_looked_for_inside_the_closer_only():
    doc = import_tei(_tei(_div("<head>A to B</head><p>x</p><closer>Yours, <dateline>D</dateline></closer>"))).document
    assert (doc.signature, doc.signature_span, doc.text) == (None, None, "A to B\n\nx")
    doc = import_tei(
        _tei(_div("<head>A to B</head><p>x</p><closer><salute><signed> </signed></salute></closer>"))
    ).document
    assert doc.signature is None
    doc = import_tei(
        _tei(_div("<head>A to B</head><p>x</p><closer><salute><signed>Z</signed></salute></closer>"))
    ).document
    assert (doc.signature, doc.signature_span) == ("Z", (11, 12))


def test_load_tei_list_maps_ids_of_persons_and_terms_to_their_text():
    xml = (
        f'<TEI {NS}><list><item><persName xml:id="p_A1">Able, <hi>Ann</hi></persName>, aide</item>'
        '<item><term xml:id="t_B1">BB</term>, Bureau</item><item><persName>No id</persName></item>'
        '<item><name xml:id="n_1">other</name></item></list></TEI>'
    )
    assert load_tei_list(xml) == {"p_A1": "Able, Ann", "t_B1": "BB"}
    with pytest.raises(TeiError) as err:
        load_tei_list("<list>", label="persons.xml")
    assert str(err.value).startswith("persons.xml: not well-formed XML (")
    with pytest.raises(TeiError) as err:
        load_tei_list("<list>")
    assert str(err.value).startswith("<tei>: not well-formed XML (")


def test_broken_xml_is_refused_under_its_label():
    with pytest.raises(TeiError) as err:
        import_tei("<TEI>", label="vol.xml")
    assert str(err.value).startswith("vol.xml: not well-formed XML (")
    with pytest.raises(TeiError) as err:
        import_tei("<TEI>")
    assert str(err.value).startswith("<tei>: not well-formed XML (")


# ---------------------------------------------------------------------------------------- export


def _para(n: int, text: str) -> Paragraph:
    return Paragraph(id=f"p{n:02d}", number=n, start=0, end=0, text=text, reading_text=text, point=None, pages=())


def _doc(**changes: object) -> FrusDocument:
    fields: dict[str, object] = {
        "text": "",
        "source": "made-up.txt",
        "file_designation": "711.00/1–250",
        "doc_type": "Telegram",
        "sender": "The Ambassador in Ruritania (Smith)",
        "recipient": "the Secretary of State (Jones)",
        "classification": "Secret",
        "precedence": "Priority, Niact",
        "dateline": "Capital, January 2, 1950",
        "received": "January 2—3 p.m.",
        "telegram_number": "12",
        "header_lines": (),
        "paragraphs": (_para(1, "12. Smith saw Brown. [Page 5]Jones agreed."), _para(2, "Second.")),
        "signature": "Smith",
        "signature_span": None,
        "page_breaks": (),
        "first_page": None,
        "first_page_basis": "unknown",
        "footnotes": ("A note.",),
    }
    fields.update(changes)
    return FrusDocument(**fields)  # type: ignore[arg-type]


TEI_OPEN = f"<TEI {NS}>"
PUBLICATION = (
    "<publicationStmt><p>Exported by kernel_utils.text.tei from the parsed plain text; a work of the United"
    " States Government, in the public domain.</p></publicationStmt><sourceDesc><p>made-up.txt</p></sourceDesc>"
)
OPENER = (
    '<opener><seg type="classification">Secret</seg><seg type="precedence">Priority</seg>'
    '<seg type="precedence">Niact</seg><dateline>Capital, January 2, 1950<lb/>[Received January 2—3 p.m.]'
    "</dateline></opener>"
)
ADDRESS = (
    'The Ambassador in Ruritania (<persName corresp="#p_Smith" type="from">Smith</persName>) to the Secretary'
    ' of State (<persName corresp="#p_Jones" type="to">Jones</persName>)'
)
SIGNED = '<closer><signed><persName corresp="#p_Smith">Smith</persName></signed></closer>'


def _person_item(name: str) -> str:
    return f'<item><persName xml:id="p_{name}">{name}</persName></item>'


def test_export_older_shape_exactly():
    assert export_tei(_doc()) == (
        TEI_OPEN + "<teiHeader><fileDesc><titleStmt><title>The Ambassador in Ruritania (Smith) to the Secretary of"
        " State (Jones)</title></titleStmt>" + PUBLICATION + "</fileDesc></teiHeader><text><body>"
        '<div type="document" subtype="historical-document">'
        '<note rend="inline" type="source">711.00/1–250: Telegram</note>'
        f"<head>{ADDRESS}</head>{OPENER}"
        '<p>12. <persName corresp="#p_Smith">Smith</persName> saw Brown. <pb n="5" xml:id="pg_5"/>'
        '<persName corresp="#p_Jones">Jones</persName> agreed.</p><p>Second.</p>'
        f'{SIGNED}<note n="1" type="footnote">A note.</note></div></body>'
        '<back><div type="section" xml:id="persons"><list type="persons">'
        f"{_person_item('Smith')}{_person_item('Jones')}</list></div></back></text></TEI>"
    )


def test_export_newer_shape_exactly():
    xml = export_tei(
        _doc(), document_number=9, title="T", date="1950-01-02", shape="newer", persons=("Brown", "Nobody")
    )
    assert xml == (
        TEI_OPEN + "<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>" + PUBLICATION + "</fileDesc>"
        '</teiHeader><text><body><div type="document" subtype="historical-document" xml:id="d9" n="9"'
        ' frus:doc-dateTime-min="1950-01-02" frus:doc-dateTime-max="1950-01-02">'
        f"<head>9. Telegram From {ADDRESS}"
        '<note n="1" type="source" xml:id="d9fn1">Source: 711.00/1–250.</note></head>'
        f"{OPENER}"
        '<p>12. <persName corresp="#p_Smith">Smith</persName> saw <persName corresp="#p_Brown">Brown</persName>.'
        ' <pb n="5" xml:id="pg_5"/><persName corresp="#p_Jones">Jones</persName> agreed.</p><p>Second.</p>'
        f'{SIGNED}<note n="2" type="footnote">A note.</note></div></body>'
        '<back><div type="section" xml:id="persons"><list type="persons">'
        f"{_person_item('Smith')}{_person_item('Jones')}{_person_item('Brown')}</list></div></back></text></TEI>"
    )
    assert check_frus_tei(xml) == []


def test_export_round_trips_through_import():
    for shape in ("older", "newer"):
        back = import_tei(export_tei(_doc(), document_number=3, shape=shape)).document
        assert (back.sender, back.recipient, back.classification, back.precedence) == (
            "The Ambassador in Ruritania (Smith)",
            "the Secretary of State (Jones)",
            "Secret",
            "Priority, Niact",
        )
        assert (back.dateline, back.received, back.signature, back.telegram_number) == (
            "Capital, January 2, 1950",
            "January 2—3 p.m.",
            "Smith",
            "12",
        )


def _div_xml(xml: str) -> str:
    """The document div of an export, as written."""
    return xml[xml.index('<div type="document"') : xml.index("</body>")]


def test_newer_head_without_number_sender_or_type():
    bare = _doc(file_designation=None, classification=None, precedence=None, dateline=None, received=None)
    assert _div_xml(export_tei(bare, shape="newer", persons=("Smith",))).startswith(
        f'<div type="document" subtype="historical-document"><head>Telegram From {ADDRESS}</head><p>'
    )
    head = _div_xml(export_tei(_doc(sender=None, doc_type=None), shape="newer")).split("<opener>")[0]
    assert head == (
        '<div type="document" subtype="historical-document"><head>Document to the Secretary of State'
        ' (<persName corresp="#p_Jones" type="to">Jones</persName>)<note n="1" type="source">Source: 711.00/1–250.'
        "</note></head>"
    )
    head = _div_xml(export_tei(_doc(sender="Smith", recipient=None, doc_type="Note"), shape="newer")).split("<opener>")[
        0
    ]
    assert head == (
        '<div type="document" subtype="historical-document"><head>Note From <persName corresp="#p_Smith">Smith'
        '</persName><note n="1" type="source">Source: 711.00/1–250.</note></head>'
    )
    head = _div_xml(export_tei(_doc(sender=None, recipient=None), document_number=4, shape="newer"))
    assert head.split("<opener>")[0].endswith(
        '<head>4. Telegram<note n="1" type="source" xml:id="d4fn1">Source: 711.00/1–250.</note></head>'
    )


def test_newer_footnotes_start_at_one_without_a_source_note():
    xml = export_tei(_doc(file_designation=None, footnotes=("a", "b")), shape="newer")
    assert '<note n="1" type="footnote">a</note><note n="2" type="footnote">b</note></div>' in xml
    assert 'type="source"' not in xml


def test_older_head_without_a_source_note_or_a_recipient():
    xml = export_tei(_doc(file_designation=None, doc_type=None, recipient=None, sender="Smith"))
    assert (
        '<div type="document" subtype="historical-document"><head><persName corresp="#p_Smith">Smith</persName></head>'
        in xml
    )
    xml = export_tei(_doc(file_designation=None, doc_type="Telegram", sender=None))
    assert '<note rend="inline" type="source">Telegram</note><head>the Secretary of State (' in xml
    xml = export_tei(_doc(doc_type=None))
    assert '<note rend="inline" type="source">711.00/1–250</note>' in xml


def test_the_title_falls_back_to_the_address_then_a_placeholder():
    xml = export_tei(_doc(sender=None, recipient=None))
    assert "<titleStmt><title>FRUS document</title></titleStmt>" in xml
    xml = export_tei(_doc(sender=None, recipient="B"))
    assert "<titleStmt><title>B</title></titleStmt>" in xml


def test_opener_only_what_the_document_has():
    xml = export_tei(_doc(classification=None, precedence=None, dateline=None, received=None))
    assert "<opener>" not in xml
    xml = export_tei(_doc(classification=None, precedence="Niact", dateline=None, received=None))
    assert '</head><opener><seg type="precedence">Niact</seg></opener><p>' in xml
    xml = export_tei(_doc(classification=None, precedence=None, dateline=None, received="noon"))
    assert "</head><opener><dateline><lb/>[Received noon]</dateline></opener><p>" in xml
    xml = export_tei(_doc(classification=None, precedence=None, dateline="Rome", received=None))
    assert "</head><opener><dateline>Rome</dateline></opener><p>" in xml
    xml = export_tei(_doc(classification="Secret", precedence="", dateline=None, received=None))
    assert '</head><opener><seg type="classification">Secret</seg></opener><p>' in xml


def test_no_persons_list_when_no_name_is_marked():
    xml = export_tei(_doc(sender="A", recipient="B", signature=None), persons=("Nobody",))
    assert "<back>" not in xml and "persName" not in xml
    assert xml.endswith('<note n="1" type="footnote">A note.</note></div></body></text></TEI>')


def test_names_are_marked_longest_first_as_whole_words_only():
    paragraphs = (_para(1, "John Smith met Smith and Smithson [Page 7] there."),)
    xml = export_tei(
        _doc(paragraphs=paragraphs, signature=None, sender="A", recipient="B"), persons=("Smith", "John Smith")
    )
    assert (
        '<p><persName corresp="#p_JohnSmith">John Smith</persName> met <persName corresp="#p_Smith">Smith</persName>'
        ' and Smithson <pb n="7" xml:id="pg_7"/> there.</p>'
    ) in xml
    assert f'<list type="persons">{_person_item("Smith")}<item><persName xml:id="p_JohnSmith">John Smith' in xml


def test_a_longer_name_is_marked_before_a_name_it_starts_with():
    paragraphs = (_para(1, "John met John Smith."),)
    xml = export_tei(
        _doc(paragraphs=paragraphs, signature=None, sender="A", recipient="B"), persons=("John", "John Smith")
    )
    assert (
        '<p><persName corresp="#p_John">John</persName> met <persName corresp="#p_JohnSmith">John Smith</persName>.</p>'
    ) in xml


def test_a_page_marker_outside_a_paragraph_stays_text():
    xml = export_tei(_doc(sender="A [Page 3] (Smith)", recipient="B"), shape="older")
    assert '<head>A [Page 3] (<persName corresp="#p_Smith" type="from">Smith</persName>) to B</head>' in xml


def test_a_name_in_both_sender_and_recipient_is_typed_from():
    xml = export_tei(_doc(sender="A (Smith)", recipient="B ( Smith )"))
    assert (
        '<head>A (<persName corresp="#p_Smith" type="from">Smith</persName>) to B ( <persName corresp="#p_Smith" type="from">Smith</persName> )</head>'
        in xml
    )


def test_person_ids_keep_letters_and_digits_only():
    xml = export_tei(_doc(sender="A (Dean G. Acheson-2)", recipient="B", signature=None))
    assert '<persName corresp="#p_DeanGAcheson2" type="from">Dean G. Acheson-2</persName>' in xml
    assert '<item><persName xml:id="p_DeanGAcheson2">Dean G. Acheson-2</persName></item>' in xml


def test_a_text_starting_with_a_name_and_names_after_text():
    paragraphs = (_para(1, "Smith"), _para(2, "x Smith y Smith z"))
    xml = export_tei(_doc(paragraphs=paragraphs, sender="A", recipient="B"))
    assert '<p><persName corresp="#p_Smith">Smith</persName></p>' in xml
    assert (
        '<p>x <persName corresp="#p_Smith">Smith</persName> y <persName corresp="#p_Smith">Smith</persName> z</p>'
        in xml
    )


def test_an_unknown_shape_is_refused():
    with pytest.raises(ValueError) as err:
        export_tei(_doc(), shape="middle")
    assert str(err.value) == "shape must be 'older' or 'newer'; got 'middle'"


# ---------------------------------------------------------------------------------------- check


def _export(
    inner: str, header: str = "<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt></fileDesc></teiHeader>"
) -> str:
    return f"<TEI {NS}>{header}<text><body>{inner}</body></text></TEI>"


GOOD = _div("<head>A to B</head><opener><seg>[Paraphrase]</seg><seg>Secret</seg><seg>Niact</seg></opener><p>x</p>", "")


def test_a_well_formed_export_has_no_problems():
    assert check_frus_tei(_export(GOOD)) == []
    assert check_frus_tei(_export(GOOD).encode("utf-8")) == []


def test_a_broken_export_is_refused():
    with pytest.raises(TeiError) as err:
        check_frus_tei("<TEI>")
    assert str(err.value).startswith("<export>: not well-formed XML (")


def test_root_and_title_problems():
    xml = "<TEX><teiHeader><fileDesc><titleStmt><title> </title></titleStmt></fileDesc></teiHeader></TEX>"
    assert check_frus_tei(xml) == [
        "root element: expected TEI in http://www.tei-c.org/ns/1.0; found TEX",
        "teiHeader/fileDesc/titleStmt/title: expected a title; found none",
        "text/body/div[@type='document']: expected 1; found 0",
    ]


def test_two_documents_stop_the_check():
    assert check_frus_tei(_export(GOOD + GOOD, header="")) == [
        "teiHeader/fileDesc/titleStmt/title: expected a title; found none",
        "text/body/div[@type='document']: expected 1; found 2",
    ]


def test_head_problems():
    assert check_frus_tei(_export(_div("<head> </head><p>x</p>"))) == ["div/head: expected one non-empty head"]
    assert check_frus_tei(_export(_div("<head>A</head><head>B</head><p>x</p>"))) == [
        "div/head: expected one non-empty head"
    ]
    assert check_frus_tei(_export(_div("<p>x</p>"))) == ["div/head: expected one non-empty head"]


def test_source_note_problems():
    one_before = '<note type="source">1</note><head>A</head><p>x</p>'
    one_inside = '<head>A<note type="source">1</note></head><p>x</p>'
    after = '<head>A</head><note type="source">1</note><p>x</p>'
    assert check_frus_tei(_export(_div(one_before))) == []
    assert check_frus_tei(_export(_div(one_inside))) == []
    assert check_frus_tei(_export(_div(after + '<note type="source">2</note>'))) == []
    message = ["source note: expected at most one, before or inside the head"]
    assert check_frus_tei(_export(_div('<note type="source">0</note>' + one_inside))) == message
    assert check_frus_tei(_export(_div('<note type="source">0</note>' + one_before))) == message
    assert (
        check_frus_tei(_export(_div('<head>A<note type="source">1</note><note type="source">2</note></head><p>x</p>')))
        == message
    )


def test_opener_seg_problems():
    xml = _export(_div("<head>A</head><opener><seg>tomorrow</seg><seg>Secret</seg></opener><p>x</p>"))
    assert check_frus_tei(xml) == ["opener/seg: expected a classification or precedence; found 'tomorrow'"]


def test_paragraph_problems():
    message = ["div/p: expected paragraphs with text"]
    assert check_frus_tei(_export(_div("<head>A</head>"))) == message
    assert check_frus_tei(_export(_div("<head>A</head><p>x</p><p> </p>"))) == message
    assert check_frus_tei(_export(_div("<head>A</head><p> </p><p>x</p>"))) == message


def test_page_break_problems():
    xml = _export(_div('<head>A<pb n="3"/></head><p>x<pb n="iv"/><pb/><pb n="12"/></p>'))
    assert check_frus_tei(xml) == [
        "pb: expected a numeric @n inside a p; found n='3' in {http://www.tei-c.org/ns/1.0}head",
        "pb: expected a numeric @n inside a p; found n='iv' in {http://www.tei-c.org/ns/1.0}p",
        "pb: expected a numeric @n inside a p; found n=None in {http://www.tei-c.org/ns/1.0}p",
    ]


def test_signature_problems():
    xml = _export(_div("<head>A</head><p>x</p><closer><signed> </signed><signed>Z</signed></closer>"))
    assert check_frus_tei(xml) == ["closer/signed: expected the signature text"]


def test_dangling_person_references():
    xml = _export(
        _div(
            '<head>A</head><p><persName corresp="#p_A">A</persName><persName corresp="p_B">B</persName>'
            '<persName corresp="#p_C">C</persName><persName corresp="#X1">X</persName></p>',
            'xml:id="p_B"',
        )
        + '<back><persName xml:id="p_A">A</persName><persName xml:id="X1">X</persName></back>'
    )
    assert check_frus_tei(xml) == [
        "persName/@corresp: expected a reference to an xml:id in the file; found '#p_C'",
    ]
