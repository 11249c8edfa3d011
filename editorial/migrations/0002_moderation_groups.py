"""Editors submit, Moderators publish: the two groups, their permissions and the workflow.

Wagtail's own first migrations already create both groups with page and collection rights;
this adds the rest and is safe to run over an existing database (everything is get-or-create).
"""

from django.db import migrations

ROOT = {"depth": 1}
WORKFLOW = "Moderation"
TASK = "Moderators approval"
PAGE_PERMISSIONS = {
    "Editors": ["add_page", "change_page"],
    "Moderators": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    "Editors": [
        ("documents", "librarydocument", ["add", "change", "choose"]),
        ("wagtailimages", "image", ["add", "change", "choose"]),
    ],
    "Moderators": [
        ("documents", "librarydocument", ["add", "change", "choose", "delete"]),
        ("wagtailimages", "image", ["add", "change", "choose", "delete"]),
    ],
}
# Records edited as snippets; editors may add and change them, moderators also delete.
SNIPPETS = [
    ("portal", "organisation"),
    ("portal", "agreement"),
    ("portal", "faqentry"),
    ("portal", "faqtopic"),
    ("portal", "glossaryterm"),
    ("documents", "webinar"),
    ("casestudies", "proceduretype"),
    ("casestudies", "sector"),
]
MODEL_PERMISSIONS = {
    "Editors": [(app, model, ["add", "change"]) for app, model in SNIPPETS]
    + [("editorial", "documentdownload", ["view"])],
    "Moderators": [(app, model, ["add", "change", "delete"]) for app, model in SNIPPETS]
    + [("editorial", "documentdownload", ["view"]), ("editorial", "portalsettings", ["change"])],
}


def permission(apps, app_label, model_name, codename):
    """The permission, created if post_migrate has not made it yet (a fresh database)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
    verbose_name = apps.get_model(app_label, model_name)._meta.verbose_name
    action = codename.split("_")[0]
    return Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {action} {verbose_name}"[:255]},
    )[0]


def model_permissions(apps, group_name):
    for app_label, model_name, actions in MODEL_PERMISSIONS[group_name]:
        for action in actions:
            yield permission(apps, app_label, model_name, f"{action}_{model_name}")


def create(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.filter(**ROOT).first()
    root_collection = Collection.objects.filter(**ROOT).first()
    admin_access = permission(apps, "wagtailadmin", "admin", "access_admin")
    groups = {}
    for name in ("Editors", "Moderators"):
        group = groups[name] = Group.objects.get_or_create(name=name)[0]
        group.permissions.add(admin_access, *model_permissions(apps, name))
        for codename in PAGE_PERMISSIONS[name] if root_page else []:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root_page,
                permission=permission(apps, "wagtailcore", "page", codename),
            )
        for app_label, model_name, actions in COLLECTION_PERMISSIONS[name]:
            for action in actions if root_collection else []:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=permission(apps, app_label, model_name, f"{action}_{model_name}"),
                )
    if root_page:
        create_workflow(apps, groups["Moderators"], root_page)


def create_workflow(apps, moderators, root_page):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    task.groups.add(moderators)
    workflow = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})[0]
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


def remove(apps, schema_editor):
    """Takes back what Wagtail does not grant by itself; Wagtail's groups and workflow stay."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    ours = Workflow.objects.filter(name=WORKFLOW)
    wagtail_default = Workflow.objects.exclude(name=WORKFLOW).filter(name=TASK).first()
    if wagtail_default:
        WorkflowPage.objects.filter(workflow__in=ours).update(workflow=wagtail_default)
    ours.delete()
    for group in Group.objects.filter(name__in=MODEL_PERMISSIONS):
        labels = {(app, model) for app, model, _ in MODEL_PERMISSIONS[group.name]}
        for app_label, model_name in labels:
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label=app_label, content_type__model=model_name
                )
            )
        GroupPagePermission.objects.filter(
            group=group, permission__codename__in=["lock_page", "unlock_page"]
        ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        # The first migrations that create the models named above; later ones may come and go.
        ("portal", "0006_glossary"),
        ("documents", "0002_library_fields_and_webinars"),
        ("casestudies", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, remove)]
