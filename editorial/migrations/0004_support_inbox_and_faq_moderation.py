"""Both groups work the support-request inbox; FAQ entries go through the moderation workflow.

Editors and Moderators see, triage and answer support requests (view and change); only
Moderators publish, lock and unlock FAQ entries. FAQ entries join the workflow that pages use
(one task, "Moderators approval"), so an editor's draft waits for a moderator.
"""

from django.db import migrations

WORKFLOW = "Moderation"
GRANTS = {
    "Editors": [("buyers", "supportrequest", ["view", "change"])],
    "Moderators": [
        ("buyers", "supportrequest", ["view", "change"]),
        ("portal", "faqentry", ["publish", "lock", "unlock"]),
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
        faq_type, _ = ContentType.objects.get_or_create(app_label="portal", model="faqentry")
        WorkflowContentType.objects.update_or_create(
            content_type=faq_type, defaults={"workflow": workflow}
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowContentType.objects.filter(
        content_type__app_label="portal", content_type__model="faqentry"
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
        ("editorial", "0003_footer_text"),
        ("buyers", "0003_support_request_inbox"),
        ("portal", "0014_faq_entry_drafts_and_source_request"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
