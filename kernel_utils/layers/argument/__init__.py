"""kernel_utils.layers.argument."""
