"""kernel_utils.views."""
