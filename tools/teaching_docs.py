"""Write the teaching pages generated from the data: ``docs/glossary.md``, ``docs/whos-who.md`` and the paper
handout ``docs/handouts/build-your-own-reading.md``.

``python -m tools.teaching_docs`` writes them; ``python -m tools.teaching_docs --check`` only reports
which are out of date (exit 1), as the test does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent


def pages() -> dict[Path, Callable[[], str]]:
    """Each generated page and the function that makes it."""
    from kernel_utils.layers.teaching.glossary import glossary_markdown, handout_markdown, whos_who_markdown

    return {
        ROOT / "docs" / "glossary.md": glossary_markdown,
        ROOT / "docs" / "whos-who.md": whos_who_markdown,
        ROOT / "docs" / "handouts" / "build-your-own-reading.md": handout_markdown,
    }


def stale() -> list[Path]:
    """The generated pages whose file differs from what the data give now."""
    return [path for path, make in pages().items() if not path.is_file() or path.read_text(encoding="utf-8") != make()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.teaching_docs", description=__doc__)
    parser.add_argument("--check", action="store_true", help="report pages out of date, write nothing")
    args = parser.parse_args(argv)
    if args.check:
        old = stale()
        for path in old:
            print(f"out of date: {path.relative_to(ROOT)} (run python -m tools.teaching_docs)")
        return 1 if old else 0
    for path, make in pages().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(make(), encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
