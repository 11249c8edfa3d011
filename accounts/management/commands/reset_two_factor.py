from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.devices import remove_all


class Command(BaseCommand):
    help = (
        "Remove an account's authenticator app and recovery codes (a lost phone): the account "
        "signs in with its password and enrols again at once when two-factor sign-in is required."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"No account called {username!r}.") from None
        removed = remove_all(user)
        self.stdout.write(
            self.style.SUCCESS(
                f"Two-factor sign-in of '{username}' reset ({removed} records removed); "
                "it enrols again at its next sign-in."
            )
        )
