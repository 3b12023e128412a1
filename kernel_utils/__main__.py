"""Command line: ``python -m kernel_utils validate [FILE ...]``, ``python -m kernel_utils parse FILE``
(a FRUS plain text, or a HistoryAtState/frus TEI file with ``--document d14``) and
``python -m kernel_utils export-tei [DOCUMENT_ID]`` (a bundled document as FRUS TEI) and
``python -m kernel_utils hypotheses [--json]`` (the interpretive hypotheses with their evidence).

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
    h = sub.add_parser("hypotheses", help="print the interpretive hypotheses about the document's purpose, with their evidence")
    h.add_argument("--json", action="store_true", help="print them as a JSON list (id, statement, evidence ...)")
    h.set_defaults(run=_hypotheses)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KernelUtilsError as exc:
        print(str(exc), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
