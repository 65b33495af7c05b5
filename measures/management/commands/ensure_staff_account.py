import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create a first staff account (a superuser with an unpredictable name, "
        "'redaktion-' and six random hex digits) if no staff account exists, "
        "and print its login once. Does nothing when any staff account exists."
    )

    def add_arguments(self, parser):
        # Not "admin": a name guessers know is half a login (and could be locked out).
        parser.add_argument("--username", default=None)

    def handle(self, *args, username: str | None, **options):
        User = get_user_model()
        if User.objects.filter(is_staff=True).exists():
            return
        username = username or f"redaktion-{secrets.token_hex(3)}"
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.WARNING(
                "\nA first staff account was created. Note the password now; it is not "
                "shown again.\n"
                "  login:    /admin/ on the served portal\n"
                f"  username: {username}\n"
                f"  password: {password}\n"
            )
        )
