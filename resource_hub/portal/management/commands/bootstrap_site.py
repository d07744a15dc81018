from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from resource_hub.core.services import admin_ensure
from resource_hub.portal.services import site_bootstrap

DEV_PASSWORD = "resource-hub-admin"  # noqa: S105 - printed for local development only


class Command(BaseCommand):
    help = (
        "Create the home page, the default site (at SITE_BASE_URL) and an administrator "
        "account (idempotent)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--admin-username", default="admin")
        parser.add_argument("--admin-email", default="admin@example.org")
        parser.add_argument(
            "--admin-password",
            help="Required outside DEBUG; in development defaults to a printed password.",
        )

    def handle(self, *args, admin_username, admin_email, admin_password, **options):
        if admin_password is None:
            if not settings.DEBUG:
                raise CommandError(
                    "Give --admin-password: the development default is refused when DEBUG is off."
                )
            admin_password = DEV_PASSWORD
        home = site_bootstrap()
        self.stdout.write(f"Home page: {home.title} (id {home.pk})")
        self.stdout.write(f"Site address: {home.get_site().root_url} (from SITE_BASE_URL)")
        user, created = admin_ensure(
            username=admin_username, email=admin_email, password=admin_password
        )
        if created:
            self.stdout.write(self.style.SUCCESS(f"Created administrator {admin_username!r}."))
        if user.check_password(admin_password):
            self.stdout.write(
                self.style.SUCCESS(
                    f"Admin sign-in: username {admin_username}  password {admin_password}"
                )
            )
        else:
            self.stdout.write(f"Administrator {admin_username!r} exists with a password you chose.")
