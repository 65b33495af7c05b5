"""A database made before the app ``translations`` existed keeps every provenance record.

Translation provenance used to belong to the app ``fields``. The move is state
only: tables, rows, history, content types and permissions stay.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from translations.models import TranslationOrigin, TranslationProvenance

BEFORE = [("fields", "0002_translation_provenance"), ("translations", None)]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_provenance_records_survive_the_move_to_the_translations_app(django_user_model):
    old = migrate(BEFORE)
    OldProvenance = old.get_model("fields", "TranslationProvenance")
    OldContentType = old.get_model("contenttypes", "ContentType")
    OldPermission = old.get_model("auth", "Permission")
    provenance_type, _created = OldContentType.objects.get_or_create(
        app_label="fields", model="translationprovenance"
    )
    permission, _created = OldPermission.objects.get_or_create(
        content_type=provenance_type,
        codename="change_translationprovenance",
        defaults={"name": "Can change Herkunft einer Übersetzung"},
    )
    field_type = OldContentType.objects.get(app_label="fields", model="actionfield")
    OldProvenance.objects.create(
        content_type=field_type,
        object_id=7,
        field_name="name",
        language="ar",
        status="machine",
        source_digest="a" * 64,
        text_digest="b" * 64,
    )
    editors = old.get_model("auth", "Group").objects.create(name="Testredaktion")
    editors.permissions.add(permission)
    old_tables = set(connection.introspection.table_names())

    migrate(latest())

    record = TranslationProvenance.objects.get(object_id=7, language="ar")
    assert (record.field_name, record.status, record.source_digest, record.text_digest) == (
        "name",
        TranslationOrigin.MACHINE,
        "a" * 64,
        "b" * 64,
    )
    assert record.content_type == ContentType.objects.get(app_label="fields", model="actionfield")
    assert ContentType.objects.get_for_model(TranslationProvenance).app_label == "translations"
    stale = ContentType.objects.filter(app_label="fields", model="translationprovenance")
    assert not stale.exists()
    moved = Permission.objects.get(pk=permission.pk)
    assert moved.content_type.app_label == "translations"
    assert Group.objects.get(name="Testredaktion").permissions.filter(pk=moved.pk).exists()
    assert set(connection.introspection.table_names()) == old_tables
    assert TranslationProvenance.history.model._meta.db_table in old_tables
