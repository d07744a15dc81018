"""Thumbnails: PDF first pages through PDFium, images through Pillow, office previews."""

import io
import os
import subprocess
import sys

import pytest
from PIL import Image

from resource_hub.files.errors import ThumbnailFailed
from resource_hub.files.sniffing import sniff_bytes
from resource_hub.files.thumbnails import MAX_PIXELS, THUMBNAIL_WIDTH, make_thumbnail

from . import samples


def thumbnail_of(content: bytes):
    return make_thumbnail(io.BytesIO(content), sniff_bytes(content))


def opened(thumbnail) -> Image.Image:
    image = Image.open(io.BytesIO(thumbnail.data))
    assert image.format == thumbnail.extension.upper()
    assert image.size == (thumbnail.width, thumbnail.height)
    return image


def test_pdf_first_page_is_rendered_at_the_thumbnail_width():
    content = samples.pdf_with_text([("zh", "水稻栽培技术 " * 40), ("en", "second page")])

    thumbnail = thumbnail_of(content)

    image = opened(thumbnail).convert("L")
    assert image.width == THUMBNAIL_WIDTH
    assert abs(image.height - THUMBNAIL_WIDTH * 297 / 210) <= 1  # A4 portrait
    darkest, lightest = image.getextrema()
    assert lightest > 240 and darkest < 100  # a white page with the text drawn on it


def test_large_images_are_scaled_down_and_small_ones_kept():
    big = thumbnail_of(samples.png(size=(2000, 1000)))
    small = thumbnail_of(samples.png(size=(40, 30)))

    assert (big.width, big.height) == (480, 240)
    assert (small.width, small.height) == (40, 30)
    assert opened(big).getpixel((10, 10))[:3] == pytest.approx((200, 30, 30), abs=8)


def test_an_image_over_the_pixel_limit_fails_without_being_decoded():
    out = io.BytesIO()
    Image.new("1", (10_000, MAX_PIXELS // 10_000 + 1)).save(out, "PNG")

    with pytest.raises(ThumbnailFailed, match="megapixels"):
        thumbnail_of(out.getvalue())


def test_a_truncated_image_fails():
    content = samples.png(size=(300, 300))

    with pytest.raises(ThumbnailFailed):
        make_thumbnail(io.BytesIO(content[:120]), sniff_bytes(content))


def test_a_damaged_pdf_fails():
    with pytest.raises(ThumbnailFailed, match="PDFium"):
        thumbnail_of(b"%PDF-1.7\n" + b"\x00garbage" * 100 + b"\nstartxref\n9\n%%EOF\n")
    with pytest.raises(ThumbnailFailed, match="does not end with a trailer"):
        thumbnail_of(b"%PDF-1.7\n" + b"\x00garbage" * 100)


def test_svg_and_sounds_have_no_thumbnail():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

    assert thumbnail_of(svg) is None
    assert thumbnail_of(samples.wav()) is None
    assert thumbnail_of(samples.odf("text")) is None  # no embedded preview


def test_the_preview_embedded_in_office_files_is_used():
    preview = samples.png(size=(256, 181))

    from_odp = thumbnail_of(samples.odf("presentation", thumbnail=preview))
    from_pptx = thumbnail_of(samples.pptx())  # python-pptx's template carries one

    assert (from_odp.width, from_odp.height) == (256, 181)
    assert opened(from_odp).getpixel((5, 5))[:3] == pytest.approx((200, 30, 30), abs=8)
    assert opened(from_pptx).width > 0


def test_a_broken_embedded_preview_fails():
    with pytest.raises(ThumbnailFailed):
        thumbnail_of(samples.odf("presentation", thumbnail=b"\x89PNG\r\n\x1a\nnot really"))


def test_a_heic_photo_from_a_phone_gets_a_thumbnail():
    thumbnail = thumbnail_of(samples.heic(size=(640, 480)))

    assert (thumbnail.width, thumbnail.height) == (480, 360)
    assert opened(thumbnail).getpixel((10, 10))[:3] == pytest.approx((200, 30, 30), abs=12)


# A process started as the web server starts (gunicorn imports resource_hub.wsgi),
# then asked for a HEIC thumbnail, as a task run in it would.
WEB_PROCESS = """
import io, sys
import resource_hub.wsgi
print("codec loaded at start:", sys.modules.get("pillow_heif") is not None)
from resource_hub.files.sniffing import sniff_bytes
from resource_hub.files.thumbnails import make_thumbnail
photo = open(sys.argv[1], "rb").read()
thumbnail = make_thumbnail(io.BytesIO(photo), sniff_bytes(photo))
print("thumbnail:", thumbnail.width, thumbnail.height)
"""


def web_process(photo, **env) -> list[str]:
    done = subprocess.run(  # noqa: S603 - this interpreter, our own code
        [sys.executable, "-c", WEB_PROCESS, str(photo)],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_the_web_process_loads_the_heic_codec_only_when_it_makes_a_thumbnail(tmp_path):
    # Its libraries are 4.8 MiB of every web worker, which decodes no HEIC (issue 13).
    photo = tmp_path / "photo.heic"
    photo.write_bytes(samples.heic(size=(640, 480)))

    assert web_process(photo) == ["codec loaded at start: False", "thumbnail: 480 360"]


def test_the_web_process_keeps_the_heic_codec_when_wagtail_images_accept_heic(tmp_path):
    # Then renditions of uploaded HEIC images are made in the web process.
    photo = tmp_path / "photo.heic"
    photo.write_bytes(samples.heic(size=(640, 480)))
    (tmp_path / "heic_settings.py").write_text(
        f"from {os.environ['DJANGO_SETTINGS_MODULE']} import *  # noqa: F403\n"
        'WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "heic"]\n'
    )

    lines = web_process(
        photo,
        DJANGO_SETTINGS_MODULE="heic_settings",
        PYTHONPATH=os.pathsep.join(filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")])),
    )

    assert lines == ["codec loaded at start: True", "thumbnail: 480 360"]
