"""The demo's curated collections: editors' picks, so "Download all files" and the course
package of a collection can be tried on a fresh site. Idempotent (found by slug)."""

from resource_hub.access.records import visible_records
from resource_hub.access.viewers import viewer_of
from resource_hub.records.models import CuratedCollectionItem, CuratedCollectionPage, RecordPage

#: (institution slug, collection slug, title, description, how many records)
COLLECTIONS = [
    (
        "yunnan-agri",
        "starter-kit-agriculture-and-health",
        "Starter kit: agriculture, health and the environment",
        "Released teaching materials with their files, picked by the college's editors "
        "for new teachers across the region.",
        6,
    ),
    (
        "chao-phraya-tech",
        "china-asean-picks",
        "China–ASEAN picks",
        "Materials and achievements from institutions in several countries, with files.",
        8,
    ),
]


def collections_load(*, admin, pages: dict) -> int:
    """Create the demo collections that are missing; how many were created."""
    created = 0
    public = visible_records(viewer_of(None), RecordPage.objects.all())
    with_files = public.filter(files__isnull=False).distinct().order_by("pk")
    for institution_slug, slug, title, description, size in COLLECTIONS:
        institution = pages.get(institution_slug)
        if institution is None or CuratedCollectionPage.objects.filter(slug=slug).exists():
            continue
        picks = list(with_files.values_list("pk", flat=True)[: size * 4 : 4])
        if not picks:
            continue
        collection = CuratedCollectionPage(title=title, slug=slug, description=description)
        collection.items = [
            CuratedCollectionItem(record_id=pk, sort_order=order) for order, pk in enumerate(picks)
        ]
        institution.add_child(instance=collection)
        collection.save_revision(user=admin).publish(user=admin)
        created += 1
    return created
