"""kernel_utils.store: finding, reading and validating the data files (``data/``).

Below: ``kernel_utils.text`` (the document model and parser).  Above: the layers and views.
The table below tells the validator which store module registers the rules for which data
files (:func:`kernel_utils.store.validation.declare`); layers declare theirs in
``kernel_utils/layers/__init__.py``.
"""

from kernel_utils.store.validation import declare

declare(
    {
        f"{__name__}.documents": ("documents/*/document.json", "edition.json"),
        f"{__name__}.sources": ("sources.json",),
        f"{__name__}.entities": ("entities/*.json", "documents/*/mentions.json"),
    }
)
