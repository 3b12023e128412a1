"""kernel_utils.views.argument."""
