"""Start the action server and the Rasa server as a user would, on free ports."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import requests

from bot import PROJECT_ROOT

VENV_BIN = Path(sys.executable).parent
MODEL = PROJECT_ROOT / "models" / "tro-ly.tar.gz"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_http(url: str, process: subprocess.Popen, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} not ready after {timeout} s:\n{log.read_text()[-3000:]}")


@dataclass
class Servers:
    rasa_url: str
    actions_url: str
    workdir: Path
    processes: List[subprocess.Popen]
    logs: List[Path]
    tracker_db: Path
    extra_rasa_urls: List[str] = field(default_factory=list)

    def send(self, sender: str, text: str, timeout: float = 30) -> List[Dict]:
        response = requests.post(
            f"{self.rasa_url}/webhooks/rest/webhook",
            json={"sender": sender, "message": text},
            timeout=timeout,
        )
        response.raise_for_status()
        return response.json()

    def tracker(self, sender: str) -> Dict:
        response = requests.get(f"{self.rasa_url}/conversations/{sender}/tracker", timeout=30)
        response.raise_for_status()
        return response.json()

    def log_text(self, since: Optional[Dict[Path, int]] = None) -> str:
        """Both servers' logs, from the offsets in ``since`` (see ``log_offsets``)."""
        parts = []
        for log in self.logs:
            data = log.read_bytes()[(since or {}).get(log, 0):]
            parts.append(data.decode("utf-8", errors="replace"))
        return "\n".join(parts)

    def log_offsets(self) -> Dict[Path, int]:
        return {log: log.stat().st_size for log in self.logs}

    @property
    def rasa_urls(self) -> List[str]:
        return [self.rasa_url] + self.extra_rasa_urls

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def start(workdir: Path, env: Optional[Dict[str, str]] = None, model: Path = MODEL,
          stores: Optional[str] = None, rasa_processes: int = 1) -> Servers:
    """Action server + Rasa server(s) (REST channel).

    By default one Rasa server with an SQLite tracker store in ``workdir``;
    ``stores`` replaces the tracker/lock store section (several Rasa processes
    need a shared tracker store and a Redis lock store).
    """
    workdir.mkdir(parents=True, exist_ok=True)
    actions_port, rasa_port = free_port(), free_port()
    tracker_db = workdir / "tracker.db"
    endpoints = workdir / "endpoints.yml"
    default_stores = (f"tracker_store:\n  type: bot.privacy.tracker_store.RedactingSQLTrackerStore\n"
                      f"  dialect: sqlite\n  db: {tracker_db}\n")
    endpoints.write_text(
        f"action_endpoint:\n  url: http://127.0.0.1:{actions_port}/webhook\n  enable_selective_domain: true\n"
        + (stores or default_stores),
        encoding="utf-8",
    )
    environment = {
        **os.environ,
        "PYTHONPATH": str(PROJECT_ROOT),
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        # fewer glibc malloc arenas: TensorFlow's threads otherwise each keep one
        "MALLOC_ARENA_MAX": "2",
        **(env or {}),
    }
    actions_log = workdir / "actions.log"
    processes = [
        subprocess.Popen(
            [str(VENV_BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", str(actions_port)],
            cwd=PROJECT_ROOT, env=environment, stdout=actions_log.open("w"), stderr=subprocess.STDOUT,
        ),
    ]
    logs, ports = [actions_log], [rasa_port] + [free_port() for _ in range(rasa_processes - 1)]
    for index, port in enumerate(ports):
        log = workdir / ("rasa.log" if index == 0 else f"rasa{index}.log")
        logs.append(log)
        processes.append(subprocess.Popen(
            [str(VENV_BIN / "rasa"), "run", "--enable-api", "--cors", "*", "--port", str(port),
             "--model", str(model), "--endpoints", str(endpoints),
             "--credentials", str(PROJECT_ROOT / "credentials.yml")],
            cwd=PROJECT_ROOT, env=environment, stdout=log.open("w"), stderr=subprocess.STDOUT,
        ))
    servers = Servers(
        rasa_url=f"http://127.0.0.1:{rasa_port}",
        actions_url=f"http://127.0.0.1:{actions_port}",
        workdir=workdir, processes=processes, logs=logs, tracker_db=tracker_db,
        extra_rasa_urls=[f"http://127.0.0.1:{port}" for port in ports[1:]],
    )
    try:
        _wait_http(f"{servers.actions_url}/health", processes[0], actions_log, 120)
        for url, process, log in zip(servers.rasa_urls, processes[1:], logs[1:]):
            _wait_http(f"{url}/status", process, log, 300)
    except Exception:
        servers.stop()
        raise
    return servers
