"""`make run` on a bare machine uses SQLite: the database search works there too,
without the PostgreSQL gram index (its migration is a no-op there) and on the
text alone. In a subprocess, on a fresh SQLite file: migrate, release a record
through the services, search it."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHECK = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from resource_hub.access.viewers import viewer_of
from resource_hub.core.vocabularies import Country, Language, Licence, ResourceType
from resource_hub.institutions.services import institution_create
from resource_hub.portal.services import site_bootstrap
from resource_hub.records.models import TeachingResourcePage
from resource_hub.records.services import record_create_draft, record_release
from search.fallback import database_search
from search.fallback_index import GIN_INDEX
from search.params import SearchParams

assert connection.vendor == "sqlite", connection.vendor
with connection.cursor() as cursor:
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
    assert GIN_INDEX not in {row[0] for row in cursor.fetchall()}
site_bootstrap()
admin = get_user_model().objects.create_superuser("check", "check@example.org", "x")
institution = institution_create(
    user=admin, name_en="Check College", name_local="วิทยาลัย",
    country=Country.objects.get(code="TH"), institution_type="university",
)
record = record_create_draft(
    user=admin, institution=institution, record_class=TeachingResourcePage,
    title="水稻栽培技术", abstract="บทเรียนการเขียนโปรแกรมสำหรับนักเรียน Pendidikan kejuruan",
    keywords=["ngữ pháp"], language=Language.objects.get(code="zh"),
    resource_type=ResourceType.objects.filter(applies_to="material").first(),
    licence=Licence.objects.get(code="CC-BY-4.0"), year=2025, creators=[{"name": "Li Wei"}],
)
record_release(user=admin, record=record)
viewer = viewer_of(AnonymousUser())
for q in ["水稻", "栽培", "โปรแกรม", "DIDIK", "ngữ", "li wei"]:
    result = database_search(SearchParams(q=q, viewer=viewer), reason="check")
    assert [hit.title for hit in result.hits] == ["水稻栽培技术"], (q, result.hits)
assert database_search(SearchParams(q="水稻 absent", viewer=viewer), reason="check").total == 0
print("the SQLite database search found every word")
"""


def test_the_database_search_works_on_sqlite(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "resource_hub.settings.dev",
        "ELASTICSEARCH_URL": "",
    }

    def manage(*args, **kwargs):
        return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
            [sys.executable, str(ROOT / "manage.py"), *args],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False, **kwargs,
        )  # fmt: skip

    migrated = manage("migrate", "--noinput")
    assert migrated.returncode == 0, migrated.stderr[-2000:]
    checked = manage("shell", "-c", CHECK)
    assert checked.returncode == 0, checked.stderr[-2000:]
    assert "found every word" in checked.stdout
