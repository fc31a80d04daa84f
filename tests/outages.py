"""Real broken servers for outage tests: a port nothing listens on, and tiny servers on
threads that accept a connection and then hang, answer garbage, or answer like an engine.

Nothing is mocked: the site's own HTTP client talks to these over real sockets.
"""

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from socketserver import BaseRequestHandler, ThreadingTCPServer


def closed_port() -> int:
    """A local port with nothing listening: connecting is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def closed_port_url(scheme: str = "http") -> str:
    return f"{scheme}://127.0.0.1:{closed_port()}"


class _Server:
    def __init__(self, server):
        self.server = server
        self.thread = threading.Thread(target=server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


class _Hang(BaseRequestHandler):
    def handle(self):
        # Read the request, then say nothing until the server is shut down.
        self.request.recv(65536)
        self.server.stop.wait(30)


class _Garbage(BaseRequestHandler):
    def handle(self):
        self.request.recv(65536)
        self.request.sendall(b"\x00\x01 this is not HTTP at all \xff\r\n\r\n")


def hanging_server() -> _Server:
    """Accepts, reads the request and never answers."""
    server = ThreadingTCPServer(("127.0.0.1", 0), _Hang)
    server.daemon_threads = True
    server.stop = threading.Event()
    wrapped = _Server(server)
    shutdown = server.shutdown

    def stop_then_shutdown():
        server.stop.set()
        shutdown()

    server.shutdown = stop_then_shutdown
    return wrapped


def garbage_server() -> _Server:
    """Accepts and answers bytes that are not HTTP."""
    server = ThreadingTCPServer(("127.0.0.1", 0), _Garbage)
    server.daemon_threads = True
    return _Server(server)


class _Engine(BaseHTTPRequestHandler):
    def do_GET(self):
        self._answer({"tagline": "a tiny stand-in"})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode()
        self.server.requests.append((self.path, body))
        self._answer({"took": 1, "errors": False, "items": []})

    def _answer(self, payload):
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def answering_engine() -> _Server:
    """Answers GET / and takes every bulk write with "no errors", recording what it was sent
    (`.server.requests`: (path, body) pairs): an engine that is back, for the sync tests."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Engine)
    server.daemon_threads = True
    server.requests = []
    return _Server(server)
