"""Create the four pages with the text the portal ships (see operator_pages/shipped.py).

Only missing pages are created; existing ones are never touched.
"""

from django.db import migrations

from operator_pages.shipped import create_missing_pages


def create_pages(apps, schema_editor):
    create_missing_pages(apps)


class Migration(migrations.Migration):
    dependencies = [("operator_pages", "0001_initial")]

    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
