"""kernel_utils.text: FRUS documents as text, with no access to ``data/``.

* :mod:`~kernel_utils.text.model` — the document model (``FrusDocument``, ``Paragraph``, ``HeaderLine``,
  ``PageBreak``), anchored by span, with ``rebuild_text()`` and ``page_at()``;
* :mod:`~kernel_utils.text.parser` — ``parse_frus_text``, which runs the passes of
  :mod:`~kernel_utils.text.passes` over the lines of :mod:`~kernel_utils.text.lines`, with the
  vocabulary of :mod:`~kernel_utils.text.vocabulary`, the heading and address readers of
  :mod:`~kernel_utils.text.header` and the footnote reader of :mod:`~kernel_utils.text.footnotes`;
* :mod:`~kernel_utils.text.paragraphs` — the one paragraph builder, shared with the TEI import;
* :mod:`~kernel_utils.text.markers` — ``[Page N]`` markers;
* :mod:`~kernel_utils.text.tei` (import), :mod:`~kernel_utils.text.tei_export` (export and check) and
  :mod:`~kernel_utils.text.teixml` (safe XML reading) — FRUS TEI in and out.

The public names stay importable from :mod:`kernel_utils.text.parser` and :mod:`kernel_utils.text.tei`.
"""
