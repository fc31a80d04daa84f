"""Notices repeated on many pages: shown to readers, but no page's own content.

Search indexes only what a page says for itself (search.indexing): a notice on every page
would otherwise match every search for its words and fill the snippets. Anything that puts
such a notice into a page body takes its text from here, so the index knows to leave it out.
"""

# Put at the top of every demo page's body by home.demo.loader.
DEMO_NOTICE_HTML = (
    "<p>Illustrative demo content: the organisations are real but this account, its "
    "figures and its people are invented to show how the site works.</p>"
)

NOTICES_HTML = (DEMO_NOTICE_HTML,)
