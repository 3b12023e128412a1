"""Command line: ``python -m kernel_utils validate [FILE ...]``, ``python -m kernel_utils parse FILE``
(a FRUS plain text, or a HistoryAtState/frus TEI file with ``--document d14``) and
``python -m kernel_utils export-tei [DOCUMENT_ID]`` (a bundled document as FRUS TEI),
``python -m kernel_utils compare-readings FILE [FILE ...]`` (agreement between readings, as JSON),
``python -m kernel_utils export-annotations [DOCUMENT_ID]`` (the standoff layers as W3C Web Annotations),
``python -m kernel_utils references DOCUMENT_ID`` (its cross-references, resolved, as JSON) and
``python -m kernel_utils add ID --from FILE | --tei VOLUME.xml [--document dN] | --fetch`` (bundle a
document: its text byte for byte and a record written from the parse, with its witness; see
:mod:`kernel_utils.store.adding`) and
``python -m kernel_utils hypotheses [--json]`` (the interpretive hypotheses with their evidence).

All print plain messages (no traceback) and exit non-zero on a problem, so
they can be used by people editing the data and by CI alike.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from kernel_utils.errors import FrusParseError, KernelUtilsError
from kernel_utils.text.parser import parse_frus_text
from kernel_utils.store.validation import validate_paths


def _validate(args: argparse.Namespace) -> int:
    problems = validate_paths(args.files or None)
    if problems:
        print(f"{len(problems)} problem(s) found:")
        for problem in problems:
            print(f"  - {problem}")
        return 1
    what = f"{len(args.files)} file(s)" if args.files else "every file in data/"
    print(f"OK: {what} valid.")
    return 0


def parse_to_dict(text: str, source: str) -> dict:
    """The parser's output as plain JSON-ready data (the ``parse`` command's output)."""
    return document_to_dict(parse_frus_text(text, source=source))


def document_to_dict(doc) -> dict:
    """A parsed :class:`~kernel_utils.text.parser.FrusDocument` as JSON-ready data (null when absent)."""
    return {
        "file_designation": doc.file_designation,
        "doc_type": doc.doc_type,
        "sender": doc.sender,
        "recipient": doc.recipient,
        "classification": doc.classification,
        "precedence": doc.precedence,
        "telegram_number": doc.telegram_number,
        "pages": [pb.page for pb in doc.page_breaks],
        "signature": doc.signature,
        "footnotes": list(doc.footnotes),
        "received": doc.received,
        "dateline": doc.dateline,
        "paragraphs": [
            {"id": p.id, "start": p.start, "end": p.end, "point": p.point, "text": p.reading_text}
            for p in doc.paragraphs
        ],
    }


def _parse(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if path.suffix.lower() == ".xml" or args.document:
        from kernel_utils.text.tei import import_tei

        try:
            result = document_to_dict(import_tei(path, args.document, label=str(path)).document)
        except (KernelUtilsError, OSError) as exc:
            print(str(exc), file=sys.stderr)
            return 1
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{path}: cannot read as UTF-8 text ({exc})", file=sys.stderr)
        return 2
    try:
        result = parse_to_dict(text, source=str(path))
    except FrusParseError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


def _export_tei(args: argparse.Namespace) -> int:
    from kernel_utils.store.documents import DEFAULT_DOCUMENT, document_record, load_document
    from kernel_utils.text.tei import export_tei

    document_id = args.document_id or DEFAULT_DOCUMENT
    try:
        record = document_record(document_id)
    except KeyError as exc:
        print(str(exc.args[0]), file=sys.stderr)
        return 1
    xml = export_tei(load_document(document_id), document_number=record.document_number, title=record.title,
                     date=record.date, shape=args.shape)
    print('<?xml version="1.0" encoding="UTF-8"?>')
    print(xml)
    return 0


def _hypotheses(args: argparse.Namespace) -> int:
    from kernel_utils.layers.interpretation.hypotheses import hypotheses_json, load_hypotheses, tally

    data = load_hypotheses()
    if args.json:
        json.dump(hypotheses_json(data), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(data.interpretation)
    for h in data.hypotheses:
        t = tally(h, data.weights)
        print(f"\n{h.id}: {h.title}\n  {h.statement}")
        print(f"  evidence: {t.for_items} for (weight {t.for_weight}), {t.against_items} against (weight {t.against_weight}), from {', '.join(h.documents)}")
    return 0


def _compare_readings(args: argparse.Namespace) -> int:
    from kernel_utils.layers.argument.model import list_readings, load_reading
    from kernel_utils.layers.teaching.compare import class_agreement
    from kernel_utils.layers.teaching.student import load_reading_file
    from kernel_utils.store.documents import DEFAULT_DOCUMENT

    document = args.document or DEFAULT_DOCUMENT
    readings = []
    for name in args.files:
        if not Path(name).exists() and name in list_readings(document):
            readings.append(load_reading(name, document))
        elif not Path(name).exists():
            print(f"{name}: no such file, and not a reading of {document} ({', '.join(list_readings(document))})", file=sys.stderr)
            return 2
        else:
            readings.append(load_reading_file(name))
    if len(readings) < 2:
        print("compare-readings: give at least two reading files (or ids of bundled readings, e.g. reading-a)", file=sys.stderr)
        return 2
    try:
        result = class_agreement(readings, threshold=args.threshold)
    except ValueError as exc:
        print(f"compare-readings: {exc}", file=sys.stderr)
        return 1
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


def _references(args: argparse.Namespace) -> int:
    """Print a bundled document's cross-references, resolved, as JSON."""
    from kernel_utils.layers.dossier.dossier import find_references

    try:
        refs = find_references(args.document_id)
    except KeyError as exc:
        print(str(exc.args[0]), file=sys.stderr)
        return 1
    json.dump([r.as_dict() for r in refs], sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


def _export_annotations(args: argparse.Namespace) -> int:
    from kernel_utils.layers.annotations.webanno import web_annotations
    from kernel_utils.store.documents import DEFAULT_DOCUMENT, list_documents

    document_id = args.document_id or DEFAULT_DOCUMENT
    if document_id not in list_documents():
        print(f"no bundled document {document_id!r}; documents: {', '.join(list_documents())}", file=sys.stderr)
        return 1
    text = json.dumps(web_annotations(document_id), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}")
    else:
        sys.stdout.write(text)
    return 0


def _add(args: argparse.Namespace) -> int:
    """``add ID --from FILE | --tei VOLUME.xml [--document dN] | --fetch``: bundle a document."""
    from kernel_utils.store.adding import AddRequest, add_document, fetch_tei_volume, parse_document_id

    volume_id, _ = parse_document_id(args.document_id)
    tei = Path(args.tei) if args.tei else None
    if args.fetch:
        tei = fetch_tei_volume(volume_id, cache_dir=Path(args.cache_dir) if args.cache_dir else None, document_id=args.document_id)
    request = AddRequest(
        document_id=args.document_id, text_file=Path(args.from_file) if args.from_file else None, tei_file=tei,
        tei_document=args.document, coverage=args.coverage, read_via=args.read_via, note=args.note,
        volume_title=args.volume_title, force=args.force,
    )
    record = add_document(request)
    witness = record["witness"]
    print(f"added {record['id']}: {record['short_title']} ({witness['coverage']} witness, {witness['characters']:,} characters)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kernel_utils", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check data files (default: all of data/)")
    v.add_argument("files", nargs="*", help="data files to check")
    v.set_defaults(run=_validate)
    p = sub.add_parser("parse", help="parse a FRUS plain-text document and print its structure as JSON")
    p.add_argument("file")
    p.add_argument("--document", help="in a TEI volume file: the xml:id of the document div (e.g. d14)")
    p.set_defaults(run=_parse)
    x = sub.add_parser("export-tei", help="print a bundled document as TEI in the FRUS conventions")
    x.add_argument("document_id", nargs="?", default=None, help="a bundled document id (default: telegram 602)")
    x.add_argument("--shape", choices=("older", "newer"), default="older", help="where the source note goes (default: older)")
    x.set_defaults(run=_export_tei)
    c = sub.add_parser("compare-readings", help="agreement between reading files (a class's), pairwise, as JSON")
    c.add_argument("files", nargs="+", help="reading files, or ids of the document's bundled readings (reading-a)")
    c.add_argument("--document", default=None, help="the document whose bundled readings ids refer to (default: telegram 602)")
    c.add_argument("--threshold", type=float, default=0.5, help="least span overlap (Jaccard) for two units to be paired (default 0.5)")
    c.set_defaults(run=_compare_readings)
    w = sub.add_parser("export-annotations", help="the standoff layers of a document as W3C Web Annotations (JSON-LD)")
    w.add_argument("document_id", nargs="?", default=None, help="a bundled document id (default: telegram 602)")
    w.add_argument("--output", "-o", default=None, help="write to this file instead of standard output")
    w.set_defaults(run=_export_annotations)
    r = sub.add_parser("references", help="print a bundled document's references to other telegrams, resolved, as JSON")
    r.add_argument("document_id", help="a bundled document id (e.g. frus1950v07-d1085)")
    r.set_defaults(run=_references)
    h = sub.add_parser("hypotheses", help="print the interpretive hypotheses about the document's purpose, with their evidence")
    h.add_argument("--json", action="store_true", help="print them as a JSON list (id, statement, evidence ...)")
    h.set_defaults(run=_hypotheses)
    a = sub.add_parser("add", help="bundle a FRUS document from a page text or a TEI volume (writes data/documents/ID/)")
    a.add_argument("document_id", help="the FRUS id, e.g. frus1950v07-d1054")
    src = a.add_mutually_exclusive_group(required=True)
    src.add_argument("--from", dest="from_file", metavar="FILE", help="the page text of the document (UTF-8), kept byte for byte")
    src.add_argument("--tei", metavar="VOLUME.xml", help="a HistoryAtState/frus TEI volume holding the document")
    src.add_argument("--fetch", action="store_true", help="download the volume's TEI from HistoryAtState/frus once (needs a network)")
    a.add_argument("--document", help="in the TEI volume: the document division's xml:id (default: dN from the id)")
    a.add_argument("--coverage", choices=("auto", "complete", "partial"), default="auto",
                   help="how much of the document the page text holds (auto: partial when it reaches the store's ~2,000-character limit)")
    a.add_argument("--read-via", help="how the text was read (e.g. 'search tool, pages corpus')")
    a.add_argument("--note", help="a note on the witness (replaces the default note)")
    a.add_argument("--volume-title", help="the volume's title, when no bundled document of the volume gives it")
    a.add_argument("--cache-dir", help="where --fetch keeps downloaded volumes (default ~/.cache/kernel_utils/tei)")
    a.add_argument("--force", action="store_true", help="replace a document already bundled")
    a.set_defaults(run=_add)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KernelUtilsError as exc:
        print(str(exc), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
