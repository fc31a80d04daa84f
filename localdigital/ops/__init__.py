"""Operating the whole site: backups and restores, which touch every app, so they live at the top."""
