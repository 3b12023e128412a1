"""kernel_utils.views.teaching: the widgets of the build-your-own-reading notebook."""
