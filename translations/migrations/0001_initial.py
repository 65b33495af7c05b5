"""Translation provenance moves from the app ``fields`` to ``translations``.

The tables keep their names and rows (``db_table``): only Django's state moves.
The content types move too, so permissions, admin log entries and history
references stay attached.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MODELS = ("translationprovenance", "historicaltranslationprovenance")


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="fields", model__in=MODELS).update(app_label="translations")


def restore_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="translations", model__in=MODELS).update(app_label="fields")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('fields', '0002_translation_provenance'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunPython(move_content_types, restore_content_types),
            ],
            state_operations=[
                migrations.CreateModel(
                name='HistoricalTranslationProvenance',
                fields=[
                    ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                    ('object_id', models.PositiveBigIntegerField(verbose_name='Objekt-ID')),
                    ('field_name', models.CharField(max_length=100, verbose_name='Feld')),
                    ('language', models.CharField(max_length=15, verbose_name='Sprache')),
                    ('status', models.CharField(choices=[('original', 'Originaltext (keine Übersetzung)'), ('machine', 'maschinell übersetzt, ungeprüft'), ('reviewed', 'von der Redaktion geprüft')], max_length=20, verbose_name='Herkunft')),
                    ('source_digest', models.CharField(help_text='SHA-256 des deutschen Textes, aus dem übersetzt wurde.', max_length=64, verbose_name='Prüfsumme des deutschen Textes')),
                    ('text_digest', models.CharField(max_length=64, verbose_name='Prüfsumme der Übersetzung')),
                    ('reviewed_at', models.DateTimeField(blank=True, null=True, verbose_name='geprüft am')),
                    ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='zuletzt geändert am')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('content_type', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='contenttypes.contenttype', verbose_name='Inhaltstyp')),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('reviewed_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='geprüft von')),
                ],
                options={
                    'verbose_name': 'historical Herkunft einer Übersetzung',
                    'verbose_name_plural': 'historical Übersetzungsstand',
                    'ordering': ('-history_date', '-history_id'),
                    'db_table': 'fields_historicaltranslationprovenance',
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.CreateModel(
                name='TranslationProvenance',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('object_id', models.PositiveBigIntegerField(verbose_name='Objekt-ID')),
                    ('field_name', models.CharField(max_length=100, verbose_name='Feld')),
                    ('language', models.CharField(max_length=15, verbose_name='Sprache')),
                    ('status', models.CharField(choices=[('original', 'Originaltext (keine Übersetzung)'), ('machine', 'maschinell übersetzt, ungeprüft'), ('reviewed', 'von der Redaktion geprüft')], max_length=20, verbose_name='Herkunft')),
                    ('source_digest', models.CharField(help_text='SHA-256 des deutschen Textes, aus dem übersetzt wurde.', max_length=64, verbose_name='Prüfsumme des deutschen Textes')),
                    ('text_digest', models.CharField(max_length=64, verbose_name='Prüfsumme der Übersetzung')),
                    ('reviewed_at', models.DateTimeField(blank=True, null=True, verbose_name='geprüft am')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='zuletzt geändert am')),
                    ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype', verbose_name='Inhaltstyp')),
                    ('reviewed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='geprüft von')),
                ],
                options={
                    'verbose_name': 'Herkunft einer Übersetzung',
                    'verbose_name_plural': 'Übersetzungsstand',
                    'ordering': ['content_type', 'object_id', 'field_name', 'language'],
                    'db_table': 'fields_translationprovenance',
                    'indexes': [models.Index(fields=['content_type', 'language'], name='provenance_type_lang')],
                    'constraints': [models.UniqueConstraint(fields=('content_type', 'object_id', 'field_name', 'language'), name='provenance_one_per_translation'), models.CheckConstraint(condition=models.Q(('status__in', ['original', 'machine', 'reviewed'])), name='provenance_status_known'), models.CheckConstraint(condition=models.Q(models.Q(('status', 'reviewed'), _negated=True), ('reviewed_at__isnull', False), _connector='OR'), name='provenance_review_has_date')],
                },
            ),
            ],
        ),
    ]
