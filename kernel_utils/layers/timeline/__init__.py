"""kernel_utils.layers.timeline."""
