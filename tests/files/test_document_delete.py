"""Deleting a document (as the Wagtail admin does) removes its object from the real bucket."""

import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from resource_hub.files.models import ResourceDocument

from . import samples

pytestmark = pytest.mark.django_db


def test_the_storage_travels_to_a_task_without_objects_or_credentials(s3_storage):
    path, args, kwargs = default_storage.deconstruct()
    assert (path, args, kwargs) == ("resource_hub.files.storage.S3Storage", (), {})
    json.dumps([path, args, kwargs])  # what a task's arguments must be


def test_deleting_a_document_deletes_its_object(
    collection, s3_storage, s3_objects, django_capture_on_commit_callbacks
):
    document = ResourceDocument(title="Lesson", collection=collection)
    document.file.save("lesson.pdf", ContentFile(samples.pdf(pages=1)), save=False)
    document.save()
    assert s3_objects.names() == [document.file.name]

    with django_capture_on_commit_callbacks(execute=True):
        document.delete()  # Wagtail's handler queues the file's deletion after commit

    assert not ResourceDocument.objects.filter(pk=document.pk).exists()
    assert s3_objects.names() == []
