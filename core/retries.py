"""How long background work waits before trying a server that did not answer again."""

from datetime import timedelta

# One schedule for every task that waits for a server (the mail server, the search engine):
# soon at first, for a blip; then further apart, so a long outage is not hammered. After the
# last try the work still waits in the database, and a cron command keeps trying it.
BACKGROUND_RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=6),
)
