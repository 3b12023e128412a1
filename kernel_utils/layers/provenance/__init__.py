"""kernel_utils.layers.provenance."""
