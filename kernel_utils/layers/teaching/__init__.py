"""kernel_utils.layers.teaching: a student's own reading of a document, and measured agreement between readings."""
