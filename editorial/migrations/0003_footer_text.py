"""The footer's text as the templates carried it, now editable in Settings › Portal settings."""

from django.db import migrations

FOOTER_TEXT = {
    "pt": (
        "O Procure+i é o Centro de Competências em Compras Públicas de Inovação, uma iniciativa "
        "conjunta da ANI e do IMPIC.\n\n"
        "Cofinanciado pelo COMPETE 2020 – SAMA/SATDAP, Sistema de Apoio à Transformação Digital "
        "da Administração Pública."
    ),
    "en": (
        "Procure+i is the Competence Centre for Public Procurement of Innovation, a joint "
        "initiative of ANI and IMPIC.\n\n"
        "Co-funded by COMPETE 2020 – SAMA/SATDAP, the support system for the digital "
        "transformation of public administration."
    ),
}


def fill(apps, schema_editor):
    PortalSettings = apps.get_model("editorial", "PortalSettings")
    settings = PortalSettings.objects.order_by("pk").first() or PortalSettings()
    # Only empty fields: text staff already wrote is never replaced.
    for code, text in FOOTER_TEXT.items():
        if not getattr(settings, f"footer_text_{code}"):
            setattr(settings, f"footer_text_{code}", text)
    if not settings.footer_text:
        settings.footer_text = FOOTER_TEXT["pt"]
    settings.save()


def empty(apps, schema_editor):
    PortalSettings = apps.get_model("editorial", "PortalSettings")
    for code, text in FOOTER_TEXT.items():
        PortalSettings.objects.filter(**{f"footer_text_{code}": text}).update(
            **{f"footer_text_{code}": ""}
        )
    PortalSettings.objects.filter(footer_text=FOOTER_TEXT["pt"]).update(footer_text="")


class Migration(migrations.Migration):
    dependencies = [("editorial", "0002_moderation_groups")]

    operations = [migrations.RunPython(fill, empty)]
