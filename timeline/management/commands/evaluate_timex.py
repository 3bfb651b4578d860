"""`manage.py evaluate_timex [DIR]`: score the date tagger and a dateparser baseline against MEANTIME."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.evaluation.timex import corpus_report, load_corpus


class Command(BaseCommand):
    help = "Score TIMEX3 tagging against MEANTIME (TempEval-3 rules), ours and plain dateparser.search_dates."

    def add_arguments(self, parser: CommandParser) -> None:
        default = Path(settings.BASE_DIR).parent / "shared" / "data" / "meantime_en"
        parser.add_argument("directory", nargs="?", default=str(default), help="the MEANTIME English folder")
        parser.add_argument("--no-baseline", action="store_true", help="skip the dateparser baseline")
        parser.add_argument("--errors", type=int, default=0, metavar="N", help="list N of our errors")

    def handle(self, *args: Any, directory: str, no_baseline: bool, errors: int, **options: Any) -> None:
        path = Path(directory)
        if not path.is_dir():
            raise CommandError(f"{path} is not a folder (expected MEANTIME's English section)")
        documents = load_corpus(path)
        if not documents:
            raise CommandError(f"no MEANTIME XML documents under {path}")
        for text in corpus_report(documents, baseline=not no_baseline, errors=errors):
            self.stdout.write(text)
