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
from .timeline import (
    TELEGRAM_DATE,
    date_disagreements,
    event_detail,
    events_frame,
    filter_events,
    knowledge_horizon,
    load_entities,
    load_timeline,
    passage_links,
)
from .timeline_chart import TimelineChart, timeline_chart
from .timeline_export import timelinejs_json, to_csv, to_timelinejs

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
    # timeline layer
    "TELEGRAM_DATE",
    "TimelineChart",
    "date_disagreements",
    "event_detail",
    "events_frame",
    "filter_events",
    "knowledge_horizon",
    "load_entities",
    "load_timeline",
    "passage_links",
    "timeline_chart",
    "timelinejs_json",
    "to_csv",
    "to_timelinejs",
]

__version__ = "0.1.0"

# The argument layer (issue 4): readings of the telegram's reasoning, their exports and map.
from .argument import Reading, Vocabulary, compare_readings, list_readings, load_reading, load_vocabulary  # noqa: E402
from .argument_diagram import argument_diagram, argument_svg  # noqa: E402
from .argument_export import from_aif, to_aif, to_argdown  # noqa: E402

__all__ += [
    "Reading",
    "Vocabulary",
    "argument_diagram",
    "argument_svg",
    "compare_readings",
    "from_aif",
    "list_readings",
    "load_reading",
    "load_vocabulary",
    "to_aif",
    "to_argdown",
]
