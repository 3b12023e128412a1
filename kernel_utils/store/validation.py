"""One validator for every file in ``data/``.

Each kind of data file has a :class:`FileRule`: a glob pattern (relative to
``data/``), a JSON Schema in ``data/schemas/`` (which documents the format), and
checks a schema cannot express (quotes match the text at their offsets, ids
referred to exist, ids are unique ...).  Loading goes through the same rules
(:func:`load_validated`), so there is no second set of rules anywhere.

Every :class:`~kernel_utils.errors.Problem` names the file, the record (its id,
or its position), the field, what was expected and what was found.

Plugging in: a module that owns a kind of data file calls :func:`register` at import time
(cheap: no file is read).  So that validating one file imports only the module it belongs to
(loading a document must not import the timeline's pandas), each package declares, in a small
table in its ``__init__.py``, which of its modules registers which file patterns
(:func:`declare`; see ``kernel_utils/store/__init__.py`` and ``kernel_utils/layers/__init__.py``).
This module names no layer: a new layer adds one line to its package's table.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import importlib
import json
import re
from dataclasses import dataclass, field
from fnmatch import fnmatch
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Collection, Iterable, Iterator, Mapping

from kernel_utils.errors import DataValidationError, Problem
from kernel_utils.store.paths import data_dir, display_path

__all__ = [
    "FileRule",
    "CheckContext",
    "declare",
    "register",
    "rules",
    "validate_paths",
    "validate_all",
    "load_validated",
    "check_unique_ids",
    "check_reference",
    "check_quote",
    "check_iso_date",
    "record_label",
    "nearest_occurrence",
]

#: Which module registers the rules for which data-file patterns (relative to data/), as
#: declared by the packages (:func:`declare`).
_RULE_MODULES: dict[str, tuple[str, ...]] = {}

Check = Callable[[Any, "CheckContext"], Iterable[Problem]]


@dataclass(frozen=True)
class FileRule:
    """How one kind of data file is validated."""

    pattern: str
    schema: str
    checks: tuple[Check, ...]
    description: str


_RULES: list[FileRule] = []


def declare(table: Mapping[str, Iterable[str]]) -> None:
    """Declare which module registers the rules for which data-file patterns.

    ``table`` maps a module's full name to the patterns (relative to ``data/``) whose rules it
    registers when imported.  The module is imported only when a file of its kind is validated.
    """
    for module, patterns in table.items():
        _RULE_MODULES[module] = tuple(patterns)


def register(pattern: str, schema: str, *checks: Check, description: str) -> None:
    """Register the schema and extra checks for files matching ``pattern`` (relative to ``data/``)."""
    if any(rule.pattern == pattern for rule in _RULES):
        return  # re-import of a layer module: already registered
    _RULES.append(FileRule(pattern, schema, tuple(checks), description))


def rules() -> tuple[FileRule, ...]:
    """Every registered rule (importing the layer modules that define them)."""
    for name in _RULE_MODULES:
        importlib.import_module(name)
    return tuple(_RULES)


# --------------------------------------------------------------------------- context
@dataclass
class CheckContext:
    """What a check may consult besides its own file: other data files, read lazily, raw.

    ``file`` is the display path of the file being checked, for messages.
    """

    root: Path
    file: str = ""
    _json_cache: dict[Path, Any] = field(default_factory=dict)

    def raw_json(self, relative: str) -> Any:
        """Another data file's parsed JSON, or ``None`` when it cannot be read.

        Unvalidated and lenient (a byte-order mark is skipped): that file's own rule reports its
        problems, once, and the files that refer to it are not flooded with consequences.
        """
        path = self.root / relative
        if path not in self._json_cache:
            try:
                self._json_cache[path] = json.loads(path.read_text(encoding="utf-8-sig"))
            except (OSError, ValueError):
                self._json_cache[path] = None
        return self._json_cache[path]

    def document_text(self, document_id: str) -> str | None:
        """The verbatim text of a bundled document, or ``None`` when it is missing."""
        path = self.root / "documents" / document_id / "text.txt"
        if path not in self._json_cache:
            try:
                self._json_cache[path] = path.read_bytes().decode("utf-8")
            except (OSError, UnicodeDecodeError):
                self._json_cache[path] = None
        return self._json_cache[path]

    def document_ids(self) -> set[str]:
        folder = self.root / "documents"
        return {p.name for p in folder.iterdir() if p.is_dir()} if folder.is_dir() else set()

    def record_ids(self, relative: str, key: str) -> set[str] | None:
        """The ids of the records listed under ``key`` in another data file (raw, see :meth:`raw_json`),
        or ``None`` when that file cannot be read or has no such list (nothing to check against)."""
        data = self.raw_json(relative)
        if not isinstance(data, dict) or not isinstance(data.get(key), list):
            return None
        return {r["id"] for r in data[key] if isinstance(r, dict) and isinstance(r.get("id"), str)}

    def source_ids(self) -> set[str] | None:
        """The ids in ``sources.json``, or ``None`` when it cannot be read (nothing to check against)."""
        return self.record_ids("sources.json", "sources")


# --------------------------------------------------------------------------- helpers for checks
def record_label(record: Any, index: int) -> str:
    """How a record is named in messages: its id when it has one, else its position."""
    if isinstance(record, Mapping) and isinstance(record.get("id"), str):
        return f"'{record['id']}'"
    return f"#{index + 1}"


def check_unique_ids(records: Iterable[Any], file: str, *, key: str = "id", what: str = "record") -> Iterator[Problem]:
    """Every record's ``key`` is unique in the file."""
    seen: dict[str, int] = {}
    for index, record in enumerate(records):
        if not isinstance(record, Mapping) or not isinstance(record.get(key), str):
            continue
        value = record[key]
        if value in seen:
            yield Problem(file, f"#{index + 1}", key, f"a unique {what} {key}", f"{value!r} again (first used by {what} #{seen[value] + 1})")
        else:
            seen[value] = index


def check_reference(value: Any, known: Collection[str] | None, *, file: str, record: str, field: str, what: str) -> Iterator[Problem]:
    """``value`` names something that exists (``what`` says what kind of thing, for the message).

    ``known`` is ``None`` when the file listing the things could not be read: its own rule
    reports that, and references to it are not checked.
    """
    if known is not None and isinstance(value, str) and value not in known:
        sample = ", ".join(sorted(known)[:8]) + (" …" if len(known) > 8 else "")
        yield Problem(file, record, field, f"the id of an existing {what} (e.g. {sample})", repr(value))


def check_quote(text: str | None, start: Any, end: Any, quote: Any, *, file: str, record: str, field: str = "quote", document: str = "") -> Iterator[Problem]:
    """The verbatim text at ``start``–``end`` reads exactly ``quote``."""
    if text is None:
        yield Problem(file, record, "document", "a bundled document whose text can be read", repr(document))
        return
    if not (_is_int(start) and _is_int(end) and isinstance(quote, str)):
        return  # the schema reports wrong types
    if not 0 <= start < end <= len(text):
        yield Problem(file, record, "start/end", f"offsets with 0 ≤ start < end ≤ {len(text)} (the text's length in characters)", f"start {start}, end {end}")
        return
    actual = text[start:end]
    if actual != quote:
        hint = ""
        found_at = nearest_occurrence(text, quote, start)
        if found_at is not None:
            hint = f" (the quoted words stand at {found_at}–{found_at + len(quote)})"
        yield Problem(file, record, field, f"the words the text has at {start}–{end}: {_short(actual)}", f"{_short(quote)}{hint}")


def _is_int(value: Any) -> bool:
    """A JSON integer: ``29`` but not ``29.0`` (which JSON Schema also counts as an integer) nor ``true``."""
    return isinstance(value, int) and not isinstance(value, bool)


def nearest_occurrence(text: str, words: str, offset: int) -> int | None:
    """Where ``words`` stand in ``text`` nearest to ``offset`` (the earlier one on a tie), or ``None``."""
    best: int | None = None
    at = text.find(words)
    while at >= 0:
        if best is None or abs(at - offset) < abs(best - offset):
            best = at
        at = text.find(words, at + 1)
    return best


def _short(text: str, limit: int = 80) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


_DATE_PATTERNS = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}


def check_iso_date(value: Any, precision: str, *, file: str, record: str, field: str) -> Iterator[Problem]:
    """``value`` is a real calendar date written to the stated precision (day, month or year)."""
    if not isinstance(value, str):
        return
    pattern = _DATE_PATTERNS.get(precision)
    if pattern is None:
        yield Problem(file, record, "precision", "one of day, month, year", repr(precision))
        return
    if not pattern.match(value):
        shape = {"day": "YYYY-MM-DD", "month": "YYYY-MM", "year": "YYYY"}[precision]
        yield Problem(file, record, field, f"a date written {shape} (precision {precision})", repr(value))
        return
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        _dt.date(parts[0], parts[1], parts[2])
    except ValueError as exc:
        yield Problem(file, record, field, "a real calendar date", f"{value!r} ({exc})")


# --------------------------------------------------------------------------- schema
#: Optional libraries jsonschema imports at import time only to check "format" keywords.
#: The edition's schemas use no "format" keyword (patterns instead), and one of these
#: (rfc3987_syntax) compiles a grammar on import that costs seconds on a small machine.
_FORMAT_ONLY_MODULES = (
    "rfc3987_syntax", "rfc3987", "rfc3339_validator", "webcolors", "jsonpointer",
    "uri_template", "isoduration", "fqdn",
)


def _jsonschema():
    """Import jsonschema without its optional format checkers (see ``_FORMAT_ONLY_MODULES``).

    The modules are hidden only during this import and only if jsonschema is not loaded yet;
    afterwards they import normally for any other code in the process.
    """
    import sys

    if "jsonschema" not in sys.modules:
        hidden = [m for m in _FORMAT_ONLY_MODULES if m not in sys.modules]
        for name in hidden:
            sys.modules[name] = None  # type: ignore[assignment]  # makes "import name" fail fast
        try:
            import jsonschema  # noqa: F401
        finally:
            for name in hidden:
                if sys.modules.get(name, 0) is None:
                    del sys.modules[name]
    import jsonschema

    return jsonschema


@lru_cache(maxsize=1)
def _schema_registry():
    from referencing import Registry, Resource

    folder = data_dir() / "schemas"
    resources = []
    for path in sorted(folder.glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, Resource.from_contents(contents)))
    return Registry().with_resources(resources)


@lru_cache(maxsize=1)
def _validator_class() -> Any:
    """Draft 2020-12 with one change: "integer" means a JSON number written without a fraction.

    JSON Schema counts ``29.0`` as an integer; Python reads it as a float, and an offset that is a
    float breaks slicing in every view.  So ``29.0`` is refused where an integer is expected.
    """
    jsonschema = _jsonschema()
    base = jsonschema.Draft202012Validator
    checker = base.TYPE_CHECKER.redefine("integer", lambda _checker, value: _is_int(value))
    return jsonschema.validators.extend(base, type_checker=checker)


def _schema_problems(instance: Any, schema_name: str, file: str) -> list[Problem]:
    Draft202012Validator = _validator_class()
    registry = _schema_registry()
    try:
        schema = registry.contents(schema_name)
    except LookupError:
        return [Problem(file, "", "", f"a schema named {schema_name} in data/schemas/", "none")]
    validator = Draft202012Validator(schema, registry=registry)
    problems = []
    for error in sorted(validator.iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path]):
        problems.append(_problem_from_schema_error(error, instance, file))
    return problems


def _problem_from_schema_error(error, instance: Any, file: str) -> Problem:
    path = list(error.absolute_path)
    record = ""
    field_parts: list[str] = []
    node = instance
    for step in path:
        if isinstance(step, int) and not record:
            record = record_label(node[step], step)  # an int step indexes a JSON array
            field_parts = []
        else:
            field_parts.append(str(step))
        node = node[step]
    expected, found = _describe(error)
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else ""
        field_parts.append(missing)
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        found = "unknown field(s) " + ", ".join(repr(e) for e in extra)
    return Problem(file, record, ".".join(p for p in field_parts if p), expected, found)


def _describe(error) -> tuple[str, str]:
    """Plain-words expected/found for a jsonschema error; a schema may say it better itself
    with an ``x-expected`` text beside the rule."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    custom = schema.get("x-expected")
    value = error.instance
    found = _short(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False)[:80]
    v = error.validator
    if v == "required":
        return "the field to be present", "it is missing"
    if v == "enum":
        return custom or "one of " + ", ".join(repr(x) for x in error.validator_value), found
    if v == "const":
        return custom or repr(error.validator_value), found
    if v == "type":
        names = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        if "integer" in names and isinstance(value, float) and value.is_integer():
            return "a whole number written without a decimal point (e.g. 29, not 29.0)", f"{found} (a number with a decimal point)"
        return custom or "a value of type " + " or ".join(names), f"{found} ({type(value).__name__})"
    if v == "pattern":
        return custom or f"text matching {error.validator_value}", found
    if v == "additionalProperties":
        return "only the fields " + ", ".join(sorted(schema.get("properties", {}))), found
    if v in ("minLength", "minItems"):
        return custom or f"at least {error.validator_value} {'character' if v == 'minLength' else 'item'}(s)", found
    if v in ("minimum", "maximum"):
        return custom or f"a number {'≥' if v == 'minimum' else '≤'} {error.validator_value}", found
    return custom or error.message, found


# --------------------------------------------------------------------------- entry points
def _rule_for(relative: str) -> FileRule | None:
    """The rule for a data file, importing only the layer module that declares its pattern."""
    for module, patterns in _RULE_MODULES.items():
        if any(fnmatch(relative, pattern) for pattern in patterns):
            importlib.import_module(module)
            for rule in _RULES:
                if fnmatch(relative, rule.pattern):
                    return rule
    return None


def _validate_file(path: Path, root: Path, context: CheckContext | None = None) -> tuple[Any, list[Problem]]:
    file = display_path(path)
    try:
        relative = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None, [Problem(file, "", "", f"a file inside the data folder {display_path(root)}", str(path))]
    rule = _rule_for(relative)
    if rule is None:
        return None, [Problem(file, "", "", "a data file of a known kind (" + ", ".join(r.pattern for r in rules()) + ")", "a file no rule covers")]
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(file, "", "", "a readable file", exc.strerror or str(exc))]
    data, problem = _parse_json(raw, file)
    if problem is not None:
        return None, [problem]
    problems = _schema_problems(data, rule.schema, file)
    if not problems:  # semantic checks assume the shape is right
        ctx = context or CheckContext(root)
        ctx.file = file
        for check in rule.checks:
            problems.extend(check(data, ctx))
    return data, problems


def _parse_json(raw: bytes, file: str) -> tuple[Any, Problem | None]:
    """A data file's JSON, or the one problem that stops it being read (its place in line/column)."""
    if raw.startswith(codecs.BOM_UTF8):
        return None, Problem(file, "", "", "UTF-8 text without a byte-order mark",
                             "a byte-order mark (bytes EF BB BF) at the start: the file was saved as "
                             "'UTF-8 with BOM'; save it as plain UTF-8", line=1, column=1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, Problem(file, "", "", "UTF-8 text", f"bytes that are not UTF-8 (byte {exc.start})", line=line, column=column)
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, Problem(file, "", "", "valid JSON", exc.msg, line=exc.lineno, column=exc.colno)


def _data_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.json") if "schemas" not in p.relative_to(root).parts)


def validate_paths(paths: Iterable[Path | str] | None = None) -> list[Problem]:
    """Validate the given files (default: every data file) and return all problems found."""
    root = data_dir()
    targets = [Path(p) for p in paths] if paths is not None else _data_files(root)
    context = CheckContext(root)
    problems: list[Problem] = _missing_required(root) if paths is None else []
    for path in targets:
        problems.extend(_validate_file(path, root, context)[1])
    return problems


def validate_all() -> list[Problem]:
    """Every problem in every data file, and every required file (a declared pattern without
    wildcards, e.g. ``sources.json``) that is missing."""
    return validate_paths(None)


def _missing_required(root: Path) -> list[Problem]:
    required = sorted({p for patterns in _RULE_MODULES.values() for p in patterns if not any(c in p for c in "*?[")})
    return [Problem(display_path(root / p), "", "", "the file to exist", "no such file") for p in required if not (root / p).is_file()]


_LOAD_CACHE: dict[tuple[Path, int, int], Any] = {}


def load_validated(relative: str) -> Any:
    """Read a data file (path relative to ``data/``), validate it with its rule, return its JSON.

    Raises :class:`~kernel_utils.errors.DataValidationError` listing every problem.
    A file is parsed once per version on disk (cached by size and modification time).
    """
    root = data_dir()
    path = root / relative
    try:
        stat = path.stat()
    except OSError:
        raise DataValidationError([Problem(display_path(path), "", "", "the file to exist", "no such file")]) from None
    key = (path, stat.st_size, stat.st_mtime_ns)
    if key in _LOAD_CACHE:
        return _LOAD_CACHE[key]
    data, problems = _validate_file(path, root)
    if problems:
        raise DataValidationError(problems)
    _LOAD_CACHE[key] = data
    return data
