"""zipstream-ng is given zlib-ng's crc32 when installed: the same CRC-32, ~15 times faster."""

import io
import os
import zipfile
import zlib

import zipstream.ng

from resource_hub.bundles import streaming
from resource_hub.bundles.streaming import Member, sized_zip


def test_zlib_ngs_crc32_is_the_zip_crc32_and_zipstream_uses_it():
    from zlib_ng import zlib_ng  # a dependency (pyproject.toml): never skipped

    assert streaming.fast_crc32 is zlib_ng.crc32
    assert zipstream.ng.crc32 is zlib_ng.crc32
    data = os.urandom(3 * 1024 * 1024 + 17)
    running_zlib = running_fast = 0
    for start in range(0, len(data), 1 << 20):  # chunk by chunk, as a member streams
        running_zlib = zlib.crc32(data[start : start + (1 << 20)], running_zlib)
        running_fast = zlib_ng.crc32(data[start : start + (1 << 20)], running_fast)
    assert running_fast == running_zlib == zlib.crc32(data)


def test_the_members_crc_in_the_archive_is_the_crc32_of_their_bytes():
    data = os.urandom(200_000)
    body = b"".join(sized_zip([Member("a/b.bin", len(data), data=data)]))
    archive = zipfile.ZipFile(io.BytesIO(body))
    assert zlib.crc32(data) == archive.getinfo("a/b.bin").CRC
    assert archive.testzip() is None
