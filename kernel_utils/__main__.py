"""Command line: ``python -m kernel_utils validate [FILE ...]``, ``python -m kernel_utils parse FILE``
(a FRUS plain text, or a HistoryAtState/frus TEI file with ``--document d14``) and
``python -m kernel_utils export-tei [DOCUMENT_ID]`` (a bundled document as FRUS TEI),
``python -m kernel_utils compare-readings FILE [FILE ...]`` (agreement between readings, as JSON) and
``python -m kernel_utils export-annotations [DOCUMENT_ID]`` (the standoff layers as W3C Web Annotations).

Both print plain messages (no traceback) and exit non-zero on a problem, so
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
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KernelUtilsError as exc:
        print(str(exc), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
