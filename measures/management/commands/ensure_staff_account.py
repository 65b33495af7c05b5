import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create a first staff account (superuser 'admin') if no staff account exists, "
        "and print its login once. Does nothing when any staff account exists."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username: str, **options):
        User = get_user_model()
        if User.objects.filter(is_staff=True).exists():
            return
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
