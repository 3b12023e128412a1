"""Every HTML the package renders escapes the data: hostile text in any free-text field stays inert.

Two levels: the document renderers on a hostile FRUS text, and end to end: every notebook
executed against a copy of data/ in which every free-text field carries a payload.
"""

from __future__ import annotations

import json
import re

import pytest

from kernel_utils import parse_frus_text
from kernel_utils.views.document.text import paragraph_card, render_text, summary_card
from kernel_utils.store.documents import document_record
from tools.notebook_runner import execute_notebook, notebook_paths
from kernel_utils.store import validation

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>"
LIVE = re.compile(r"<script>alert\(1\)|<img src=x onerror", re.IGNORECASE)

HOSTILE_TEXT = (
    "<script>alert(1)</script>/12–2050: Telegram\n\n"
    "The <img src=x onerror=alert(2)> to the <b>Mission</b>\n\n"
    "top secret\n\n"
    "602. Body <script>alert(1)</script> [Page 9] more <img src=x onerror=alert(2)>.\n\n"
    "1. Point <i>one</i>.\n\n"
    "Webb<script>alert(1)</script>"
)


def test_document_renderers_escape_everything():
    doc = parse_frus_text(HOSTILE_TEXT)
    record = document_record()
    html = summary_card(doc, record) + render_text(doc) + "".join(paragraph_card(doc, p.id) for p in doc.paragraphs)
    assert LIVE.search(html) is None
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<b>Mission</b>" not in html and "<i>one</i>" not in html


# --------------------------------------------------------------------------- end to end
_NOT_FREE_TEXT = {"id", "quote", "source", "document", "entity", "type", "kind", "status", "url", "sha256",
                  "encoding", "text_file", "precision", "category", "lane", "confidence", "from", "to", "unit",
                  "reading", "start", "end", "date", "symbol", "volume_id", "frus_document", "local_place"}
_ID_LIKE = re.compile(r"^[a-z0-9][a-z0-9._-]*$|^https?://|^\d{4}(-\d{2}){0,2}$")


def _poison(node, schema_name: str, whole, file: str, path: tuple = (), poisoned: list | None = None) -> list:
    """Append the payload to every string the schema still accepts; return [(path, original)]."""
    poisoned = [] if poisoned is None else poisoned
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in list(items):
        if isinstance(value, str):
            if not isinstance(node, dict) or key in _NOT_FREE_TEXT or _ID_LIKE.match(value) or not value.strip():
                continue
            node[key] = value + PAYLOAD
            if validation._schema_problems(whole, schema_name, file):
                node[key] = value
            else:
                poisoned.append((path + (key,), value))
        else:
            _poison(value, schema_name, whole, file, path + (key,), poisoned)
    return poisoned


def _record_path(data, label: str) -> tuple:
    """The JSON path of the record a Problem names ("'some-id'" or "#3")."""
    def walk(node, path):
        if isinstance(node, dict):
            if label == f"'{node.get('id')}'":
                return path
            for k, v in node.items():
                found = walk(v, path + (k,))
                if found is not None:
                    return found
        elif isinstance(node, list):
            for i, v in enumerate(node):
                found = walk(v, path + (i,))
                if found is not None:
                    return found
        return None
    return walk(data, ()) or ()


def _unpoison(data, poisoned: list, problems) -> list:
    """Undo the payload where a semantic check (not the schema) refused it; return what stays."""
    refused = []
    for problem in problems:
        base = _record_path(data, problem.record) if problem.record else ()
        field = tuple(int(p) if p.isdigit() else p for p in problem.field.split(".") if p) if problem.field else ()
        if field and field[0] in _get(data, base):
            refused.append(base + field[:-1])  # the object holding the field: a check may name a sibling
        else:
            refused.append(base)
    keep = []
    for path, original in poisoned:
        if any(path[: len(r)] == r for r in refused):
            _set(data, path, original)
        else:
            keep.append((path, original))
    return keep


def _get(data, path):
    for step in path:
        data = data[step]
    return data if isinstance(data, (dict, list)) else {}


def _set(data, path, value):
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


#: Output types a browser renders as markup; text/plain and streams are shown as text, so inert.
_MARKUP_TYPES = ("text/html", "image/svg+xml", "text/markdown")


def _markup(nb) -> str:
    """Everything in an executed notebook that a front end would render as markup: rich outputs
    and the saved state of the widgets (an HTML widget's value is rendered as HTML)."""
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            for mime in _MARKUP_TYPES:
                value = out.get("data", {}).get(mime)
                if value:
                    parts.append(value if isinstance(value, str) else "".join(value))
    for model in nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {}).values():
        state = model.get("state", {})
        # HTML widgets render their value as markup; labels and options of other widgets are set as text.
        if state.get("_model_name") in ("HTMLModel", "HTMLMathModel") and isinstance(state.get("value"), str):
            parts.append(state["value"])
        if state.get("description_allow_html") and isinstance(state.get("description"), str):
            parts.append(state["description"])
    return "\n".join(parts)


@pytest.mark.slow
def test_notebooks_render_hostile_data_inertly(data_copy):
    files = {}
    for path in sorted(data_copy.rglob("*.json")):
        relative = path.relative_to(data_copy).as_posix()
        if relative.startswith("schemas/"):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        files[path] = (data, _poison(data, validation._rule_for(relative).schema, data, relative))
    for _ in range(10):  # semantic checks may refuse the payload (e.g. evidence quoted from the telegram)
        for path, (data, _) in files.items():
            path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        validation._LOAD_CACHE.clear()
        problems = validation.validate_all()
        if not problems:
            break
        for path, (data, poisoned) in files.items():
            mine = [p for p in problems if p.file == f"data/{path.relative_to(data_copy).as_posix()}"]
            if mine:
                files[path] = (data, _unpoison(data, poisoned, mine))
    assert validation.validate_all() == [], "the poisoned copy must still be valid data"
    assert sum(len(p) for _, p in files.values()) > 50, "the payload reached too few fields to prove anything"
    for notebook in notebook_paths():
        nb = execute_notebook(notebook, timeout=600)  # the kernel inherits KERNEL_UTILS_DATA
        rendered = _markup(nb)
        match = LIVE.search(rendered)
        assert match is None, f"{notebook.name}: live markup from the data in an output: …{rendered[max(0, match.start() - 120):match.end()]}"
        assert "&lt;script&gt;alert(1)" in rendered or "\\u003cscript" in rendered or "&lt;script" in rendered, (
            f"{notebook.name}: the payload never reached the outputs, so this test proves nothing for it"
        )
