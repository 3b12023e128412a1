"""kernel_utils.text."""
