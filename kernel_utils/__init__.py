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

The core (text, store) is imported at once.  The layers and views are imported on first use
of one of their names (``_LAZY``), so ``import kernel_utils; load_document(...)`` does not pay for
pandas, matplotlib or the layers' code (see ``benchmarks/bench.py``).  Type checkers and IDEs
read the ``TYPE_CHECKING`` imports below, so every name has its real type.
"""

from __future__ import annotations

import importlib
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
    DocumentRecord,
    default_document,
    document_record,
    list_documents,
    load_document,
    load_telegram,
)
from kernel_utils.store.sources import Source, load_sources
from kernel_utils.store.validation import validate_all, validate_paths
from kernel_utils.text.parser import FrusDocument, HeaderLine, PageBreak, Paragraph, parse_frus_text

if TYPE_CHECKING:  # the lazily imported names, for type checkers and IDEs (kept equal to _LAZY by a test)
    from kernel_utils.text.tei import TeiImport, check_frus_tei, export_tei, import_tei
    from kernel_utils.store.entities import (
        Entity,
        Mention,
        alias_occurrences,
        load_entities,
        load_mentions,
        mentions_table,
        unannotated_occurrences,
    )
    from kernel_utils.layers.provenance.chain import (
        CitedDocument,
        Fact,
        KnownUnknown,
        ProvenanceChain,
        Step,
        chain_table,
        cited_documents_table,
        has_provenance,
        known_unknowns_table,
        layer_files,
        load_cited_documents,
        load_known_unknowns,
        load_provenance,
        volume_publication_document,
    )
    from kernel_utils.layers.provenance.file_designation import (
        FileDesignation,
        FileDesignationError,
        decode_file_designation,
        explain_file_designation,
    )
    from kernel_utils.layers.provenance.citations import (
        CitationError,
        CitationRecord,
        bibtex,
        check_bibtex,
        check_ris,
        chicago_bibliography,
        chicago_note,
        citation_record,
        citation_record_for_source,
        csl_json,
        format_citation,
        ris,
        validate_csl_json,
    )
    from kernel_utils.layers.argument.model import (
        Reading,
        Vocabulary,
        compare_readings,
        list_readings,
        load_reading,
        load_vocabulary,
    )
    from kernel_utils.layers.argument.export import edge_table, from_aif, node_table, to_aif, to_argdown
    from kernel_utils.layers.timeline.model import (
        Moment,
        date_disagreements,
        document_moment,
        event_detail,
        events_frame,
        filter_events,
        knowledge_horizon,
        load_timeline,
        passage_links,
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
        EntityExplorer,
        chain_overview,
        date_disagreements_html,
        document_record_html,
        known_unknowns_html,
        layer_status_html,
        missing_layer_html,
        step_or_absence,
    )
    from kernel_utils.views.argument.diagram import argument_diagram, argument_svg
    from kernel_utils.views.argument.widgets import (
        ReadingSwitcher,
        TypeFilter,
        UnitExplorer,
        WithdrawalExplorer,
    )
    from kernel_utils.views.timeline.chart import TimelineChart, timeline_chart
    from kernel_utils.views.timeline.cards import event_card_html, events_table_html, horizon_summary_html
    from kernel_utils.views.timeline.widgets import TimelineExplorer

#: Names imported on first use, by the module (below ``kernel_utils``) that defines them.
_LAZY: dict[str, tuple[str, ...]] = {
    "text.tei": ("TeiImport", "check_frus_tei", "export_tei", "import_tei"),
    "store.entities": (
        "Entity",
        "Mention",
        "alias_occurrences",
        "load_entities",
        "load_mentions",
        "mentions_table",
        "unannotated_occurrences",
    ),
    "layers.provenance.chain": (
        "CitedDocument",
        "Fact",
        "KnownUnknown",
        "ProvenanceChain",
        "Step",
        "chain_table",
        "cited_documents_table",
        "has_provenance",
        "known_unknowns_table",
        "layer_files",
        "load_cited_documents",
        "load_known_unknowns",
        "load_provenance",
        "volume_publication_document",
    ),
    "layers.provenance.file_designation": (
        "FileDesignation",
        "FileDesignationError",
        "decode_file_designation",
        "explain_file_designation",
    ),
    "layers.provenance.citations": (
        "CitationError",
        "CitationRecord",
        "bibtex",
        "check_bibtex",
        "check_ris",
        "chicago_bibliography",
        "chicago_note",
        "citation_record",
        "citation_record_for_source",
        "csl_json",
        "format_citation",
        "ris",
        "validate_csl_json",
    ),
    "layers.argument.model": (
        "Reading",
        "Vocabulary",
        "compare_readings",
        "list_readings",
        "load_reading",
        "load_vocabulary",
    ),
    "layers.argument.export": ("edge_table", "from_aif", "node_table", "to_aif", "to_argdown"),
    "layers.timeline.model": (
        "Moment",
        "date_disagreements",
        "document_moment",
        "event_detail",
        "events_frame",
        "filter_events",
        "knowledge_horizon",
        "load_timeline",
        "passage_links",
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
        "EntityExplorer",
        "chain_overview",
        "date_disagreements_html",
        "document_record_html",
        "known_unknowns_html",
        "layer_status_html",
        "missing_layer_html",
        "step_or_absence",
    ),
    "views.argument.diagram": ("argument_diagram", "argument_svg"),
    "views.argument.widgets": ("ReadingSwitcher", "TypeFilter", "UnitExplorer", "WithdrawalExplorer"),
    "views.timeline.chart": ("TimelineChart", "timeline_chart"),
    "views.timeline.cards": ("event_card_html", "events_table_html", "horizon_summary_html"),
    "views.timeline.widgets": ("TimelineExplorer",),
}
_WHERE = {name: module for module, names in _LAZY.items() for name in names}

#: The promise: every public name of the library.
__all__ = [
    "absent_layer_html",
    "alias_occurrences",
    "argument_diagram",
    "argument_svg",
    "basis_notes",
    "bibtex",
    "chain_overview",
    "chain_table",
    "ChainStepper",
    "check_bibtex",
    "check_frus_tei",
    "check_ris",
    "chicago_bibliography",
    "chicago_note",
    "citation_record",
    "citation_record_for_source",
    "CitationChooser",
    "CitationError",
    "CitationRecord",
    "cited_documents_table",
    "CitedDocument",
    "compare_readings",
    "csl_json",
    "DataFolderError",
    "DataValidationError",
    "date_disagreements",
    "date_disagreements_html",
    "decode_file_designation",
    "default_document",
    "document_heading",
    "document_moment",
    "document_record",
    "document_record_html",
    "DocumentRecord",
    "edge_table",
    "Entity",
    "EntityExplorer",
    "event_card_html",
    "event_detail",
    "events_frame",
    "events_table_html",
    "example_paragraph",
    "explain_file_designation",
    "export_tei",
    "Fact",
    "facts_lines",
    "FileDesignation",
    "FileDesignationError",
    "filter_events",
    "format_citation",
    "from_aif",
    "FrusDocument",
    "FrusParseError",
    "has_provenance",
    "HeaderLine",
    "horizon_summary_html",
    "import_tei",
    "KernelUtilsError",
    "knowledge_horizon",
    "known_unknowns_html",
    "known_unknowns_table",
    "KnownUnknown",
    "layer_files",
    "layer_status_html",
    "list_documents",
    "list_readings",
    "load_cited_documents",
    "load_document",
    "load_entities",
    "load_known_unknowns",
    "load_mentions",
    "load_provenance",
    "load_reading",
    "load_sources",
    "load_telegram",
    "load_timeline",
    "load_vocabulary",
    "Mention",
    "mentions_table",
    "missing_layer_html",
    "Moment",
    "node_table",
    "page_turns",
    "PageBreak",
    "Paragraph",
    "ParagraphExplorer",
    "parse_frus_text",
    "passage_links",
    "Problem",
    "ProvenanceChain",
    "Reading",
    "ReadingSwitcher",
    "render_text",
    "ris",
    "Source",
    "source_line",
    "Step",
    "step_or_absence",
    "summary_card",
    "TeiError",
    "TeiImport",
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
    "WithdrawalExplorer",
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
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
