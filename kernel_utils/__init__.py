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

The core (text, store) is imported at once.  The layers and views are imported on first use
of one of their names (``_LAZY``), so ``import kernel_utils; load_document(...)`` does not pay for
pandas, matplotlib or the layers' code (see ``benchmarks/bench.py``).  Type checkers and IDEs
read the ``TYPE_CHECKING`` imports below, so every name has its real type.
"""

from __future__ import annotations

import importlib
import sys
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

import kernel_utils.layers  # noqa: F401  (declares which layer module validates which data files)
from kernel_utils.errors import (
    DataFolderError,
    DataValidationError,
    FrusParseError,
    KernelUtilsError,
    Problem,
    TeiError,
    TextIntegrityError,
)
from kernel_utils.store.documents import (
    BundledDocument,
    DocumentRecord,
    default_document,
    document_record,
    list_documents,
    load_document,
    load_dossier,
    load_telegram,
)
from kernel_utils.store.sources import Source, load_sources
from kernel_utils.store.validation import validate_all, validate_paths
from kernel_utils.store.witness import Witness
from kernel_utils.text.parser import FrusDocument, HeaderLine, PageBreak, Paragraph, parse_frus_text

if TYPE_CHECKING:  # the lazily imported names, for type checkers and IDEs (kept equal to _LAZY by a test)
    from kernel_utils.text.tei import check_frus_tei, export_tei, import_tei, TeiImport
    from kernel_utils.store.entities import (
        alias_occurrences,
        Entity,
        load_entities,
        load_mentions,
        Mention,
        mentions_table,
        unannotated_occurrences,
    )
    from kernel_utils.layers.provenance.chain import (
        chain_table,
        cited_documents_table,
        CitedDocument,
        Fact,
        has_provenance,
        known_unknowns_table,
        KnownUnknown,
        layer_files,
        load_cited_documents,
        load_known_unknowns,
        load_provenance,
        ProvenanceChain,
        Step,
        volume_publication_document,
    )
    from kernel_utils.layers.provenance.file_designation import (
        decode_file_designation,
        explain_file_designation,
        FileDesignation,
        FileDesignationError,
    )
    from kernel_utils.layers.provenance.citations import (
        bibtex,
        check_bibtex,
        check_ris,
        chicago_bibliography,
        chicago_note,
        citation_record,
        citation_record_for_source,
        CitationError,
        CitationRecord,
        csl_json,
        format_citation,
        ris,
        validate_csl_json,
    )
    from kernel_utils.layers.argument.model import (
        compare_readings,
        list_readings,
        load_reading,
        load_vocabulary,
        Reading,
        Vocabulary,
    )
    from kernel_utils.layers.argument.export import edge_table, from_aif, node_table, to_aif, to_argdown
    from kernel_utils.layers.timeline.model import (
        date_disagreements,
        event_detail,
        events_frame,
        filter_events,
        load_timeline,
        passage_links,
    )
    from kernel_utils.layers.timeline.horizon import (
        document_moment,
        knowledge_horizon,
        Moment,
        EVIDENCE_CATEGORIES,
    )
    from kernel_utils.layers.timeline.export import timelinejs_json, to_csv, to_timelinejs
    from kernel_utils.views.document.text import (
        basis_notes,
        document_heading,
        example_paragraph,
        facts_lines,
        page_turns,
        render_text,
        source_line,
        summary_card,
    )
    from kernel_utils.views.document.widgets import ParagraphExplorer
    from kernel_utils.views.absence import absent_layer_html
    from kernel_utils.views.provenance.tables import (
        ChainStepper,
        CitationChooser,
        CitationUnavailable,
        EntityExplorer,
        chain_overview,
        citation_chooser,
        date_disagreements_html,
        document_record_html,
        known_unknowns_html,
        layer_status_html,
        missing_layer_html,
        step_or_absence,
    )
    from kernel_utils.views.argument.diagram import argument_diagram, argument_svg
    from kernel_utils.views.argument.widgets import ReadingSwitcher, TypeFilter, UnitExplorer, WithdrawalExplorer
    from kernel_utils.views.timeline.chart import timeline_chart, TimelineChart
    from kernel_utils.views.timeline.cards import event_card_html, events_table_html, horizon_summary_html
    from kernel_utils.views.timeline.widgets import TimelineExplorer
    from kernel_utils.store.adding import AddError, AddRequest, add_document, fetch_tei_volume
    from kernel_utils.views.document.witness import witness_line, witness_line_html
    from kernel_utils.layers.teaching.student import (
        AmbiguousQuote,
        QuoteError,
        QuoteNotFound,
        StudentReading,
        find_quote,
        load_reading_file,
        reading_from_data,
        reading_problems,
    )
    from kernel_utils.layers.teaching.compare import agreement, class_agreement, cohen_kappa, match_units
    from kernel_utils.views.teaching.builder import ReadingBuilder, agreement_html
    from kernel_utils.views.teaching.challenges import research_challenges_html
    from kernel_utils.layers.annotations.webanno import web_annotations
    from kernel_utils.layers.dossier.references import Reference, find_references_in_text
    from kernel_utils.layers.dossier.resolution import (
        ResolutionTable,
        load_resolution_table,
        resolve_references,
        table_from_json,
    )
    from kernel_utils.layers.dossier.dossier import dossier_references, find_references, references_in_document
    from kernel_utils.layers.dossier.reuse import ReusedPassage, document_reuse, reuse_with_others, text_reuse
    from kernel_utils.layers.dossier.links import Link, links_for, load_links, passages_table
    from kernel_utils.layers.dossier.network import Correspondence, correspondence, documents_table, follow_chain
    from kernel_utils.views.dossier.network import network_figure, exchange_timeline_figure
    from kernel_utils.views.dossier.reuse import reuse_html
    from kernel_utils.views.dossier.links import links_html, witness_label
    from kernel_utils.views.dossier.widgets import ChainExplorer, chain_html
    from kernel_utils.layers.interpretation.hypotheses import (
        Evidence,
        Hypothesis,
        Hypotheses,
        Tally,
        hypotheses_json,
        load_hypotheses,
        tally,
    )
    from kernel_utils.layers.interpretation.policy_turn import PolicyTurn, load_policy_turn
    from kernel_utils.layers.interpretation.literature import (
        OpenQuestion,
        Work,
        bibliography_entry,
        further_reading,
        load_open_questions,
        load_scholarship,
        scholarship_rule,
    )
    from kernel_utils.views.interpretation.tables import (
        deciding_html,
        evidence_table_html,
        hypotheses_overview_html,
        narrative_html,
        open_questions_html,
        scholarship_html,
        steps_table_html,
        tally_html,
    )
    from kernel_utils.views.interpretation.widgets import HypothesisExplorer

#: Names imported on first use, by the module (below ``kernel_utils``) that defines them.
_LAZY: dict[str, tuple[str, ...]] = {
    "text.tei": ("check_frus_tei", "export_tei", "import_tei", "TeiImport"),
    "store.entities": (
        "alias_occurrences",
        "Entity",
        "load_entities",
        "load_mentions",
        "Mention",
        "mentions_table",
        "unannotated_occurrences",
    ),
    "layers.provenance.chain": (
        "chain_table",
        "cited_documents_table",
        "CitedDocument",
        "Fact",
        "has_provenance",
        "known_unknowns_table",
        "KnownUnknown",
        "layer_files",
        "load_cited_documents",
        "load_known_unknowns",
        "load_provenance",
        "ProvenanceChain",
        "Step",
        "volume_publication_document",
    ),
    "layers.provenance.file_designation": (
        "decode_file_designation",
        "explain_file_designation",
        "FileDesignation",
        "FileDesignationError",
    ),
    "layers.provenance.citations": (
        "bibtex",
        "check_bibtex",
        "check_ris",
        "chicago_bibliography",
        "chicago_note",
        "citation_record",
        "citation_record_for_source",
        "CitationError",
        "CitationRecord",
        "csl_json",
        "format_citation",
        "ris",
        "validate_csl_json",
    ),
    "layers.argument.model": (
        "compare_readings",
        "list_readings",
        "load_reading",
        "load_vocabulary",
        "Reading",
        "Vocabulary",
    ),
    "layers.argument.export": ("edge_table", "from_aif", "node_table", "to_aif", "to_argdown"),
    "layers.timeline.model": (
        "date_disagreements",
        "event_detail",
        "events_frame",
        "filter_events",
        "load_timeline",
        "passage_links",
    ),
    "layers.timeline.horizon": (
        "document_moment",
        "knowledge_horizon",
        "Moment",
        "EVIDENCE_CATEGORIES",
    ),
    "layers.timeline.export": ("timelinejs_json", "to_csv", "to_timelinejs"),
    "views.document.text": (
        "basis_notes",
        "document_heading",
        "example_paragraph",
        "facts_lines",
        "page_turns",
        "render_text",
        "source_line",
        "summary_card",
    ),
    "views.document.widgets": ("ParagraphExplorer",),
    "views.absence": ("absent_layer_html",),
    "views.provenance.tables": (
        "ChainStepper",
        "CitationChooser",
        "CitationUnavailable",
        "EntityExplorer",
        "chain_overview",
        "citation_chooser",
        "date_disagreements_html",
        "document_record_html",
        "known_unknowns_html",
        "layer_status_html",
        "missing_layer_html",
        "step_or_absence",
    ),
    "views.argument.diagram": ("argument_diagram", "argument_svg"),
    "views.argument.widgets": ("ReadingSwitcher", "TypeFilter", "UnitExplorer", "WithdrawalExplorer"),
    "views.timeline.chart": ("timeline_chart", "TimelineChart"),
    "views.timeline.cards": ("event_card_html", "events_table_html", "horizon_summary_html"),
    "views.timeline.widgets": ("TimelineExplorer",),
    "store.adding": ("AddError", "AddRequest", "add_document", "fetch_tei_volume"),
    "views.document.witness": ("witness_line", "witness_line_html"),
    "layers.teaching.student": (
        "AmbiguousQuote",
        "QuoteError",
        "QuoteNotFound",
        "StudentReading",
        "find_quote",
        "load_reading_file",
        "reading_from_data",
        "reading_problems",
    ),
    "layers.teaching.compare": ("agreement", "class_agreement", "cohen_kappa", "match_units"),
    "views.teaching.builder": ("ReadingBuilder", "agreement_html"),
    "views.teaching.challenges": ("research_challenges_html",),
    "layers.annotations.webanno": ("web_annotations",),
    "layers.dossier.references": ("Reference", "find_references_in_text"),
    "layers.dossier.resolution": ("ResolutionTable", "load_resolution_table", "resolve_references", "table_from_json"),
    "layers.dossier.dossier": ("dossier_references", "find_references", "references_in_document"),
    "layers.dossier.reuse": ("ReusedPassage", "document_reuse", "reuse_with_others", "text_reuse"),
    "layers.dossier.links": ("Link", "links_for", "load_links", "passages_table"),
    "layers.dossier.network": ("Correspondence", "correspondence", "documents_table", "follow_chain"),
    "views.dossier.network": ("network_figure", "exchange_timeline_figure"),
    "views.dossier.reuse": ("reuse_html",),
    "views.dossier.links": ("links_html", "witness_label"),
    "views.dossier.widgets": ("ChainExplorer", "chain_html"),
    "layers.interpretation.hypotheses": (
        "Evidence",
        "Hypothesis",
        "Hypotheses",
        "Tally",
        "hypotheses_json",
        "load_hypotheses",
        "tally",
    ),
    "layers.interpretation.policy_turn": ("PolicyTurn", "load_policy_turn"),
    "layers.interpretation.literature": (
        "OpenQuestion",
        "Work",
        "bibliography_entry",
        "further_reading",
        "load_open_questions",
        "load_scholarship",
        "scholarship_rule",
    ),
    "views.interpretation.tables": (
        "deciding_html",
        "evidence_table_html",
        "hypotheses_overview_html",
        "narrative_html",
        "open_questions_html",
        "scholarship_html",
        "steps_table_html",
        "tally_html",
    ),
    "views.interpretation.widgets": ("HypothesisExplorer",),
}
_WHERE = {name: module for module, names in _LAZY.items() for name in names}

#: The promise: every public name of the library.
__all__ = [
    "absent_layer_html",
    "add_document",
    "AddError",
    "AddRequest",
    "agreement",
    "agreement_html",
    "alias_occurrences",
    "AmbiguousQuote",
    "argument_diagram",
    "argument_svg",
    "basis_notes",
    "bibliography_entry",
    "bibtex",
    "BundledDocument",
    "chain_html",
    "chain_overview",
    "chain_table",
    "ChainExplorer",
    "ChainStepper",
    "check_bibtex",
    "check_frus_tei",
    "check_ris",
    "chicago_bibliography",
    "chicago_note",
    "citation_record",
    "citation_record_for_source",
    "CitationChooser",
    "citation_chooser",
    "CitationError",
    "CitationUnavailable",
    "CitationRecord",
    "cited_documents_table",
    "CitedDocument",
    "class_agreement",
    "cohen_kappa",
    "compare_readings",
    "Correspondence",
    "correspondence",
    "csl_json",
    "DataFolderError",
    "DataValidationError",
    "date_disagreements",
    "date_disagreements_html",
    "deciding_html",
    "decode_file_designation",
    "default_document",
    "document_heading",
    "document_moment",
    "document_record",
    "document_record_html",
    "document_reuse",
    "DocumentRecord",
    "documents_table",
    "dossier_references",
    "edge_table",
    "Entity",
    "EntityExplorer",
    "event_card_html",
    "event_detail",
    "events_frame",
    "events_table_html",
    "Evidence",
    "EVIDENCE_CATEGORIES",
    "evidence_table_html",
    "example_paragraph",
    "exchange_timeline_figure",
    "explain_file_designation",
    "export_tei",
    "Fact",
    "facts_lines",
    "fetch_tei_volume",
    "FileDesignation",
    "FileDesignationError",
    "filter_events",
    "find_quote",
    "find_references",
    "find_references_in_text",
    "follow_chain",
    "format_citation",
    "from_aif",
    "FrusDocument",
    "FrusParseError",
    "further_reading",
    "has_provenance",
    "HeaderLine",
    "horizon_summary_html",
    "Hypotheses",
    "hypotheses_json",
    "hypotheses_overview_html",
    "Hypothesis",
    "HypothesisExplorer",
    "import_tei",
    "KernelUtilsError",
    "knowledge_horizon",
    "known_unknowns_html",
    "known_unknowns_table",
    "KnownUnknown",
    "layer_files",
    "layer_status_html",
    "Link",
    "links_for",
    "links_html",
    "list_documents",
    "list_readings",
    "load_cited_documents",
    "load_document",
    "load_dossier",
    "load_entities",
    "load_hypotheses",
    "load_known_unknowns",
    "load_links",
    "load_mentions",
    "load_open_questions",
    "load_policy_turn",
    "load_provenance",
    "load_reading",
    "load_reading_file",
    "load_resolution_table",
    "load_scholarship",
    "load_sources",
    "load_telegram",
    "load_timeline",
    "load_vocabulary",
    "match_units",
    "Mention",
    "mentions_table",
    "missing_layer_html",
    "Moment",
    "narrative_html",
    "network_figure",
    "node_table",
    "open_questions_html",
    "OpenQuestion",
    "page_turns",
    "PageBreak",
    "Paragraph",
    "ParagraphExplorer",
    "parse_frus_text",
    "passage_links",
    "passages_table",
    "PolicyTurn",
    "Problem",
    "ProvenanceChain",
    "QuoteError",
    "QuoteNotFound",
    "Reading",
    "reading_from_data",
    "reading_problems",
    "ReadingBuilder",
    "ReadingSwitcher",
    "Reference",
    "references_in_document",
    "render_text",
    "research_challenges_html",
    "ResolutionTable",
    "resolve_references",
    "reuse_html",
    "reuse_with_others",
    "ReusedPassage",
    "ris",
    "scholarship_html",
    "scholarship_rule",
    "Source",
    "source_line",
    "Step",
    "step_or_absence",
    "steps_table_html",
    "StudentReading",
    "summary_card",
    "table_from_json",
    "Tally",
    "tally",
    "tally_html",
    "TeiError",
    "TeiImport",
    "text_reuse",
    "TextIntegrityError",
    "timeline_chart",
    "TimelineChart",
    "TimelineExplorer",
    "timelinejs_json",
    "to_aif",
    "to_argdown",
    "to_csv",
    "to_timelinejs",
    "TypeFilter",
    "unannotated_occurrences",
    "UnitExplorer",
    "validate_all",
    "validate_csl_json",
    "validate_paths",
    "Vocabulary",
    "volume_publication_document",
    "web_annotations",
    "WithdrawalExplorer",
    "Witness",
    "witness_label",
    "witness_line",
    "witness_line_html",
    "Work",
    "__version__",
]

try:
    __version__ = version("kernel-utils-telegram602")  # written once, in pyproject.toml
except PackageNotFoundError:  # run from a checkout that was never installed
    __version__ = "0+unknown"


def __getattr__(name: str) -> Any:
    """Import a layer's or view's module the first time one of its public names is used."""
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
