"""Councils and the other bodies around them; the Declaration and its signatories."""
