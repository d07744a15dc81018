"""Writes that set the site up. Views, commands and tests call these.

`site_bootstrap`, which also makes pages of other apps, is in portal/services.py.
"""

from django.contrib.auth import get_user_model


def admin_ensure(*, username: str, email: str, password: str) -> tuple[object, bool]:
    """Create a superuser with this password unless the username exists.

    Returns (user, created). An existing account keeps its password.
    """
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is not None:
        return user, False
    user = User.objects.create_superuser(username=username, email=email, password=password)
    return user, True
