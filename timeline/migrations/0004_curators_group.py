"""The "curators" group: review and correct events, mentions and articles, curate the gazetteer.

Curators may not delete articles, events or mentions (rejecting an event keeps it), nor manage users.
They may delete an actor alias, because a wrong alias makes false matches in every later ingest.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CURATOR_PERMISSIONS = [
    "view_event",
    "change_event",
    "view_mention",
    "change_mention",
    "view_article",
    "change_article",
    "view_passage",
    "view_publisher",
    "view_actor",
    "add_actor",
    "change_actor",
    "view_actoralias",
    "add_actoralias",
    "change_actoralias",
    "delete_actoralias",
]


def create_curators(apps, schema_editor):
    # Permissions are normally made after migrate; make the timeline's now so the group can hold them.
    app_config = apps.get_app_config("timeline")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="curators")
    perms = Permission.objects.filter(content_type__app_label="timeline", codename__in=CURATOR_PERMISSIONS)
    missing = set(CURATOR_PERMISSIONS) - set(perms.values_list("codename", flat=True))
    if missing:
        raise RuntimeError(f"permissions not found: {sorted(missing)}")
    group.permissions.set(perms)


def remove_curators(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="curators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("timeline", "0003_event_tally_triggers"),
    ]

    operations = [migrations.RunPython(create_curators, remove_curators)]
