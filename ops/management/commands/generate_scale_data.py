import time

from django.core.management.base import BaseCommand

from ops.scale_data import analyze, generate


class ProgressBar:
    """A one-line bar on the command's output: label, done/total, percentage and elapsed time."""

    def __init__(self, stream, label, total):
        self.stream, self.label, self.total, self.done = stream, label, total, 0
        self.started = time.monotonic()

    def __call__(self, step):
        self.done += step
        share = self.done / self.total if self.total else 1
        bar = "#" * int(share * 30)
        elapsed = time.monotonic() - self.started
        line = f"{self.label:<13} [{bar:<30}] {self.done:>7}/{self.total} {share:>4.0%}"
        self.stream.write(f"\r{line} {elapsed:5.0f} s", ending="")
        if self.done >= self.total:
            self.stream.write("")
        self.stream.flush()


class Command(BaseCommand):
    help = "Adds a large synthetic data set in PT and EN for benchmarks (never for a live site)."

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=int, default=100_000)
        parser.add_argument("--case-studies", type=int, default=2_000)
        parser.add_argument("--webinars", type=int, default=500)

    def handle(self, *args, documents, case_studies, webinars, **options):
        started = time.monotonic()
        generate(
            documents,
            case_studies,
            webinars,
            lambda label, total: ProgressBar(self.stdout, label, total),
        )
        analyze()
        self.stdout.write(f"Scale data written in {time.monotonic() - started:.0f} s.")
