"""Small fake HTTP servers on 127.0.0.1 that stand in for external systems."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional, Tuple

Reply = Tuple[int, Any, float]  # status, body (dict/str/bytes), delay in seconds


class FakeServer:
    """Serves replies chosen by ``route(method, path, headers, body)`` and records requests."""

    def __init__(self, route: Callable[[str, str, Dict[str, str], bytes], Reply]) -> None:
        self.requests: List[Dict[str, Any]] = []
        self._route = route
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k: v for k, v in self.headers.items()}
                outer.requests.append({"method": self.command, "path": self.path, "headers": headers, "body": body})
                status, payload, delay = outer._route(self.command, self.path, headers, body)
                if delay:
                    time.sleep(delay)
                if isinstance(payload, (dict, list)):
                    data, kind = json.dumps(payload).encode(), "application/json"
                elif isinstance(payload, str):
                    data, kind = payload.encode(), "application/json"
                else:
                    data, kind = payload or b"", "application/octet-stream"
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = do_POST = do_PUT = do_DELETE = _handle

            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> "FakeServer":
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._server.shutdown()
        self._server.server_close()
