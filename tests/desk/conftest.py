import pytest
from django.test import Client


@pytest.fixture
def signed_in(world):
    """A function giving a test client signed in as one of the world's people."""

    def sign_in(user):
        client = Client()
        client.force_login(user)
        return client

    return sign_in
