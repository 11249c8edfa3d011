from django.core.management.base import BaseCommand

from editorial.admin_catalogue import DOMAINS, untranslated


class Command(BaseCommand):
    help = "Lists Wagtail's admin strings that the Portuguese admin shows in English."

    def add_arguments(self, parser):
        parser.add_argument("--count", action="store_true", help="Only the number per domain.")

    def handle(self, *args, count=False, **options):
        for domain in DOMAINS:
            missing = untranslated(domain)
            self.stdout.write(f"{domain}: {len(missing)} untranslated")
            if count:
                continue
            for message in missing:
                context = f" [{message.context}]" if message.context else ""
                self.stdout.write(f"  {message.msgid!r}{context}")
