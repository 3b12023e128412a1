"""Without a browser the suite skips on a developer's machine and fails in CI."""

from __future__ import annotations

import pytest

from conftest import _missing, browser_unavailable


def test_a_missing_browser_skips_here_and_fails_in_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no browser"):
        _missing("no browser")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no browser .CI is set"):
        _missing("no browser")


def test_the_reason_names_the_missing_chromium(monkeypatch, tmp_path):
    import conftest

    monkeypatch.setattr(conftest, "CHROMIUM", tmp_path / "chromium")
    assert browser_unavailable() == (
        f"no Chromium at {tmp_path / 'chromium'}: install it with 'apt-get install chromium' (or set EDITION_CHROMIUM)"
    )
