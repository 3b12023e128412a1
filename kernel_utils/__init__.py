"""kernel_utils: the structured edition of FRUS 1950 vol. VII, document 1077 (telegram 602).

The public API is what this module exports; notebooks use nothing else.

>>> from kernel_utils import load_telegram
>>> telegram = load_telegram()
>>> telegram.telegram_number
'602'
"""

from .document import DEFAULT_DOCUMENT, DocumentRecord, document_record, list_documents, load_document, load_telegram
from .errors import DataValidationError, FrusParseError, KernelUtilsError, Problem, TextIntegrityError
from .frus_text import FrusDocument, HeaderLine, PageBreak, Paragraph, parse_frus_text
from .sources import Source, load_sources
from .validation import validate_all, validate_paths
from .entities import Entity, Mention, alias_occurrences, load_entities, load_mentions, mentions_table, unannotated_occurrences
from .provenance import (
    CitedDocument, Fact, KnownUnknown, ProvenanceChain, Step, chain_table, cited_documents_table,
    known_unknowns_table, load_cited_documents, load_known_unknowns, load_provenance,
)
from .file_designation import FileDesignation, FileDesignationError, decode_file_designation, explain_file_designation
from .citations import (
    CitationError, CitationRecord, bibtex, check_bibtex, check_ris, chicago_bibliography, chicago_note,
    citation_record, citation_record_for_source, csl_json, format_citation, ris, validate_csl_json,
)

__all__ = [
    "DEFAULT_DOCUMENT",
    "DataValidationError",
    "DocumentRecord",
    "FrusDocument",
    "FrusParseError",
    "HeaderLine",
    "KernelUtilsError",
    "PageBreak",
    "Paragraph",
    "Problem",
    "Source",
    "TextIntegrityError",
    "document_record",
    "list_documents",
    "load_document",
    "load_sources",
    "load_telegram",
    "parse_frus_text",
    "validate_all",
    "validate_paths",
    # provenance layer
    "CitationError",
    "CitationRecord",
    "CitedDocument",
    "Entity",
    "Fact",
    "FileDesignation",
    "FileDesignationError",
    "KnownUnknown",
    "Mention",
    "ProvenanceChain",
    "Step",
    "alias_occurrences",
    "bibtex",
    "chain_table",
    "check_bibtex",
    "check_ris",
    "chicago_bibliography",
    "chicago_note",
    "citation_record",
    "citation_record_for_source",
    "cited_documents_table",
    "csl_json",
    "decode_file_designation",
    "explain_file_designation",
    "format_citation",
    "known_unknowns_table",
    "load_cited_documents",
    "load_entities",
    "load_known_unknowns",
    "load_mentions",
    "load_provenance",
    "mentions_table",
    "ris",
    "unannotated_occurrences",
    "validate_csl_json",
]

__version__ = "0.1.0"
