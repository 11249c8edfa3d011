"""The privacy notice names what GDPR arts 13-14 require, in both languages."""

import tomllib
from pathlib import Path

from django.conf import settings

import pytest

NOTICE = tomllib.loads(Path(settings.BASE_DIR, "fixtures/pages/91_privacy.toml").read_text("utf-8"))
REQUIRED = {
    "pt": [
        "Agência Nacional de Inovação (ANI)",
        "encarregado da proteção de dados",
        "Pedidos de apoio:",
        "Newsletter:",
        "Contagem de descargas:",
        "Registos do servidor:",
        "fundamento",
        "conservação",
        "CNPD",
        "retirá-lo",
    ],
    "en": [
        "National Innovation Agency (ANI)",
        "data protection officer",
        "Support requests:",
        "Newsletter:",
        "Download counts:",
        "Server logs:",
        "legal basis",
        "retention",
        "CNPD",
        "withdraw it",
    ],
}


def body(code):
    return " ".join(str(block["value"]) for block in NOTICE[code]["body"])


@pytest.mark.parametrize("code", ["pt", "en"])
def test_notice_names_controller_dpo_processing_bases_retention_rights_and_cnpd(code):
    text = body(code)
    missing = [phrase for phrase in REQUIRED[code] if phrase not in text]
    assert not missing


@pytest.mark.parametrize(("code", "period"), [("pt", "12 meses"), ("en", "12 months")])
def test_stated_support_request_period_is_the_enforced_one(code, period):
    assert settings.SUPPORT_REQUEST_RETENTION_DAYS == 365
    assert period in body(code)
