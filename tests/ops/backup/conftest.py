"""The two places files live: the local MEDIA_ROOT (the test settings) and an S3 bucket on a
moto server on loopback, configured exactly as production does it (settings.env)."""

import uuid

from django.core.files.storage import default_storage

import boto3
import pytest
from moto.server import ThreadedMotoServer

from procureplus.settings.env import media_storage
from tests.mail_server import free_port

CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}


@pytest.fixture(scope="session")
def moto_endpoint():
    port = free_port()  # not a fixed one: CI runs two test runs side by side
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_storage(moto_endpoint, settings):
    bucket = f"procureplus-{uuid.uuid4().hex[:12]}"
    env = {"AWS_STORAGE_BUCKET_NAME": bucket, "AWS_S3_ENDPOINT_URL": moto_endpoint, **CREDENTIALS}
    env["AWS_S3_REGION_NAME"] = "us-east-1"
    client = boto3.client(
        "s3",
        endpoint_url=moto_endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=bucket)
    settings.STORAGES = {**settings.STORAGES, "default": media_storage(env)}
    return default_storage


@pytest.fixture
def local_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return default_storage


@pytest.fixture(params=["local_storage", "s3_storage"])
def storage(request):
    """Each test that takes it runs once on the local folder and once on S3."""
    return request.getfixturevalue(request.param)
