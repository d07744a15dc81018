"""The document file field: bytes keyed by their content."""

from django.core.files.utils import validate_file_name
from django.db import models

from .naming import document_key


class ContentKeyedFileField(models.FileField):
    """A FileField that stores under documents/<sha256[:2]>/<sha256>/<safe name>.

    The key comes from the instance's `sha256`, measured before the file is
    saved (see facts.py). Unlike FileField it does not pass the name through
    the storage's `get_valid_name` (Django's `get_valid_filename`), which
    would strip Khmer and Myanmar vowel signs: `naming.safe_filename` has
    already made the name safe.
    """

    def generate_filename(self, instance, filename):
        key = document_key(instance.sha256, filename)
        return validate_file_name(key, allow_relative_path=True)
