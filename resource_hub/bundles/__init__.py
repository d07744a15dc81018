"""Everything of a record or a curated collection in one download.

Two shapes, one way of making them:

- "Download all files": a ZIP of the files the viewer may download, with a
  `manifest.json`, `CITATION.txt` and `LICENSES.txt` (`archive.py`);
- a course package: an IMS Common Cartridge (1.1 for Moodle, 1.3 for Canvas)
  whose `imsmanifest.xml` describes the same records and files (`cartridge.py`).

`contents.py` reads what goes in, once and in a fixed number of queries,
through the access policy; `streaming.py` streams the ZIP from the object
store with its length known in advance (files are stored, not compressed),
reading each object in chunks, so nothing is held whole in memory or on disk.
"""
