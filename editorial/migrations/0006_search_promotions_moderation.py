"""Promoted search results go through the moderation workflow, as FAQ entries do; both groups
read Reports > Searches.

Editors add and change promotions (their drafts wait for a moderator); Moderators also publish,
lock, unlock and delete them.
"""

from django.db import migrations

WORKFLOW = "Moderation"
GRANTS = {
    "Editors": [
        ("search", "searchpromotion", ["add", "change"]),
        ("search", "searchcount", ["view"]),
    ],
    "Moderators": [
        ("search", "searchpromotion", ["add", "change", "delete", "publish", "lock", "unlock"]),
        ("search", "searchcount", ["view"]),
    ],
}


def permission(apps, app_label, model_name, action):
    """The permission, created if post_migrate has not made it yet (a fresh database)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
    verbose_name = apps.get_model(app_label, model_name)._meta.verbose_name
    return Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model_name}",
        defaults={"name": f"Can {action} {verbose_name}"[:255]},
    )[0]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    for name, grants in GRANTS.items():
        group = Group.objects.get_or_create(name=name)[0]
        for app_label, model_name, actions in grants:
            group.permissions.add(
                *(permission(apps, app_label, model_name, action) for action in actions)
            )
    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow:
        promotion_type, _ = ContentType.objects.get_or_create(
            app_label="search", model="searchpromotion"
        )
        WorkflowContentType.objects.update_or_create(
            content_type=promotion_type, defaults={"workflow": workflow}
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowContentType.objects.filter(
        content_type__app_label="search", content_type__model="searchpromotion"
    ).delete()
    for group in Group.objects.filter(name__in=GRANTS):
        for app_label, model_name, actions in GRANTS[group.name]:
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label=app_label,
                    codename__in=[f"{action}_{model_name}" for action in actions],
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0005_newsletter_permissions"),
        ("search", "0003_search_promotions_and_counts"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
