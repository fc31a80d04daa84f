"""Community views, one module per journey; each stays thin over services and selectors."""
