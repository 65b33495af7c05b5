"""Translation provenance now belongs to the app ``translations`` (its 0001).

State only: the tables stay as they are and now belong to ``translations``.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('fields', '0002_translation_provenance'),
        ('translations', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='HistoricalTranslationProvenance'),
                migrations.DeleteModel(name='TranslationProvenance'),
            ],
        ),
    ]
