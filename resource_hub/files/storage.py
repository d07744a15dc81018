"""The S3 storage backend: django-storages' S3Storage, lighter per thread.

django-storages gives every thread its own boto3 session (its resources are
not thread-safe), and each session parses botocore's service models again:
about 13 MB per thread that touches the store. Here the sessions share one
botocore data loader, whose caches hold those parsed models once per process
(about 1 MB per extra session, measured). Nothing else changes.
"""

import threading

import botocore.loaders
from storages.backends.s3 import S3Storage as BaseS3Storage

_loader = None
_loader_lock = threading.Lock()


def shared_loader() -> botocore.loaders.Loader:
    global _loader
    with _loader_lock:
        if _loader is None:
            _loader = botocore.loaders.create_loader()
        return _loader


class S3Storage(BaseS3Storage):
    def _create_session(self):
        session = super()._create_session()
        session._session.register_component("data_loader", shared_loader())
        return session
