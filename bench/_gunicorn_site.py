"""The site under gunicorn with production settings, for benchmarks that measure our
HTTP endpoints (files.py, search.py): one worker process, four threads, so that
one process's memory can be read."""

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
# The server's secret key: API tokens and sessions are signed with it, so the
# benchmark process (which makes them) sets settings.SECRET_KEY to the same.
SECRET_KEY = uuid.uuid4().hex * 2
HTTPS = {"X-Forwarded-Proto": "https"}  # as a TLS-terminating proxy would say


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, *, probe: str, env: dict | None = None) -> subprocess.Popen:
    """Start gunicorn on `port`; returns once `probe` (a path) answers anything."""
    server = subprocess.Popen(  # noqa: S603 - our own application
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "--workers=1",
            "--threads=4",
            f"--bind=127.0.0.1:{port}",
            "--timeout=3600",
            "resource_hub.wsgi:application",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "resource_hub.settings.production",
            "SECRET_KEY": SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_PROXY_SSL_HEADER_ENABLED": "1",
            # The API's rate limits stay in the path (their counts are still kept)
            # but never refuse: a benchmark measures the work, not the limit.
            "API_THROTTLE_ANONYMOUS": "1000000/m",
            "API_THROTTLE_USER": "1000000/m",
            **(env or {}),
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(150):
        try:
            requests.get(f"http://127.0.0.1:{port}{probe}", headers=HTTPS, timeout=30)
            return server
        except requests.ConnectionError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the Django server did not start")
