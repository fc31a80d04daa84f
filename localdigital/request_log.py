"""One structured log line per request, and the request's id on every log record it causes.

`RequestLogMiddleware` (outermost in MIDDLEWARE, so it times page-cache hits too) gives each
request an id: the incoming `X-Request-ID` when it is a short, safe token (a load balancer's
or proxy's, so their logs and ours join up), otherwise a new one. The id is echoed in the
`X-Request-ID` response header, held in a context variable while the request runs, and put
on every log record by `RequestIdFilter`, so an error logged anywhere can be tied to its
request. When the request ends, one record on the `localdigital.requests` logger says what
it was. `JsonFormatter` writes records as JSON lines (production settings, to stdout).

Deliberately left out of the request line: the query string (it can carry email addresses,
search terms and sign-in tokens), the client's address and user agent (personal data we have
no use for), and who a signed-in user is beyond their numeric id.
"""

import contextvars
import datetime
import json
import logging
import re
import time
import uuid

logger = logging.getLogger("localdigital.requests")

HEADER = "X-Request-ID"
# Letters, digits and . _ - : = + / only, 8 to 64 characters: UUIDs, nginx's $request_id and
# the usual tracing ids fit; nothing that could break a log line or a header does.
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:=+/-]{7,63}")
MAX_LOGGED_PATH = 500
# A load balancer asks these every few seconds; a failing check is logged by localdigital.health.
QUIET_PATHS = frozenset({"/healthz", "/healthz/"})
NO_REQUEST = "-"

_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)


def current_request_id() -> str | None:
    """The id of the request this code runs for, or None outside a request."""
    return _request_id.get()


def request_id_for(incoming: str | None) -> str:
    if incoming and SAFE_REQUEST_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


def signed_in_user_id(request) -> int | None:
    """The user's id if signed in. A page-cache hit never reaches authentication (and is
    only ever served to readers without a session), so it has no user: None."""
    user = getattr(request, "user", None)
    try:
        if user is None or not user.is_authenticated:
            return None
        return user.pk
    except Exception:  # noqa: BLE001 - the database is down: the line is still written
        return None


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_for(request.headers.get(HEADER))
        request.request_id = request_id
        token = _request_id.set(request_id)
        started = time.perf_counter()
        response = None
        try:
            response = self.get_response(request)
            response[HEADER] = request_id
            return response
        finally:
            try:
                self.log(request, response, started)
            finally:
                _request_id.reset(token)

    @staticmethod
    def log(request, response, started) -> None:
        # Until the response is ready: a streamed download's body is sent after this.
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        status = response.status_code if response is not None else 500
        if request.path in QUIET_PATHS and status == 200:
            return
        page_cache = response.get("X-Page-Cache") if response is not None else None
        path = request.path[:MAX_LOGGED_PATH]
        logger.info(
            "%s %s %s %.1fms",
            request.method,
            path,
            status,
            duration_ms,
            extra={
                "event": "request",
                "method": request.method,
                "path": path,
                "status": status,
                "duration_ms": duration_ms,
                "page_cache": page_cache,  # "hit" when the page cache served it, "miss", or None
                "user_id": signed_in_user_id(request),
            },
        )


class RequestIdFilter(logging.Filter):
    """Put the current request's id on every record (NO_REQUEST outside a request).

    Set on the handlers in LOGGING, so records from every logger (Django's, Wagtail's, ours)
    carry it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _request_id.get() or NO_REQUEST
        return True


# What every LogRecord has; anything else on a record was passed as `extra`.
_STANDARD_ATTRIBUTES = frozenset(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
    "message",
    "asctime",
    "request_id",
}
_JSON_TYPES = (str, int, float, bool, type(None))


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request_id, then any extras.

    Only plain values among the extras are written: Django's request logger passes the
    request object itself, whose text would include the query string."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", NO_REQUEST)
        if request_id != NO_REQUEST:
            entry["request_id"] = request_id
        for key, value in record.__dict__.items():
            is_extra = key not in _STANDARD_ATTRIBUTES and not key.startswith("_")
            if is_extra and isinstance(value, _JSON_TYPES):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False)
