"""Past 4 GiB the archive needs ZIP64 records; its announced length stays exact.

A sparse file on local storage stands for an object just over 4 GiB: reading it costs
no disk, so the real streaming path (`object_chunks`, zipstream-ng, the CRC)
runs over every byte in a few seconds.
"""

import struct

from resource_hub.bundles.streaming import Member, sized_zip

GIB = 1024**3


def test_a_member_past_4_gib_streams_with_zip64_records(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(tmp_path)
    size = 4 * GIB + 1024 * 1024  # just past what a ZIP without ZIP64 can hold
    with (tmp_path / "big.bin").open("wb") as sparse:
        sparse.truncate(size)

    archive = sized_zip(
        [Member("notes.txt", 6, b"notes\n"), Member("big/big.bin", size, name="big.bin")]
    )
    announced = len(archive)

    total, tail = 0, b""
    for chunk in archive:
        total += len(chunk)
        tail = (tail + chunk)[-4096:]
    assert total == announced > size
    # ZIP64 end of central directory record and locator, then the classic record.
    record = tail.rindex(b"PK\x06\x06")
    locator = tail.rindex(b"PK\x06\x07")
    assert record < locator < tail.rindex(b"PK\x05\x06")
    entries, _entries_here, directory_size, directory_offset = struct.unpack(
        "<QQQQ", tail[record + 24 : record + 56]
    )
    assert entries == 2
    assert directory_offset > 4 * GIB
    assert directory_offset + directory_size == total - (len(tail) - record)
