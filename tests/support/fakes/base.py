"""Small fake platform servers for tests: real HTTP on 127.0.0.1, one thread each.

Each fake follows its platform's documented request and response shapes and
keeps a record of what was posted, so a test can count posts on the "platform"
side. Failures can be injected per request or at random (chaos):

- ``500``: the platform answers with a server error and does nothing;
- ``429``: rate limited, with the platform's retry headers;
- ``drop``: the connection closes before the request is handled;
- ``drop_after``: the request is handled (the post exists!) but the answer is lost;
- ``500_after``: the request is handled (the post exists!), then the platform answers with a server error;
- ``slow_after``: handled, then the answer comes too late for the client's timeout;
- ``expired_token`` / ``invalid_media``: the platform's own error for those.
"""

import json
import random
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ANSWERED_MODES = {"500", "429", "expired_token", "invalid_media"}


class Clock:
    """Real time plus an offset the test can advance (shared by the fakes and the worker's ``now``)."""

    def __init__(self):
        self.offset = 0.0

    def time(self):
        return time.time() + self.offset

    def now(self):
        from datetime import datetime

        return datetime.fromtimestamp(self.time(), tz=UTC)

    def advance(self, seconds):
        self.offset += seconds

    def jump_to(self, moment):
        self.offset += max(0.0, moment.timestamp() - self.time())


@dataclass
class Request:
    method: str
    path: str
    query: dict
    headers: dict
    body: bytes
    form: dict = field(default_factory=dict)
    files: dict = field(default_factory=dict)
    json: object = None
    url: str = ""
    match: object = None

    def param(self, name, default=None):
        for source in (self.query, self.form, self.json if isinstance(self.json, dict) else {}):
            if name in source:
                return source[name]
        return default


@dataclass
class Response:
    status: int = 200
    body: object = None
    headers: dict = field(default_factory=dict)
    raw: bytes | None = None
    content_type: str = "application/json"


class Problem(Exception):
    """Raised by a route handler to answer with an error."""

    def __init__(self, response):
        self.response = response


def parse_body(content_type, body):
    form, files, data = {}, {}, None
    if not body:
        return form, files, data
    if content_type.startswith("application/json"):
        data = json.loads(body.decode())
    elif content_type.startswith("application/x-www-form-urlencoded"):
        form = {k: v[0] for k, v in parse_qs(body.decode(), keep_blank_values=True).items()}
    elif content_type.startswith("multipart/form-data"):
        message = BytesParser(policy=HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + body
        )
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            if part.get_filename():
                files[name] = {"filename": part.get_filename(), "content": payload,
                               "content_type": part.get_content_type()}
            else:
                form[name] = payload.decode()
    return form, files, data


class FakePlatform:
    name = "fake"

    def __init__(self, clock=None):
        self.clock = clock or Clock()
        self.lock = threading.RLock()
        self.calls = []  # (method, path) of every request received
        self.injected = []  # (mode, method, path) of every failure injected, for a test to compare with
        self.queued_failures = []  # [mode, method, path regex, remaining]
        self.chaos_rate = 0.0
        self.chaos_modes = ()
        self.chaos_only = None  # regex of paths chaos applies to
        self.rng = random.Random(0)
        self.slow_seconds = 1.5
        self.latency = 0.0  # seconds every answer waits (the bench's "nearby API"; tests leave it at 0)
        self.routes = []
        self.setup_routes()
        handler = type("Handler", (_Handler,), {"platform": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, name=f"fake-{self.name}", daemon=True)

    # life cycle -----------------------------------------------------------------------------
    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    @property
    def url(self):
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    # routes ---------------------------------------------------------------------------------
    def setup_routes(self):
        raise NotImplementedError

    def route(self, method, pattern, handler):
        self.routes.append((method, re.compile(f"^{pattern}$"), handler))

    # failure injection ------------------------------------------------------------------------
    def fail_next(self, mode, *, method=None, path=None, times=1):
        with self.lock:
            self.queued_failures.append([mode, method, re.compile(path) if path else None, times])

    def chaos(self, rate, modes=("500", "429", "drop", "drop_after"), seed=0, only=None):
        self.chaos_rate = rate
        self.chaos_modes = tuple(modes)
        self.chaos_only = re.compile(only) if only else None
        self.rng = random.Random(seed)

    def calm(self):
        self.chaos_rate = 0.0
        self.queued_failures.clear()

    def pick_failure(self, request):
        with self.lock:
            for entry in self.queued_failures:
                mode, method, path, remaining = entry
                if (method is None or method == request.method) and (path is None or path.search(request.path)):
                    entry[3] -= 1
                    if entry[3] <= 0:
                        self.queued_failures.remove(entry)
                    self.injected.append((mode, request.method, request.path))
                    return mode
            if self.chaos_rate and (self.chaos_only is None or self.chaos_only.search(request.path)):
                if self.rng.random() < self.chaos_rate:
                    mode = self.rng.choice(self.chaos_modes)
                    self.injected.append((mode, request.method, request.path))
                    return mode
        return None

    # platform-specific answers for injected failures -------------------------------------
    def failure_response(self, mode, request):
        raise NotImplementedError

    # dispatch -------------------------------------------------------------------------------
    def dispatch(self, request):
        for method, pattern, handler in self.routes:
            if method == request.method:
                match = pattern.match(request.path)
                if match:
                    request.match = match
                    try:
                        return handler(request, **match.groupdict())
                    except Problem as problem:
                        return problem.response
        return Response(404, {"error": "not found", "path": request.path})


class _Handler(BaseHTTPRequestHandler):
    platform = None
    protocol_version = "HTTP/1.1"  # keep-alive, like the real APIs
    disable_nagle_algorithm = True  # headers and body go out at once, no 40 ms delayed-ACK stalls

    def log_message(self, format, *args):  # keep test output quiet
        pass

    def _handle(self):
        platform = self.platform
        split = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        content_type = self.headers.get("Content-Type", "")
        try:
            form, files, data = parse_body(content_type, body)
        except (ValueError, UnicodeDecodeError):
            form, files, data = {}, {}, None
        request = Request(
            method=self.command, path=split.path,
            query={k: v[0] for k, v in parse_qs(split.query, keep_blank_values=True).items()},
            headers={k.lower(): v for k, v in self.headers.items()}, body=body, form=form, files=files, json=data,
            url=f"{platform.url}{self.path}",
        )
        with platform.lock:
            platform.calls.append((request.method, request.path))
        if platform.latency:
            time.sleep(platform.latency)
        mode = platform.pick_failure(request)
        if mode == "drop":
            self.close_connection = True
            return
        if mode in ANSWERED_MODES:
            return self._send(platform.failure_response(mode, request))
        response = platform.dispatch(request)
        if mode == "drop_after":
            self.close_connection = True
            return
        if mode == "500_after":
            return self._send(platform.failure_response("500", request))
        if mode == "slow_after":
            time.sleep(platform.slow_seconds)
        self._send(response)

    def _send(self, response):
        if response.raw is not None:
            payload = response.raw
        elif response.body is None:
            payload = b""
        elif isinstance(response.body, (bytes, str)):
            payload = response.body.encode() if isinstance(response.body, str) else response.body
        else:
            payload = json.dumps(response.body).encode()
        try:
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(payload)))
            for key, value in response.headers.items():
                self.send_header(key, str(value))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass

    do_GET = do_POST = do_DELETE = do_PUT = _handle


def bearer_token(request):
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith(("bearer ", "oauth ")):
        return auth.split(" ", 1)[1].strip()
    return request.param("access_token")
