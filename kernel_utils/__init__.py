"""kernel_utils: the structured edition of FRUS 1950 vol. VII, document 1077 (telegram 602).

The public API is what this module exports (``__all__``); notebooks use nothing else.

>>> from kernel_utils import load_telegram
>>> telegram = load_telegram()
>>> telegram.telegram_number
'602'

The dossier is every bundled document of the exchange around the telegram:
``list_documents()`` gives their ids, ``load_dossier()`` loads each validated and parsed with its
witness (what text was read and how much of it; a partial witness is labelled so), and
``python -m kernel_utils add ID --from FILE`` adds one.

The core (the text, its parser, the validator) is imported at once.  The layers built on
it (provenance, argument, timeline) are imported on first use of one of their names, so
``import kernel_utils; load_telegram()`` does not pay for matplotlib or the layers'
code (see ``benchmarks/bench.py``).
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

from kernel_utils.store.documents import (DEFAULT_DOCUMENT, BundledDocument, DocumentRecord, document_record, list_documents,
                                          load_document, load_dossier, load_telegram)
from kernel_utils.store.witness import Witness
from kernel_utils.errors import DataValidationError, FrusParseError, KernelUtilsError, Problem, TeiError, TextIntegrityError
from kernel_utils.text.parser import FrusDocument, HeaderLine, PageBreak, Paragraph, parse_frus_text
from kernel_utils.store.sources import Source, load_sources
from kernel_utils.store.validation import validate_all, validate_paths

_CORE = [
    "BundledDocument", "DEFAULT_DOCUMENT", "DataValidationError", "DocumentRecord", "Witness", "load_dossier", "FrusDocument", "FrusParseError",
    "HeaderLine", "KernelUtilsError", "PageBreak", "Paragraph", "Problem", "Source", "TeiError", "TextIntegrityError",
    "document_record", "list_documents", "load_document", "load_sources", "load_telegram",
    "parse_frus_text", "validate_all", "validate_paths",
]

#: Names of the layers, by the module that defines them (imported lazily).
_LAYERS: dict[str, tuple[str, ...]] = {
    # TEI in and out (HistoryAtState/frus conventions)
    "text.tei": ("TeiImport", "check_frus_tei", "export_tei", "import_tei"),
    # adding a document to the dossier; the witness line
    "store.adding": ("AddError", "AddRequest", "add_document", "fetch_tei_volume"),
    "views.document.witness": ("witness_line", "witness_line_html"),
    # provenance (notebook 01)
    "store.entities": ("Entity", "Mention", "alias_occurrences", "load_entities", "load_mentions", "mentions_table",
                 "unannotated_occurrences"),
    "layers.provenance.chain": ("CitedDocument", "Fact", "KnownUnknown", "ProvenanceChain", "Step", "chain_table",
                   "cited_documents_table", "known_unknowns_table", "load_cited_documents", "load_known_unknowns",
                   "load_provenance", "layer_files", "has_provenance", "volume_publication_document"),
    "layers.provenance.file_designation": ("FileDesignation", "FileDesignationError", "decode_file_designation",
                         "explain_file_designation"),
    "layers.provenance.citations": ("CitationError", "CitationRecord", "bibtex", "check_bibtex", "check_ris", "chicago_bibliography",
                  "chicago_note", "citation_record", "citation_record_for_source", "csl_json", "format_citation",
                  "ris", "validate_csl_json"),
    # argument structure (notebook 02)
    "layers.argument.model": ("Reading", "Vocabulary", "compare_readings", "list_readings", "load_reading", "load_vocabulary"),
    "views.argument.diagram": ("argument_diagram", "argument_svg"),
    "layers.argument.export": ("from_aif", "to_aif", "to_argdown"),
    # build your own reading (notebook 06)
    "layers.teaching.student": ("AmbiguousQuote", "QuoteError", "QuoteNotFound", "StudentReading", "find_quote",
                                "load_reading_file", "reading_from_data", "reading_problems"),
    "layers.teaching.compare": ("agreement", "class_agreement", "cohen_kappa", "match_units"),
    "views.teaching.builder": ("ReadingBuilder", "agreement_html"),
    "views.teaching.challenges": ("research_challenges_html",),
    # interchange: W3C Web Annotations of the standoff layers
    "layers.annotations.webanno": ("web_annotations",),
    # timeline (notebook 03)
    "layers.timeline.model": ("TELEGRAM_DATE", "EVIDENCE_CATEGORIES", "date_disagreements", "event_detail", "events_frame", "filter_events",
                 "knowledge_horizon", "load_timeline", "passage_links"),
    "views.timeline.chart": ("TimelineChart", "timeline_chart"),
    "layers.timeline.export": ("timelinejs_json", "to_csv", "to_timelinejs"),
    # the dossier: cross-references, text reuse, the exchange links (notebook 04)
    "layers.dossier.references": ("Reference", "find_references_in_text"),
    "layers.dossier.resolution": ("ResolutionTable", "load_resolution_table", "resolve_references", "table_from_json"),
    "layers.dossier.dossier": ("dossier_references", "find_references", "references_in_document"),
    "layers.dossier.reuse": ("ReusedPassage", "document_reuse", "reuse_with_others", "text_reuse"),
    "layers.dossier.links": ("Link", "links_for", "load_links", "passages_table"),
    "layers.dossier.network": ("Correspondence", "correspondence", "documents_table", "follow_chain"),
    "views.dossier.network": ("network_figure", "exchange_timeline_figure"),
    "views.dossier.reuse": ("reuse_html",),
    "views.dossier.links": ("links_html",),
    "views.dossier.widgets": ("ChainExplorer", "chain_html"),
    # interpretation (notebook 05)
    "layers.interpretation.hypotheses": ("Evidence", "Hypothesis", "Hypotheses", "Tally", "hypotheses_json", "load_hypotheses", "tally"),
    "layers.interpretation.policy_turn": ("PolicyTurn", "load_policy_turn"),
    "layers.interpretation.literature": ("OpenQuestion", "Work", "bibliography_entry", "further_reading", "load_open_questions", "load_scholarship",
                                           "scholarship_rule"),
    "views.interpretation.tables": ("deciding_html", "evidence_table_html", "hypotheses_overview_html", "narrative_html", "open_questions_html", "scholarship_html",
                                    "steps_table_html", "tally_html"),
    "views.interpretation.widgets": ("HypothesisExplorer",),
}
_WHERE = {name: module for module, names in _LAYERS.items() for name in names}

__all__ = sorted(_CORE + list(_WHERE))
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """Import a layer's module the first time one of its public names is used."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'kernel_utils' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
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


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
