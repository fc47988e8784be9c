"""A fake provincial dossier system speaking the provider contract."""

import datetime as dt
from contextlib import contextmanager
from urllib.parse import unquote

from bot.dossiers.demo import DEMO_STAMP, demo_dossiers
from bot.dossiers.model import dossier_to_json
from tests.fakes import FakeServer

#: codes whose lookup fails on purpose
FAILING = {
    f"000.00.00.H00-{DEMO_STAMP}-0500": (500, "internal error", 0),
    f"000.00.00.H00-{DEMO_STAMP}-0401": (401, {"error": "unauthorized"}, 0),
    f"000.00.00.H00-{DEMO_STAMP}-0422": (200, "{not json", 0),
}


@contextmanager
def fake_provider(token="e2e-token"):
    records = {d.code: dossier_to_json(d) for d in demo_dossiers(dt.datetime.now(dt.timezone.utc))}

    def route(method, path, headers, body):
        if headers.get("Authorization") != f"Bearer {token}":
            return 401, {"error": "unauthorized"}, 0
        if method != "GET" or not path.startswith("/dossiers/"):
            return 404, {}, 0
        code = unquote(path[len("/dossiers/"):])
        if code in FAILING:
            return FAILING[code]
        if code in records:
            return 200, records[code], 0
        return 404, {"error": "not found"}, 0

    with FakeServer(route) as server:
        yield server
