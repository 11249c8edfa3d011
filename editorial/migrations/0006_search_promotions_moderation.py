"""Promoted search results go through the moderation workflow, as FAQ entries do; both groups
read Reports > Searches.

Editors add and change promotions (their drafts wait for a moderator); Moderators also publish,
lock, unlock and delete them.
"""

from importlib import import_module

from django.db import migrations

# The same permission lookup as the FAQ's moderation migration (it creates what is missing).
permission = import_module("editorial.migrations.0004_support_inbox_and_faq_moderation").permission

WORKFLOW = "Moderation"
# Group: {model of the search app: actions}.
GRANTS = {
    "Editors": {"searchpromotion": ["add", "change"], "searchcount": ["view"]},
    "Moderators": {
        "searchpromotion": ["add", "change", "delete", "publish", "lock", "unlock"],
        "searchcount": ["view"],
    },
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    for name, models in GRANTS.items():
        Group.objects.get_or_create(name=name)[0].permissions.add(
            *(
                permission(apps, "search", model, action)
                for model, actions in models.items()
                for action in actions
            )
        )
    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow:
        promotions = ContentType.objects.get_or_create(app_label="search", model="searchpromotion")
        WorkflowContentType.objects.update_or_create(
            content_type=promotions[0], defaults={"workflow": workflow}
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    apps.get_model("wagtailcore", "WorkflowContentType").objects.filter(
        content_type__app_label="search", content_type__model="searchpromotion"
    ).delete()
    ours = Permission.objects.filter(
        content_type__app_label="search", content_type__model__in=["searchpromotion", "searchcount"]
    )
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*ours)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0005_newsletter_permissions"),
        ("search", "0006_search_promotions_and_counts"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
