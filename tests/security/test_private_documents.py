"""Documents in a restricted collection reach only the people the restriction lets in."""

from django.conf import settings
from django.urls import reverse

from wagtail.models import Collection, CollectionViewRestriction

import pytest

from documents.models import LibraryDocument
from tests.documents.factories import LibraryDocumentFactory


@pytest.fixture
def private_document(db):
    collection = Collection.get_first_root_node().add_child(name="Interno")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = LibraryDocumentFactory(collection=collection)
    return reverse("wagtaildocs_serve", args=[document.pk, document.filename])


def test_visitors_are_sent_to_sign_in(client, private_document):
    response = client.get(private_document)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_signed_in_users_get_the_file(client, django_user_model, private_document):
    client.force_login(django_user_model.objects.create_user("leitor", password="x"))
    response = client.get(private_document)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"


def test_uploaded_files_are_not_served_from_the_media_folder(client, private_document):
    document = LibraryDocument.objects.get()
    direct = client.get(settings.MEDIA_URL + document.file.name, follow=True)
    assert direct.status_code == 404
