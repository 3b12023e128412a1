"""kernel_utils.layers.annotations: the standoff layers in interchange formats other tools read."""
