"""Demo sign-ins: a platform administrator and, per institution, a teacher and an editor.

All share one documented password. Accounts that exist already are left as
they are (get-or-skip), so a second load changes nobody's password.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from resource_hub.core.services import admin_ensure
from resource_hub.institutions.services import Role, membership_add

from .institutions import InstitutionRow

DEMO_PASSWORD = "resource-hub-demo"  # noqa: S105 - printed on purpose; refused outside DEBUG
ADMIN_USERNAME = "demo-admin"
EMAIL_DOMAIN = "example.org"


@dataclass(frozen=True)
class Account:
    username: str
    role: str  # "administrator", "teacher", "editor"
    institution: str  # English name, "" for the administrator


def username(role: str, row: InstitutionRow) -> str:
    return f"{role}.{row.slug}"


def admin_account() -> tuple[object, bool]:
    """The platform administrator (a superuser), through core.services.admin_ensure."""
    return admin_ensure(
        username=ADMIN_USERNAME,
        email=f"{ADMIN_USERNAME}@{EMAIL_DOMAIN}",
        password=DEMO_PASSWORD,
    )


def members(*, admin, pages: dict[str, object], rows: list[InstitutionRow]) -> tuple[dict, int]:
    """A teacher and an editor for each institution: {(role, slug): user} and how many are new."""
    User = get_user_model()
    wanted = {(role, row.slug): row for row in rows for role in Role.CHOICES}
    names = [username(role, row) for (role, _slug), row in wanted.items()]
    existing = {user.username: user for user in User.objects.filter(username__in=names)}
    # Hashing is slow on purpose (~0.3 s each); every demo account has the same
    # published password, so one hash serves them all.
    password_hash = None
    users, created = {}, 0
    for (role, slug), row in wanted.items():
        name = username(role, row)
        user = existing.get(name)
        if user is None:
            password_hash = password_hash or make_password(DEMO_PASSWORD)
            user = _create_member(
                admin=admin, name=name, role=role, page=pages[slug], row=row, hashed=password_hash
            )
            created += 1
        users[(role, slug)] = user
    return users, created


@transaction.atomic
def _create_member(*, admin, name: str, role: str, page, row: InstitutionRow, hashed: str):
    user = get_user_model().objects.create_user(
        username=name,
        email=f"{name}@{EMAIL_DOMAIN}",
        first_name=f"Demo {role}",
        last_name=row.name_en[:150],
    )
    user.password = hashed
    user.save(update_fields=["password"])
    membership_add(user=admin, member=user, institution=page, role=role)
    return user


def listed(rows: list[InstitutionRow], how_many: int = 6) -> list[Account]:
    """The accounts printed at the end: the administrator and the first institutions' members."""
    accounts = [Account(ADMIN_USERNAME, "administrator", "")]
    for row in rows[:how_many]:
        for role in Role.CHOICES:
            accounts.append(Account(username(role, row), role, row.name_en))
    return accounts
