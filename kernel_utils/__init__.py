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
from .edition import EditionError, build_edition

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
    "EditionError",
    "build_edition",
]

__version__ = "0.1.0"
