"""kernel_utils.views.document."""
