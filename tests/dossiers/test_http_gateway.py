import time

import pytest

from bot.dossiers.gateway import GatewayMisconfigured, GatewayUnavailable
from bot.dossiers.http import CircuitBreaker, HttpDossierGateway
from tests.dossiers.samples import dossier_json
from tests.fakes import FakeServer

CODE = "000.31.35.H12-251103-0042"


def serve(*replies):
    """Replies in order; the last one repeats."""
    queue = list(replies)

    def route(method, path, headers, body):
        return queue.pop(0) if len(queue) > 1 else queue[0]

    return FakeServer(route)


def gateway(server, **kwargs):
    return HttpDossierGateway(server.url, "secret-token", timeout=kwargs.pop("timeout", 1.0),
                              backoff=0.01, **kwargs)


def test_200_is_parsed_and_the_request_is_authenticated():
    with serve((200, dossier_json(), 0)) as server:
        dossier = gateway(server).get(CODE)
    assert dossier.code == CODE and dossier.status == "processing"
    [request] = server.requests
    assert request["path"] == "/dossiers/000.31.35.H12-251103-0042"
    assert request["headers"]["Authorization"] == "Bearer secret-token"


def test_404_means_unknown_code_without_retry():
    with serve((404, {"error": "not found"}, 0)) as server:
        assert gateway(server).get(CODE) is None
    assert len(server.requests) == 1


@pytest.mark.parametrize("status", [401, 403])
def test_401_403_mean_misconfiguration_without_retry(status, caplog):
    with serve((status, {}, 0)) as server:
        with pytest.raises(GatewayMisconfigured):
            gateway(server).get(CODE)
    assert len(server.requests) == 1
    assert "secret-token" not in caplog.text


def test_500_is_retried_then_fails():
    with serve((500, "oops", 0)) as server:
        with pytest.raises(GatewayUnavailable):
            gateway(server, retries=2).get(CODE)
    assert len(server.requests) == 3


def test_transient_500_then_200_succeeds():
    with serve((503, "", 0), (200, dossier_json(), 0)) as server:
        assert gateway(server).get(CODE).status == "processing"
    assert len(server.requests) == 2


def test_timeout_is_retried_then_fails():
    with serve((200, dossier_json(), 1.5)) as server:
        started = time.monotonic()
        with pytest.raises(GatewayUnavailable):
            gateway(server, timeout=0.3, retries=1).get(CODE)
        assert time.monotonic() - started < 3
    assert len(server.requests) == 2


def test_slow_but_in_time_response_is_accepted():
    with serve((200, dossier_json(), 0.3)) as server:
        assert gateway(server, timeout=2.0).get(CODE) is not None


@pytest.mark.parametrize("body", ["not json", "[]", '{"code": "x"}', {"status": "lost"}])
def test_malformed_bodies_are_provider_failures(body):
    with serve((200, body, 0)) as server:
        with pytest.raises(GatewayUnavailable):
            gateway(server).get(CODE)


def test_repeated_failures_open_the_circuit():
    clock = [0.0]
    breaker = CircuitBreaker(threshold=2, cooldown=30, clock=lambda: clock[0])
    with serve((500, "", 0)) as server:
        gw = gateway(server, retries=0, breaker=breaker)
        for _ in range(2):
            with pytest.raises(GatewayUnavailable):
                gw.get(CODE)
        calls = len(server.requests)
        with pytest.raises(GatewayUnavailable, match="paused"):
            gw.get(CODE)
        assert len(server.requests) == calls  # answered at once, no request
        clock[0] = 31
        with pytest.raises(GatewayUnavailable):
            gw.get(CODE)
        assert len(server.requests) == calls + 1


def test_unreachable_provider():
    gw = HttpDossierGateway("http://127.0.0.1:9", "t", timeout=0.5, retries=0)
    with pytest.raises(GatewayUnavailable):
        gw.get(CODE)


def test_code_is_escaped_in_the_path():
    with serve((404, {}, 0)) as server:
        gateway(server).get("../admin?x=1")
    assert server.requests[0]["path"] == "/dossiers/..%2Fadmin%3Fx%3D1"
