"""kernel_utils.layers."""
