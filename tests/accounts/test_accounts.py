"""Signing in: argon2 hashes, the lock-out after failed attempts, memberships' rules."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from uppsikt.accounts.models import Membership
from uppsikt.audit.models import AuditEntry
from uppsikt.domain.workflow import Role
from uppsikt.organisations.models import Municipality, Organisation


def test_new_passwords_are_hashed_with_argon2(db: None, settings: Any) -> None:
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    user = User.objects.create_user("ny", password="ett långt lösenord")
    assert user.password.startswith("argon2$")
    assert user.check_password("ett långt lösenord")


def _login(client: Client, username: str, password: str) -> Any:
    return client.post(reverse("login"), {"username": username, "password": password})


def test_login_works_and_wrong_passwords_get_a_plain_message(
    users: dict[str, User], client: Client
) -> None:
    wrong = _login(client, "skribent", "fel")
    assert wrong.status_code == 200
    assert "Fel användarnamn eller lösenord" in wrong.content.decode()
    right = _login(client, "skribent", "demo-skribent")
    assert right.status_code == 302 and right["Location"] == reverse("home")


def test_five_failed_attempts_lock_the_account_from_that_address(
    users: dict[str, User], client: Client
) -> None:
    for _ in range(5):
        _login(client, "skribent", "gissning")
    locked = _login(client, "skribent", "demo-skribent")  # even the right password
    assert locked.status_code == 429
    assert "För många misslyckade inloggningar" in locked.content.decode()
    # Another user from the same address is not locked out by someone else's guesses.
    assert _login(Client(), "granskare", "demo-granskare").status_code == 302


def test_login_form_needs_the_csrf_token(users: dict[str, User]) -> None:
    client = Client(enforce_csrf_checks=True)
    response = _login(client, "skribent", "demo-skribent")
    assert response.status_code == 403


def test_roles_follow_the_rules_of_the_table(users: dict[str, User]) -> None:
    malmo = Municipality.objects.get(key="malmo")
    board = Organisation.objects.get(municipality=malmo, key="kommunstyrelsen")
    user = users["lasare"]
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=user, municipality=malmo, role=Role.WRITER.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            user=user, municipality=malmo, organisation=board, role=Role.REVIEWER.value
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=users["granskare"], municipality=malmo, role="reviewer")


def test_granting_a_role_is_audited(users: dict[str, User]) -> None:
    entry = AuditEntry.objects.filter(action="role.granted", after__user="skribent").get()
    assert entry.after == {"user": "skribent", "role": "writer", "organisation": "kommunstyrelsen"}


def test_behind_a_proxy_the_lock_out_counts_per_client(
    users: dict[str, User], settings: Any
) -> None:
    settings.UPPSIKT_PROXIES = 1
    guesser: dict[str, Any] = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    colleague: dict[str, Any] = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.4"}
    for _ in range(5):
        Client(**guesser).post(reverse("login"), {"username": "skribent", "password": "x"})
    locked = Client(**guesser).post(
        reverse("login"), {"username": "skribent", "password": "demo-skribent"}
    )
    assert locked.status_code == 429
    # The same user from another client behind the same proxy is not locked out ...
    ok = Client(**colleague).post(
        reverse("login"), {"username": "skribent", "password": "demo-skribent"}
    )
    assert ok.status_code == 302
    # ... and a client cannot dodge the count by writing its own X-Forwarded-For entry.
    spoofed: dict[str, Any] = {
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_X_FORWARDED_FOR": "10.0.0.1, 203.0.113.9",
    }
    again = Client(**spoofed).post(
        reverse("login"), {"username": "skribent", "password": "demo-skribent"}
    )
    assert again.status_code == 429


def test_roles_given_and_taken_in_the_admin_site_are_audited(users: dict[str, User]) -> None:
    admin_client = Client()
    admin_client.force_login(users["admin"])
    malmo = Municipality.objects.get(key="malmo")
    board = Organisation.objects.get(municipality=malmo, key="stadsbyggnadsnamnden")
    response = admin_client.post(
        reverse("admin:accounts_membership_add"),
        {
            "user": users["lasare"].pk,
            "municipality": malmo.pk,
            "organisation": board.pk,
            "role": "reader",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    granted = AuditEntry.objects.get(
        action="role.granted", after__user="lasare", after__organisation=board.key
    )
    assert granted.username == "admin"
    membership = Membership.objects.get(user=users["lasare"], organisation=board)
    response = admin_client.post(
        reverse("admin:accounts_membership_delete", args=[membership.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    revoked = AuditEntry.objects.get(action="role.revoked")
    assert revoked.before == {"user": "lasare", "role": "reader", "organisation": board.key}
