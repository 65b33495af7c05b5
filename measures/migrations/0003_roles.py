"""Create the staff roles Redaktion and Fachbereich (see measures/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from measures.roles import sync_roles


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_roles(apps)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["Redaktion", "Fachbereich"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("axes", "0001_initial"),
        ("fields", "0001_initial"),
        ("measures", "0002_staff_workflow"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
