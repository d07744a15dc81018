"""Fixtures for the preflight checks: a bucket of our own, a tiny SMTP server, a silent node."""

import socket
import socketserver
import threading
import uuid

import pytest


@pytest.fixture
def own_bucket(s3_client, settings):
    """A bucket of this test's own, made the site's storage (under a key prefix); removed after.

    Tests change its ACL, which they must never do to the shared bucket.
    """
    name = f"rh-deploy-{uuid.uuid4().hex[:12]}"
    s3_client.create_bucket(Bucket=name)
    storages = {**settings.STORAGES}
    storages["default"] = {
        **storages["default"],
        "OPTIONS": {**storages["default"]["OPTIONS"], "bucket_name": name, "location": "site"},
    }
    settings.STORAGES = storages
    yield name
    for item in s3_client.list_objects_v2(Bucket=name).get("Contents", []):
        s3_client.delete_object(Bucket=name, Key=item["Key"])
    s3_client.delete_bucket(Bucket=name)


def with_storage_options(settings, **options):
    """Change options of the site's storage (settings fixture: restored after the test)."""
    storages = {**settings.STORAGES}
    storages["default"] = {
        **storages["default"],
        "OPTIONS": {**storages["default"]["OPTIONS"], **options},
    }
    settings.STORAGES = storages


class _SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough of SMTP for a client to connect, greet and leave (RFC 5321)."""

    def handle(self):
        self.wfile.write(b"220 preflight-test ESMTP\r\n")
        for line in self.rfile:
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self.wfile.write(b"250 preflight-test\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"502 not implemented\r\n")


@pytest.fixture
def smtp_server():
    """A real SMTP server on a free loopback port; yields the port."""
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SMTPHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture
def closed_port():
    """A loopback port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def silent_port():
    """A loopback port that accepts connections and never answers (a hung node)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    yield sock.getsockname()[1]
    sock.close()
