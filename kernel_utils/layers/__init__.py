"""kernel_utils.layers: scholarly layers over a document (provenance, argument, timeline, ...).

Each layer is a subpackage (model, checks, queries, export) that depends on ``kernel_utils.store``
and ``kernel_utils.text`` only, never on ``kernel_utils.views``.

A layer that owns data files registers their rules at import time
(:func:`kernel_utils.store.validation.register`) and declares here which of its modules does so
for which file patterns (relative to ``data/``), so that validating a file imports only its layer.
A new layer adds its line to this table; the validator itself names no layer.
"""

from kernel_utils.store.validation import declare

declare(
    {
        f"{__name__}.provenance.chain": (
            "documents/*/provenance.json",
            "documents/*/cited_documents.json",
            "documents/*/known_unknowns.json",
        ),
        f"{__name__}.provenance.file_designation": ("decimal_file_classes.json",),
        f"{__name__}.timeline.checks": ("timeline/events.json",),
        f"{__name__}.argument.checks": ("documents/*/argument/vocabulary.json", "documents/*/argument/reading-*.json"),
        f"{__name__}.teaching.glossary": ("glossary.json",),
        f"{__name__}.dossier.resolution": ("dossier/telegrams.json",),
        f"{__name__}.dossier.links": ("dossier/links.json",),
        f"{__name__}.interpretation.hypotheses": ("interpretation/hypotheses.json",),
        f"{__name__}.interpretation.policy_turn": ("interpretation/policy_turn.json",),
        f"{__name__}.interpretation.literature": (
            "interpretation/scholarship.json",
            "interpretation/open_questions.json",
        ),
    }
)
