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
