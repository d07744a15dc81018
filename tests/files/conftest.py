import pytest

from .factories import CollectionFactory, UserFactory


@pytest.fixture
def collection(db):
    return CollectionFactory(name="Royal University of Phnom Penh")


@pytest.fixture
def uploader(collection):
    """A teacher who may add documents to `collection` (and nowhere else)."""
    return UserFactory(can_add_documents_to=collection)


@pytest.fixture
def bucket_keys(s3_client, s3_storage, settings):
    """A function listing the object keys under the test's prefix, without the prefix."""

    def keys():
        listed = s3_client.list_objects_v2(Bucket=settings.S3_BUCKET, Prefix=f"{s3_storage}/")
        return sorted(
            item["Key"].removeprefix(f"{s3_storage}/") for item in listed.get("Contents", [])
        )

    return keys


class S3Objects:
    """The test's prefix in the real bucket, reached around the site's code."""

    kind = "s3"

    def __init__(self, client, bucket, prefix):
        self.client, self.bucket, self.prefix = client, bucket, prefix

    def key(self, name):
        return f"{self.prefix}/{name}"

    def put(self, name, data: bytes):
        self.client.put_object(Bucket=self.bucket, Key=self.key(name), Body=data)

    def get(self, name) -> bytes:
        return self.client.get_object(Bucket=self.bucket, Key=self.key(name))["Body"].read()

    def delete(self, name):
        self.client.delete_object(Bucket=self.bucket, Key=self.key(name))

    def names(self):
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=f"{self.prefix}/"
        )
        return sorted(
            item["Key"].removeprefix(f"{self.prefix}/")
            for page in pages
            for item in page.get("Contents", [])
        )

    def multipart_uploads(self):
        """(name, upload id) of every unfinished multipart upload under the prefix."""
        pages = self.client.get_paginator("list_multipart_uploads").paginate(
            Bucket=self.bucket, Prefix=f"{self.prefix}/"
        )
        return sorted(
            (item["Key"].removeprefix(f"{self.prefix}/"), item["UploadId"])
            for page in pages
            for item in page.get("Uploads", [])
        )

    def cleanup(self):
        for name, upload_id in self.multipart_uploads():
            self.client.abort_multipart_upload(
                Bucket=self.bucket, Key=self.key(name), UploadId=upload_id
            )


class LocalObjects:
    """MEDIA_ROOT as a folder on disk."""

    kind = "local"

    def __init__(self, root):
        self.root = root

    def put(self, name, data: bytes):
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    def get(self, name) -> bytes:
        return (self.root / name).read_bytes()

    def delete(self, name):
        (self.root / name).unlink()

    def names(self):
        return sorted(
            path.relative_to(self.root).as_posix()
            for path in self.root.rglob("*")
            if path.is_file()
        )

    def cleanup(self):
        pass


@pytest.fixture
def s3_objects(s3_client, s3_storage, settings):
    """The site's storage on the real S3 server, under the test's own prefix."""
    store = S3Objects(s3_client, settings.S3_BUCKET, s3_storage)
    yield store
    store.cleanup()


@pytest.fixture
def local_objects(settings, tmp_path):
    """The site's storage on a local MEDIA_ROOT of the test's own."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return LocalObjects(tmp_path / "media")


@pytest.fixture(params=["s3", "local"])
def objects(request):
    """The site's storage, once on the real S3 server and once on a local MEDIA_ROOT."""
    return request.getfixturevalue(f"{request.param}_objects")


@pytest.fixture
def local_storage(settings, tmp_path):
    """Django's default storage as a local folder (MEDIA_ROOT), as `make run` has it."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path
