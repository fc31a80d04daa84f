"""The Local Digital Declaration: signatures, commitments and applications."""
