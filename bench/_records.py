"""Records for benchmarks, made with the record services as a teacher's would be.

`bench_institution` gives a fresh institution (and its collection) owned by a
benchmark superuser; `teaching_resource` a draft in it. Import after
`django.setup()`.
"""

import uuid

from django.contrib.auth import get_user_model

from resource_hub.core.vocabularies import Country, Language, Licence, ResourceType
from resource_hub.institutions.services import institution_create
from resource_hub.portal.services import site_bootstrap
from resource_hub.records.models import TeachingResourcePage
from resource_hub.records.services import record_create_draft


def bench_admin(name: str):
    """The superuser `bench-<name>-admin`, made on first use."""
    username = f"bench-{name}-admin"
    user_model = get_user_model()
    admin = user_model.objects.filter(username=username).first()
    return admin or user_model.objects.create_superuser(
        username, f"{username}@example.org", uuid.uuid4().hex
    )


def bench_institution(admin, name_en: str, name_local: str):
    """A new Chinese vocational college, on a bootstrapped site."""
    site_bootstrap()
    return institution_create(
        user=admin,
        name_en=name_en,
        name_local=name_local,
        country=Country.objects.get(code="CN"),
        institution_type="vocational_college",
    )


def teaching_resource(admin, institution, *, title: str, abstract: str):
    """A draft teaching resource in Chinese under CC BY 4.0, by Li Wei."""
    return record_create_draft(
        user=admin,
        institution=institution,
        record_class=TeachingResourcePage,
        title=title,
        abstract=abstract,
        language=Language.objects.get(code="zh"),
        resource_type=ResourceType.objects.filter(applies_to="material").first(),
        licence=Licence.objects.get(code="CC-BY-4.0"),
        year=2026,
        creators=[{"name": "Li Wei"}],
    )
