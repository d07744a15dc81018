"""The site under gunicorn with production settings, for benchmarks that measure our
HTTP endpoints (files.py, search.py, api.py, load.py): by default one worker process,
four threads, so that one process's memory can be read."""

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


def start_server(
    port: int,
    *,
    probe: str,
    env: dict | None = None,
    workers: int | None = 1,
    deployed: bool = False,
) -> subprocess.Popen:
    """Start gunicorn on `port`; returns once `probe` (a path) answers anything.

    By default one worker process of four threads, without timeouts. `deployed`
    takes deploy/gunicorn.conf.py, as a server runs it (`workers` None keeps its
    count); its log lines go nowhere.
    """
    if deployed:
        options = [f"--config={ROOT / 'deploy' / 'gunicorn.conf.py'}"]
        options += [f"--workers={workers}"] if workers else []
    else:
        options = [f"--workers={workers or 1}", "--threads=4", "--timeout=3600"]
    server = subprocess.Popen(  # noqa: S603 - our own application
        [
            str(Path(sys.executable).with_name("gunicorn")),
            *options,
            f"--bind=127.0.0.1:{port}",
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


def production_static(folder: Path, server_env: dict | None = None) -> dict:
    """Production settings with their static files collected into `folder`.

    Production serves static files through ManifestStaticFilesStorage, so a page
    needs the manifest `collectstatic` writes into STATIC_ROOT; a settings module
    of the benchmark's own (production's, with STATIC_ROOT in `folder`) keeps the
    working tree's `static/` out of it. Returns the server's environment (give
    it to start_server and to task workers).
    """
    (folder / "bench_production_settings.py").write_text(
        "from resource_hub.settings.production import *  # noqa: F403\n"
        f"STATIC_ROOT = {str(folder / 'static')!r}\n"
    )
    env = {
        **(server_env or {}),
        "DJANGO_SETTINGS_MODULE": "bench_production_settings",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")])),
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity=0"],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
        stderr=subprocess.DEVNULL,
    )
    return env
