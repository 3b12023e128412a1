"""The public API of ``kernel_utils``, for type checkers, IDEs and the lazy loader (SPEC 1).

Every public name is imported here once, from the module that defines it, as ``name as name``
(an explicit re-export, PEP 484).  At run time ``kernel_utils/__init__.py`` hands this file to
``lazy_loader.attach_stub``: each name is imported on first use, so ``import kernel_utils`` does
not pay for pandas or the layers' code, and ``kernel_utils.__all__`` is exactly the names below.
A test keeps each name in its own module's ``__all__``.
"""

__version__: str

# errors
from .errors import (
    DataFolderError as DataFolderError,
    DataValidationError as DataValidationError,
    FrusParseError as FrusParseError,
    KernelUtilsError as KernelUtilsError,
    Problem as Problem,
    TeiError as TeiError,
    TextIntegrityError as TextIntegrityError,
)

# text: the document model, the parser, TEI
from .text.parser import (
    FrusDocument as FrusDocument,
    HeaderLine as HeaderLine,
    PageBreak as PageBreak,
    Paragraph as Paragraph,
    parse_frus_text as parse_frus_text,
)
from .text.tei import (
    check_frus_tei as check_frus_tei,
    export_tei as export_tei,
    import_tei as import_tei,
    TeiImport as TeiImport,
)

# store: data files, finding, validating, loading
from .store.documents import (
    BundledDocument as BundledDocument,
    default_document as default_document,
    document_record as document_record,
    DocumentRecord as DocumentRecord,
    list_documents as list_documents,
    load_document as load_document,
    load_dossier as load_dossier,
    load_telegram as load_telegram,
)
from .store.sources import (
    load_sources as load_sources,
    Source as Source,
)
from .store.validation import (
    validate_all as validate_all,
    validate_paths as validate_paths,
)
from .store.witness import (
    Witness as Witness,
)
from .store.entities import (
    alias_occurrences as alias_occurrences,
    Entity as Entity,
    load_entities as load_entities,
    load_mentions as load_mentions,
    Mention as Mention,
    mentions_table as mentions_table,
    unannotated_occurrences as unannotated_occurrences,
)
from .store.adding import (
    add_document as add_document,
    AddError as AddError,
    AddRequest as AddRequest,
    fetch_tei_volume as fetch_tei_volume,
)

# layers: provenance, argument, timeline, dossier, interpretation, teaching, annotations
from .layers.provenance.chain import (
    chain_table as chain_table,
    cited_documents_table as cited_documents_table,
    CitedDocument as CitedDocument,
    Fact as Fact,
    has_provenance as has_provenance,
    known_unknowns_table as known_unknowns_table,
    KnownUnknown as KnownUnknown,
    layer_files as layer_files,
    load_cited_documents as load_cited_documents,
    load_known_unknowns as load_known_unknowns,
    load_provenance as load_provenance,
    ProvenanceChain as ProvenanceChain,
    Step as Step,
    volume_publication_document as volume_publication_document,
)
from .layers.provenance.file_designation import (
    decode_file_designation as decode_file_designation,
    explain_file_designation as explain_file_designation,
    FileDesignation as FileDesignation,
    FileDesignationError as FileDesignationError,
)
from .layers.provenance.citations import (
    chicago_bibliography as chicago_bibliography,
    chicago_note as chicago_note,
    citation_record as citation_record,
    citation_record_for_source as citation_record_for_source,
    CitationError as CitationError,
    CitationRecord as CitationRecord,
)
from .layers.provenance.citation_formats import (
    bibtex as bibtex,
    check_bibtex as check_bibtex,
    check_ris as check_ris,
    csl_json as csl_json,
    format_citation as format_citation,
    ris as ris,
    validate_csl_json as validate_csl_json,
)
from .layers.argument.model import (
    compare_readings as compare_readings,
    list_readings as list_readings,
    load_reading as load_reading,
    load_vocabulary as load_vocabulary,
    Reading as Reading,
    Vocabulary as Vocabulary,
)
from .layers.argument.export import (
    edge_table as edge_table,
    from_aif as from_aif,
    node_table as node_table,
    to_aif as to_aif,
    to_argdown as to_argdown,
)
from .layers.timeline.model import (
    date_disagreements as date_disagreements,
    event_detail as event_detail,
    events_frame as events_frame,
    filter_events as filter_events,
    load_timeline as load_timeline,
    passage_links as passage_links,
)
from .layers.timeline.horizon import (
    document_moment as document_moment,
    EVIDENCE_CATEGORIES as EVIDENCE_CATEGORIES,
    knowledge_horizon as knowledge_horizon,
    Moment as Moment,
)
from .layers.timeline.export import (
    timelinejs_json as timelinejs_json,
    to_csv as to_csv,
    to_timelinejs as to_timelinejs,
)
from .layers.teaching.student import (
    AmbiguousQuote as AmbiguousQuote,
    find_quote as find_quote,
    load_reading_file as load_reading_file,
    QuoteError as QuoteError,
    QuoteNotFound as QuoteNotFound,
    reading_from_data as reading_from_data,
    reading_problems as reading_problems,
    StudentReading as StudentReading,
)
from .layers.teaching.compare import (
    agreement as agreement,
    class_agreement as class_agreement,
    cohen_kappa as cohen_kappa,
    match_units as match_units,
)
from .layers.annotations.webanno import (
    web_annotations as web_annotations,
)
from .layers.dossier.references import (
    find_references_in_text as find_references_in_text,
    Reference as Reference,
)
from .layers.dossier.resolution import (
    load_resolution_table as load_resolution_table,
    ResolutionTable as ResolutionTable,
    resolve_references as resolve_references,
    table_from_json as table_from_json,
)
from .layers.dossier.dossier import (
    dossier_references as dossier_references,
    find_references as find_references,
    references_in_document as references_in_document,
)
from .layers.dossier.reuse import (
    document_reuse as document_reuse,
    reuse_with_others as reuse_with_others,
    ReusedPassage as ReusedPassage,
    text_reuse as text_reuse,
)
from .layers.dossier.links import (
    Link as Link,
    links_for as links_for,
    load_links as load_links,
    passages_table as passages_table,
)
from .layers.dossier.network import (
    Correspondence as Correspondence,
    correspondence as correspondence,
    documents_table as documents_table,
    follow_chain as follow_chain,
)
from .layers.interpretation.hypotheses import (
    Evidence as Evidence,
    Hypotheses as Hypotheses,
    hypotheses_json as hypotheses_json,
    Hypothesis as Hypothesis,
    load_hypotheses as load_hypotheses,
    Tally as Tally,
    tally as tally,
)
from .layers.interpretation.policy_turn import (
    load_policy_turn as load_policy_turn,
    PolicyTurn as PolicyTurn,
)
from .layers.interpretation.literature import (
    bibliography_entry as bibliography_entry,
    further_reading as further_reading,
    load_open_questions as load_open_questions,
    load_scholarship as load_scholarship,
    OpenQuestion as OpenQuestion,
    scholarship_rule as scholarship_rule,
    Work as Work,
)

# views: HTML, SVG, widgets
from .views.document.text import (
    basis_notes as basis_notes,
    document_heading as document_heading,
    example_paragraph as example_paragraph,
    facts_lines as facts_lines,
    page_turns as page_turns,
    render_text as render_text,
    source_line as source_line,
    summary_card as summary_card,
)
from .views.document.widgets import (
    ParagraphExplorer as ParagraphExplorer,
)
from .views.absence import (
    absent_layer_html as absent_layer_html,
)
from .views.provenance.tables import (
    chain_overview as chain_overview,
    ChainStepper as ChainStepper,
    citation_chooser as citation_chooser,
    CitationChooser as CitationChooser,
    CitationUnavailable as CitationUnavailable,
    date_disagreements_html as date_disagreements_html,
    document_record_html as document_record_html,
    EntityExplorer as EntityExplorer,
    known_unknowns_html as known_unknowns_html,
    layer_status_html as layer_status_html,
    missing_layer_html as missing_layer_html,
    step_or_absence as step_or_absence,
)
from .views.argument.diagram import (
    argument_diagram as argument_diagram,
    argument_svg as argument_svg,
)
from .views.argument.widgets import (
    ReadingSwitcher as ReadingSwitcher,
    TypeFilter as TypeFilter,
    UnitExplorer as UnitExplorer,
    WithdrawalExplorer as WithdrawalExplorer,
)
from .views.timeline.chart import (
    timeline_chart as timeline_chart,
    TimelineChart as TimelineChart,
)
from .views.timeline.cards import (
    event_card_html as event_card_html,
    events_table_html as events_table_html,
    horizon_summary_html as horizon_summary_html,
)
from .views.timeline.widgets import (
    TimelineExplorer as TimelineExplorer,
)
from .views.document.witness import (
    witness_line as witness_line,
    witness_line_html as witness_line_html,
)
from .views.teaching.builder import (
    agreement_html as agreement_html,
    ReadingBuilder as ReadingBuilder,
)
from .views.teaching.challenges import (
    research_challenges_html as research_challenges_html,
)
from .views.dossier.network import (
    exchange_timeline_figure as exchange_timeline_figure,
    network_figure as network_figure,
)
from .views.dossier.reuse import (
    reuse_html as reuse_html,
)
from .views.dossier.links import (
    links_html as links_html,
    witness_label as witness_label,
)
from .views.dossier.widgets import (
    chain_html as chain_html,
    ChainExplorer as ChainExplorer,
)
from .views.interpretation.tables import (
    deciding_html as deciding_html,
    evidence_table_html as evidence_table_html,
    hypotheses_overview_html as hypotheses_overview_html,
    narrative_html as narrative_html,
    open_questions_html as open_questions_html,
    scholarship_html as scholarship_html,
    steps_table_html as steps_table_html,
    tally_html as tally_html,
)
from .views.interpretation.widgets import (
    HypothesisExplorer as HypothesisExplorer,
)
