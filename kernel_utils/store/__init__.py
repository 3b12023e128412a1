"""kernel_utils.store."""
