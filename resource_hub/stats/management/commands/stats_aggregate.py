"""manage.py stats_aggregate: count raw usage events into daily COUNTER rows, prune old ones."""

from datetime import date, timedelta

from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resource_hub.core.commands import Command as TranslatedHelpCommand
from resource_hub.core.progress import Progress, add_progress_argument
from resource_hub.stats.aggregation import days_to_aggregate, stats_aggregate, stats_prune


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value!r}") from error


class Command(TranslatedHelpCommand):
    help = _(
        "Count raw view and download events into daily COUNTER rows (Total and Unique item "
        "investigations and requests), replacing the rows of each day counted, then delete "
        "raw events older than STATS_RAW_EVENT_DAYS. Without dates: every day not yet "
        "counted, up to yesterday."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--since",
            metavar="DATE",
            help=_("First day to count again (YYYY-MM-DD); default: the first not yet counted."),
        )
        parser.add_argument(
            "--until",
            metavar="DATE",
            help=_("Last day to count (YYYY-MM-DD); default: yesterday. Today counts so far."),
        )
        parser.add_argument(
            "--no-prune", action="store_true", help=_("Keep old raw events this time.")
        )
        add_progress_argument(parser)

    def handle(self, *args, since, until, no_prune, **options):
        since = _day(since) if since else None
        until = _day(until) if until else timezone.localdate() - timedelta(days=1)
        if since is not None and since > until:
            raise CommandError(f"--since {since} is after --until {until}.")
        days = days_to_aggregate(since=since, until=until)
        progress = Progress.for_command(self, options, total=len(days), label="stats: days")
        with progress:
            results = (
                stats_aggregate(since=days[0], until=until, on_day=lambda _day: progress.advance())
                if days
                else []
            )
        for result in results:
            if result.skipped:
                self.stdout.write(f"{result.day}: raw events pruned; its rows kept as they were")
            elif options["verbosity"] > 1:
                self.stdout.write(f"{result.day}: {result.events} events, {result.rows} rows")
        events = sum(result.events for result in results)
        self.stdout.write(f"{len(results)} days counted from {events} events")
        if not no_prune:
            self.stdout.write(f"{stats_prune()} raw events pruned")
