"""Shared fixtures: the shipped policy and its text, and a way to edit the text."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

import beian_policy as bp

settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=60, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(scope="session")
def policy() -> bp.Policy:
    return bp.default_policy()


@pytest.fixture(scope="session")
def data_text() -> str:
    return bp.default_data_text()


def replace_once(text: str, old: str, new: str) -> str:
    """Replace exactly one occurrence, so a test edit cannot silently miss."""
    count = text.count(old)
    assert count == 1, f"expected {old!r} once in the data, found {count}"
    return text.replace(old, new)
