"""What every content type shares: the base page, blocks, taxonomies and listings."""
