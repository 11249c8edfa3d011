"""Newsletter issues: Editors draft them (add, change); Moderators also delete and send."""

from django.db import migrations

PERMISSIONS = {
    "Editors": ["add_newsletterissue", "change_newsletterissue"],
    "Moderators": [
        "add_newsletterissue",
        "change_newsletterissue",
        "delete_newsletterissue",
        "send_newsletterissue",
    ],
}
NAMES = {
    "add": "Can add newsletter issue",
    "change": "Can change newsletter issue",
    "delete": "Can delete newsletter issue",
    "send": "Can send newsletter issues",
}


def permission(apps, codename):
    """The permission, created if post_migrate has not made it yet (a fresh database)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="buyers", model="newsletterissue")
    return Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": NAMES[codename.split("_")[0]]},
    )[0]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, codenames in PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*(permission(apps, codename) for codename in codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ours = Permission.objects.filter(
        content_type__app_label="buyers", content_type__model="newsletterissue"
    )
    for group in Group.objects.filter(name__in=PERMISSIONS):
        group.permissions.remove(*ours)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0004_support_inbox_and_faq_moderation"),
        ("buyers", "0004_newsletter_issues"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
