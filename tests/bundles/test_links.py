"""The record and collection pages offer the downloads (links only: nothing inline for CSP)."""

import re

from django.urls import reverse


def test_the_record_page_offers_all_files_and_course_packages(client, shelf):
    page = client.get(shelf.public.url).content.decode()

    files_url = reverse("bundles:record_files", args=[shelf.public.pk])
    cartridge_url = reverse("bundles:record_cartridge", args=[shelf.public.pk])
    assert f'href="{files_url}"' in page
    assert "Download all files" in page
    assert re.search(r"\(ZIP, 24\.\d\xa0KB\)", page)  # the files' total, for slow connections
    assert f'href="{cartridge_url}?version=1.1"' in page
    assert f'href="{cartridge_url}?version=1.3"' in page


def test_the_collection_page_offers_them_too(client, shelf):
    page = client.get(shelf.collection.url).content.decode()

    assert f'href="{reverse("bundles:collection_files", args=[shelf.collection.pk])}"' in page
    cartridge_url = reverse("bundles:collection_cartridge", args=[shelf.collection.pk])
    assert f'href="{cartridge_url}?version=1.1"' in page


def test_the_collection_link_weighs_only_what_the_viewer_gets(client, shelf, world):
    weight = re.compile(r"\(ZIP, ([\d.]+)\xa0KB\)")

    visitor = weight.search(client.get(shelf.collection.url).content.decode())
    client.force_login(world.member_a)
    member = weight.search(client.get(shelf.collection.url).content.decode())

    assert visitor and member, "the collection's link says how much it weighs"
    assert float(member.group(1)) > float(visitor.group(1))  # members-only files count for members
