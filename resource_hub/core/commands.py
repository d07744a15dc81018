"""A base for management commands whose help texts are translatable (lazy) strings.

argparse formats help with regular expressions, which take only real strings:
a lazy translation in `help` or in an argument's `help=` made `--help` crash.
`Command` turns them into strings once the parser is built, in the language
active then (Django's commands run with translations deactivated: English).
"""

from django.core.management.base import BaseCommand
from django.utils.functional import Promise


class Command(BaseCommand):
    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        if isinstance(parser.description, Promise):
            parser.description = str(parser.description)
        for action in parser._actions:
            if isinstance(action.help, Promise):
                action.help = str(action.help)
        return parser
