"""kernel_utils.views.provenance."""
