"""Case studies, procurement briefs and business cases, and their index pages."""
