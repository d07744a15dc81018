"""Sheets, files and counts for the import tests (against the real services)."""

import csv
import io
import zipfile

import pytest

from resource_hub.files.models import ResourceDocument
from resource_hub.records.models import RecordPage

HEADER = [
    "identifier",
    "title",
    "abstract",
    "language",
    "year",
    "resource_type",
    "licence",
    "creators",
    "subject",
    "levels",
    "keywords",
    "files",
    "title[zh]",
    "abstract[zh]",
]


def row(n: int, **overrides) -> dict:
    values = {
        "identifier": f"IMP-{n:05d}",
        "title": f"Rice cultivation, lesson {n}",
        "abstract": f"Lesson {n} of the crop production course.",
        "language": "en",
        "year": "2024",
        "resource_type": "material-lesson-plan",
        "licence": "CC-BY-4.0",
        "creators": "Li Wei <0000-0002-1825-0097> (Yunnan Agricultural University); Nguyen Van An",
        "subject": "0811",
        "levels": "isced-5; sector-vocational",
        "keywords": f"rice; lesson {n}",
        "files": "",
        "title[zh]": f"水稻栽培 第{n}课",
        "abstract[zh]": "",
    }
    values.update(overrides)
    return values


def csv_bytes(rows: list[dict], header=None) -> bytes:
    header = header or list(rows[0]) if rows else HEADER
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def xlsx_bytes(rows: list[dict], header=None) -> bytes:
    from openpyxl import Workbook

    header = header or list(rows[0])
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "records"
    sheet.append(header)
    for values in rows:
        sheet.append([values.get(name, "") for name in header])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def text_file(n: int) -> bytes:
    return f"Worksheet {n}\nPlant the seedlings 20 cm apart. 第{n}号练习。\n".encode()


def zip_bytes(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.fixture
def services(postgres_db, s3_storage, es_client, world):
    """PostgreSQL, the bucket under a prefix of this test, and an empty index of its own."""
    from search import lifecycle

    lifecycle.rebuild()
    return s3_storage


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change and what it queues on commit (indexing, derivatives), inline."""

    def run(change, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return change(*args, **kwargs)

    return run


@pytest.fixture
def state(s3_client, s3_storage, es_client, settings):
    """What an import may write: record and document rows, objects in the bucket, index docs."""
    from search import lifecycle

    def count():
        listed = s3_client.list_objects_v2(Bucket=settings.S3_BUCKET, Prefix=f"{s3_storage}/")
        es_client.indices.refresh(index=lifecycle.alias_name())
        return {
            "records": RecordPage.objects.count(),
            "documents": ResourceDocument.objects.count(),
            "objects": listed.get("KeyCount", 0),
            "indexed": es_client.count(index=lifecycle.alias_name())["count"],
        }

    return count
