"""The admin's edit form refuses what the services refuse about parties (issue 18)."""

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from resource_hub.core.vocabularies import ResourceType
from resource_hub.records.models import AchievementPage


def _data(record, parties):
    return nested_form_data(
        {
            "title": record.title,
            "slug": record.slug,
            "abstract": record.abstract,
            "keywords": "",
            "language": record.language_id,
            "year": record.year,
            "resource_type": ResourceType.objects.get(code="achievement-cooperation-agreement").pk,
            "licence": record.licence_id,
            "access_level": "public",
            "cross_border": "on",
            "signed_on": "2024-09-20",
            "ends_on": "",
            "creators": inline_formset(
                [{"name": "Li Wei", "orcid": "", "affiliation": "", "role": "author"}]
            ),
            "relations": inline_formset([]),
            "translations": inline_formset([]),
            "files": inline_formset([]),
            # The rows the record has are sent deleted, the wanted ones as new rows.
            "parties": inline_formset(
                [
                    {
                        "id": row.pk,
                        "institution": row.institution_id,
                        "role": row.role,
                        "DELETE": "on",
                    }
                    for row in record.parties.all()
                ]
                + [
                    {"institution": i.pk, "role": "party", "joined": "", "left": ""}
                    for i in parties
                ],
                initial=record.parties.count(),
            ),
            "comments": inline_formset([]),
        }
    )


def test_the_admin_refuses_a_china_only_cross_border_agreement(client, world, make_cooperation):
    record = make_cooperation()
    client.force_login(world.admin)
    url = reverse("wagtailadmin_pages:edit", args=[record.pk])

    refused = client.post(url, _data(record, [world.inst_a]))

    assert refused.status_code == 200  # the form again, with the error
    assert (
        "at least one party from China and at least one from an ASEAN" in refused.content.decode()
    )
    draft = AchievementPage.objects.get(pk=record.pk).get_latest_revision_as_object()
    assert [p.institution_id for p in draft.parties.all()] == [world.inst_a.pk, world.inst_b.pk]

    saved = client.post(url, _data(record, [world.inst_b, world.inst_a]))
    assert saved.status_code == 302, saved.content.decode()[:3000]
    draft = AchievementPage.objects.get(pk=record.pk).get_latest_revision_as_object()
    assert [p.institution_id for p in draft.parties.all()] == [world.inst_b.pk, world.inst_a.pk]
