"""Command line: ``python -m kernel_utils validate [FILE ...]`` and ``python -m kernel_utils parse FILE``.

Both print plain messages (no traceback) and exit non-zero on a problem, so
they can be used by people editing the data and by CI alike.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from .errors import FrusParseError, KernelUtilsError
from .frus_text import parse_frus_text
from .validation import validate_paths


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
    doc = parse_frus_text(text, source=source)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kernel_utils", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check data files (default: all of data/)")
    v.add_argument("files", nargs="*", help="data files to check")
    v.set_defaults(run=_validate)
    p = sub.add_parser("parse", help="parse a FRUS plain-text document and print its structure as JSON")
    p.add_argument("file")
    p.set_defaults(run=_parse)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KernelUtilsError as exc:
        print(str(exc), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
