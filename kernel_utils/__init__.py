"""kernel_utils: a computational edition of FRUS documents, with their scholarly layers.

The public API is this module's ``__all__``: notebooks import from ``kernel_utils`` only (a test
checks), and every name here is also in its own module's ``__all__``.

>>> from kernel_utils import document_record, load_document
>>> record = document_record("frus1950v07-d970")
>>> load_document(record.id).paragraphs[0].id
'p01'

The package reads as its architecture, one way up (see ``docs/architecture.md``): ``text`` (the
document model and parser) → ``store`` (data files: finding, validating, loading) → ``layers``
(provenance, argument, timeline) → ``views`` (HTML, SVG, widgets).

The dossier is every bundled document: ``list_documents()`` gives their ids, ``load_dossier()``
loads each validated and parsed with its witness (what text was read and how much of it), and
``python -m kernel_utils add ID --from FILE`` adds one.

Every public name is listed once, in the stub ``__init__.pyi`` beside this file, which type
checkers and IDEs read for the real types.  At run time the stub is handed to
``lazy_loader.attach_stub`` (the lazy loading of the Scientific Python SPEC 1): a name's module is
imported on first use, so ``import kernel_utils; load_document(...)`` does not pay for pandas,
matplotlib or the layers' code (see ``benchmarks/bench.py``).
"""

from __future__ import annotations

import sys
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import lazy_loader

import kernel_utils.layers  # noqa: F401  (declares which layer module validates which data files)

try:
    __version__ = version("kernel-utils-telegram602")  # written once, in pyproject.toml
except PackageNotFoundError:  # run from a checkout that was never installed
    __version__ = "0+unknown"

_import_on_first_use, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
__all__ = [*__all__, "__version__"]


def __getattr__(name: str) -> Any:
    """Import the module of a public name the first time the name is used (names in ``__init__.pyi``)."""
    value = _import_on_first_use(name)
    _full_table_cells()
    globals()[name] = value  # later look-ups skip this function
    return value


def _full_table_cells() -> None:
    """Let pandas print every word of a table cell (a rationale, a quotation), not its first 50 characters.

    The tables are read, printed and published in the static edition, where a rationale cut with
    "..." cannot be expanded.  Applied once pandas is loaded (by a layer or the notebook), and only
    while ``display.max_colwidth`` still has pandas' default, so a reader's own setting wins.
    """
    pandas = sys.modules.get("pandas")
    if pandas is not None and not getattr(_full_table_cells, "done", False):
        _full_table_cells.done = True  # type: ignore[attr-defined]
        if pandas.get_option("display.max_colwidth") == 50:
            pandas.set_option("display.max_colwidth", None)


def _full_tables_in_ipython() -> None:
    """In a notebook, apply :func:`_full_table_cells` when a table is first displayed, whichever module loaded pandas.

    The formatters are registered by name (``pandas.DataFrame``, ``pandas.Series``), so pandas is not
    imported for it; each calls pandas' own display after the option is set.
    """
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None and hasattr(ipython, "get_ipython") else None
    if shell is None or getattr(shell, "_kernel_utils_full_tables", False):
        return
    shell._kernel_utils_full_tables = True
    formatters = shell.display_formatter.formatters

    def html(obj):
        _full_table_cells()
        return obj._repr_html_()

    def plain(obj, printer, cycle):
        _full_table_cells()
        printer.text(repr(obj))

    formatters["text/html"].for_type_by_name("pandas", "DataFrame", html)
    for name in ("DataFrame", "Series"):
        formatters["text/plain"].for_type_by_name("pandas", name, plain)


_full_table_cells()
_full_tables_in_ipython()
