"""Pinned JavaScript from the npm registry, fetched once into a local cache.

Why: the static edition must work with no network, so the widget manager and require.js it
needs are copied next to its pages instead of being loaded from a CDN; the browser tests inject
axe-core the same way.  Nothing is committed: each package is fetched with npm's own client
(``npm pack``: the package alone, without its development dependency tree), checked against
the pinned SHA-512 integrity, and unpacked into ``artifacts/npm/`` (git-ignored), where later
runs find it.  Set ``EDITION_NPM_CACHE`` to keep the cache elsewhere.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kernel_utils.errors import KernelUtilsError

__all__ = ["NpmPin", "PINS", "VendorError", "npm_cache_dir", "npm_package"]

_ROOT = Path(__file__).resolve().parent.parent


class VendorError(KernelUtilsError, RuntimeError):
    """A pinned npm package could not be fetched or did not match its pin."""


@dataclass(frozen=True)
class NpmPin:
    """One package at one exact version, with the registry's SHA-512 integrity of its tarball."""

    name: str
    version: str
    integrity: str

    @property
    def spec(self) -> str:
        return f"{self.name}@{self.version}"

    @property
    def folder_name(self) -> str:
        return self.spec.replace("/", "__")


PINS: dict[str, NpmPin] = {
    pin.name: pin
    for pin in (
        # The widget manager that renders saved widget state in a static page (ipywidgets 8).
        NpmPin("@jupyter-widgets/html-manager", "1.0.15",
               "sha512-5thBIV6ymNgmPVOHvzx+gGy8ZSKmSazhtGw4/c4xJDVzRhG9PTeQsRjF3FUTopvFi//SABeNz1yp47bCrJ3CQA=="),
        # The AMD loader the widget manager's embed-amd.js needs.
        NpmPin("requirejs", "2.3.8",
               "sha512-7/cTSLOdYkNBNJcDMWf+luFvMriVm7eYxp4BcFCsAX0wF421Vyce5SXP17c+Jd5otXKGNehIonFlyQXSowL6Mw=="),
        # Accessibility checks in the browser tests.
        NpmPin("axe-core", "4.14.1",
               "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="),
    )
}


def npm_cache_dir() -> Path:
    """Where fetched packages are kept: ``$EDITION_NPM_CACHE`` or the repository's ``artifacts/npm``."""
    override = os.environ.get("EDITION_NPM_CACHE")
    return Path(override) if override else _ROOT / "artifacts" / "npm"


def sri_sha512(data: bytes) -> str:
    """Subresource-integrity form of a SHA-512 digest, as npm records it."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def _installed(folder: Path, pin: NpmPin) -> bool:
    try:
        meta = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return meta.get("name") == pin.name and meta.get("version") == pin.version


def npm_package(name: str, *, cache: Path | None = None, npm: str | None = None) -> Path:
    """The folder holding the pinned package ``name`` (its ``package.json`` at the top).

    Fetched with ``npm pack`` on first use; fails loudly when npm is missing, the registry
    cannot be reached, or the tarball does not match the pinned integrity.
    """
    if name not in PINS:
        raise VendorError(f"npm package {name!r} is not pinned in tools.npm_vendor.PINS (pinned: {', '.join(PINS)})")
    pin = PINS[name]
    cache = Path(cache) if cache else npm_cache_dir()
    target = cache / pin.folder_name
    if _installed(target, pin):
        return target
    npm = shutil.which("npm") if npm is None else npm
    if not npm:
        raise VendorError(
            f"npm not found: {pin.spec} is fetched once from the npm registry into {cache}. "
            "Install Node.js with npm (Debian: apt-get install npm), or copy the package there."
        )
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache, prefix=".fetch-") as tmp:
        result = subprocess.run(
            [npm, "pack", pin.spec, "--pack-destination", tmp, "--json", "--ignore-scripts"],
            capture_output=True, text=True, cwd=tmp,
        )
        if result.returncode != 0:
            raise VendorError(f"npm pack {pin.spec} failed (exit {result.returncode}): {result.stderr.strip()[-800:]}")
        tarballs = list(Path(tmp).glob("*.tgz"))
        if len(tarballs) != 1:
            raise VendorError(f"npm pack {pin.spec}: expected one tarball in {tmp}, found {len(tarballs)}")
        found = sri_sha512(tarballs[0].read_bytes())
        if found != pin.integrity:
            raise VendorError(f"{pin.spec}: expected integrity {pin.integrity}; found {found}")
        unpacked = Path(tmp) / "unpacked"
        with tarfile.open(tarballs[0]) as archive:
            archive.extractall(unpacked, filter="data")
        if not _installed(unpacked / "package", pin):
            raise VendorError(f"{pin.spec}: the tarball has no package/package.json for this name and version")
        if target.exists():
            shutil.rmtree(target)
        os.replace(unpacked / "package", target)
    return target
