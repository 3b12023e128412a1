"""kernel_utils.views.timeline."""
