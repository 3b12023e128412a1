"""Drive one notebook in JupyterLab as a reader would, and report everything that is wrong.

:func:`check_notebook` opens the notebook in a fresh workspace, waits for an idle kernel, runs
every cell from the Run menu, then inspects the page: error output, widgets that did not
render, every interactive control operated once (keyboard where the control supports it) with
the view it controls checked for a visible change, controls without an accessible name, an
axe-core pass over the output areas, and every request that tried to leave 127.0.0.1.  It
returns a :class:`Report` instead of asserting, so the negative controls can check that each
kind of problem is found.

The convention it relies on (kernel_utils/widgets.py): an explorer is a ``VBox`` of labelled
controls and an ``HTML`` view that the controls update.  "Visible change" means the content of
the views (``.widget-html-content`` and the like) inside the same output changes.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import BrowserContext, Page

OFF_MACHINE = re.compile(r"^(?!https?://127\.0\.0\.1[:/])")
OFF_MACHINE_WS = re.compile(r"^(?!wss?://127\.0\.0\.1[:/])")
SERIOUS = ("serious", "critical")

# The notebook panel at ``path`` is current and ready: a connected, idle kernel.
_READY = """(path) => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  if (!w || !w.sessionContext || !w.content || !w.context || w.context.path !== path) return false;
  const s = w.sessionContext, k = s.session && s.session.kernel;
  return s.isReady && !!k && k.status === 'idle' && k.connectionStatus === 'connected';
}"""

# Run all has finished: kernel idle, nothing queued, and every code cell ran or one failed.
_DONE = """() => {
  const w = window.jupyterapp.shell.currentWidget;
  const k = w.sessionContext.session && w.sessionContext.session.kernel;
  if (!k || k.status !== 'idle') return false;
  const cells = w.content.widgets.filter(c => c.model.type === 'code');
  if (cells.some(c => c.model.executionState === 'running' ||
                      (c.promptNode && c.promptNode.textContent.includes('*')))) return false;
  return cells.every(c => c.model.executionCount !== null) ||
         cells.some(c => c.model.outputs.toJSON().some(o => o.output_type === 'error'));
}"""

# The notebook model: what the kernel sent, cell by cell.
_CELLS = """() => window.jupyterapp.shell.currentWidget.content.widgets.map((c, i) => ({
  index: i, type: c.model.type,
  count: c.model.type === 'code' ? c.model.executionCount : null,
  outputs: c.model.type === 'code' ? c.model.outputs.toJSON() : [],
}))"""

# Widget outputs in the page: rendered (a widget view inside), failed, or still loading.
_WIDGET_OUTPUTS = """() => [...window.jupyterapp.shell.currentWidget.node.querySelectorAll('.jp-OutputArea-output')]
  .filter(o => o.querySelector(':scope > .jupyter-widgets, :scope > .lm-Widget.jupyter-widgets') ||
               o.textContent.includes('Error displaying widget') || o.textContent.includes('Loading widget'))
  .map(o => ({rendered: !!o.querySelector(':scope > .jupyter-widgets'),
              error: o.textContent.includes('Error displaying widget'),
              loading: o.textContent.includes('Loading widget')}))"""

_WIDGETS_SETTLED = """(expected) => {
  const outs = [...window.jupyterapp.shell.currentWidget.node.querySelectorAll('.jp-OutputArea-output')];
  const rendered = outs.filter(o => o.querySelector(':scope > .jupyter-widgets')).length;
  const failed = outs.filter(o => o.textContent.includes('Error displaying widget')).length;
  return rendered + failed >= expected;
}"""

# Mark every interactive control inside widget outputs; group the parts of one control
# (the buttons of ToggleButtons, the handles of a slider) under the control's root element.
_CONTROLS = """() => {
  const kinds = [
    ['widget-dropdown', 'dropdown'], ['widget-select-multiple', 'select-multiple'],
    ['widget-select', 'select'], ['widget-toggle-buttons', 'toggle-buttons'],
    ['widget-toggle-button', 'toggle-button'], ['widget-checkbox', 'checkbox'],
    ['widget-radio', 'radio'], ['widget-slider', 'slider'], ['widget-button', 'button'],
    ['widget-textarea', 'textarea'], ['widget-text', 'text'],
  ];
  const name = el => (window.axe ? axe.commons.text.accessibleText(el) : el.getAttribute('aria-label') || '')
                       .replace(/[\\s\\u200b]+/g, ' ').trim();
  const outs = [...window.jupyterapp.shell.currentWidget.node.querySelectorAll('.jp-OutputArea-output')]
                 .filter(o => o.querySelector(':scope > .jupyter-widgets'));
  if (window.axe) axe.setup(document);   // axe's accessible-name computation needs its tree
  const found = [];
  outs.forEach((out, outIndex) => {
    out.setAttribute('data-bt-output', String(outIndex));
    const roots = new Map();
    const parts = out.querySelectorAll('select, input, button, textarea, [role=slider], [contenteditable=true]');
    for (const el of parts) {
      if (el.closest('.widget-readout')) continue;           // a slider's editable readout
      const root = el.closest('.lm-Widget:not(.widget-container)') || el;
      if (!roots.has(root)) roots.set(root, []);
      roots.get(root).push(el);
    }
    let n = 0;
    for (const [root, els] of roots) {
      const id = `${outIndex}-${n++}`;
      root.setAttribute('data-bt-control', id);
      const kind = (kinds.find(([cls]) => root.classList.contains(cls)) || [null, 'unknown'])[1];
      const label = root.querySelector('.widget-label');
      const described = (label ? label.textContent : '').replace(/[\\s\\u200b]+/g, ' ').trim();
      found.push({id, output: outIndex, kind,
                  description: described || name(els[0]),
                  classes: root.className,
                  unnamed: els.filter(e => !name(e)).map(e => e.outerHTML.slice(0, 120))});
    }
  });
  if (window.axe) axe.teardown();
  return found;
}"""

_VIEWS = """(outIndex) => {
  const out = window.jupyterapp.shell.currentWidget.node.querySelector(`[data-bt-output="${outIndex}"]`);
  const views = out.querySelectorAll('.widget-html-content, .widget-htmlmath-content, .widget-output, .widget-image');
  if (!views.length) return null;
  // A short fingerprint (length and a 32-bit hash) instead of the markup: views can hold large SVGs.
  const text = [...views].map(v => v.tagName === 'IMG' ? v.src : v.innerHTML).join('\\n');
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return `${text.length}:${h}`;
}"""

_AXE = """async () => {
  const areas = [...window.jupyterapp.shell.currentWidget.node.querySelectorAll('.jp-OutputArea')];
  if (!areas.length) return [];
  const result = await axe.run({include: areas.map(a => a)}, {resultTypes: ['violations']});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.html.slice(0, 160))}));
}"""


@dataclass
class Operation:
    """One control operated once, and whether the view it controls changed."""

    control: str
    kind: str
    how: str
    changed: bool
    detail: str = ""


@dataclass
class Report:
    """What one notebook did in JupyterLab; :meth:`problems` lists what is wrong with it."""

    notebook: str
    errors: list[str] = field(default_factory=list)
    unexecuted: list[int] = field(default_factory=list)
    widget_errors: list[str] = field(default_factory=list)
    operations: list[Operation] = field(default_factory=list)
    control_problems: list[str] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)
    axe: list[str] = field(default_factory=list)
    off_machine: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    expected_widgets: int = 0
    rendered_widgets: int = 0
    screenshot: Path | None = None
    interaction: Any = None  # what a notebook-specific interaction returned (see check_notebook's ``interact``)

    def problems(self) -> list[str]:
        out = [f"error output: {e}" for e in self.errors]
        out += [f"cell {i} was not executed" for i in self.unexecuted]
        out += [f"widget: {e}" for e in self.widget_errors]
        out += [f"{op.kind} '{op.control}' ({op.how}): no visible change in its view {op.detail}".rstrip()
                for op in self.operations if not op.changed]
        out += self.control_problems
        out += [f"control without an accessible name: {u}" for u in self.unnamed]
        out += [f"axe: {a}" for a in self.axe]
        out += [f"request off the machine (aborted): {u}" for u in self.off_machine]
        out += [f"uncaught page error: {e}" for e in self.page_errors]
        return out

    def describe(self) -> str:
        problems = self.problems()
        head = f"{self.notebook}: {len(problems)} problem(s)"
        if self.screenshot:
            head += f" (screenshot: {self.screenshot})"
        if self.timings:
            head += "; seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in self.timings.items())
        return head + "".join(f"\n  - {p}" for p in problems)


def _error_texts(cells: list[dict]) -> tuple[list[str], list[int]]:
    errors, unexecuted = [], []
    for cell in cells:
        if cell["type"] != "code":
            continue
        if cell["count"] is None:
            unexecuted.append(cell["index"])
        for out in cell["outputs"]:
            if out.get("output_type") == "error":
                errors.append(f"cell {cell['index']}: {out.get('ename')}: {out.get('evalue')}")
            elif out.get("output_type") == "stream" and out.get("name") == "stderr":
                text = "".join(out.get("text", "")) if isinstance(out.get("text"), list) else out.get("text", "")
                errors.append(f"cell {cell['index']}: stderr: {text.strip()[:300]}")
    return errors, unexecuted


def _expected_widgets(cells: list[dict]) -> int:
    return sum(
        1 for cell in cells for out in cell["outputs"]
        if "application/vnd.jupyter.widget-view+json" in (out.get("data") or {})
    )


def _operate(page: Page, control: dict) -> tuple[str, Callable[[], None] | None]:
    """Operate one control once, as a reader would; return how, and how to put it back.

    Putting each control back before the next is operated means every control is tried from
    the notebook's own state, not from a state earlier operations made (an empty selection
    after unticking every box would hide the next box's effect).
    """
    root = page.locator(f'[data-bt-control="{control["id"]}"]')
    kind = control["kind"]
    if kind in ("dropdown", "select", "select-multiple"):
        select = root.locator("select")
        index, count, chosen = select.evaluate(
            "s => [s.selectedIndex, s.options.length, [...s.selectedOptions].map(o => o.index)]"
        )
        undo = (lambda: select.select_option(index=chosen)) if chosen else None
        if kind == "dropdown":
            # By keyboard as in JupyterLab: Space opens the list, an arrow key moves, Enter
            # chooses.  (Arrow keys on the closed dropdown do not reach it: the notebook's
            # command mode takes them and moves to the next cell.)
            key = "ArrowDown" if index < count - 1 else "ArrowUp"
            select.focus()
            for press in ("Space", key, "Enter"):
                select.press(press)
            return f"keyboard Space, {key}, Enter", undo
        # A list box (size > 1) has no keyboard route in JupyterLab 4.6: arrow keys go to
        # the notebook.  Choose another option with the mouse.
        other = index + 1 if index < count - 1 else index - 1
        select.select_option(index=other)
        return f"mouse: chose option {other + 1} of {count}", undo
    if kind == "checkbox":
        box = root.locator("input[type=checkbox]")
        box.focus()
        box.press("Space")
        return "keyboard Space", lambda: box.press("Space")
    if kind == "toggle-buttons":
        active = root.locator("button.mod-active")
        original = active.first if active.count() else None
        root.locator("button:not(.mod-active)").first.click()
        return "mouse click on an unselected button", (original.click if original else None)
    if kind == "radio":
        checked = root.locator("input[type=radio]:checked")
        original = checked.first.get_attribute("value") if checked.count() else None
        root.locator("input[type=radio]:not(:checked)").first.click()
        undo = (lambda: root.locator(f'input[type=radio][value="{original}"]').click()) if original is not None else None
        return "mouse click on an unselected option", undo
    if kind in ("toggle-button", "button"):
        # ipywidgets draws a Button (and a ToggleButton) as the <button> element itself
        button = root if root.evaluate("e => e.tagName") == "BUTTON" else root.locator("button").first
        button.click()
        return "mouse click", (button.click if kind == "toggle-button" else None)
    if kind in ("textarea", "text"):
        # Typed as a reader pastes: the words arrive in one input event (Playwright's insert_text,
        # the same event a paste gives), after the field was reached and emptied by keyboard.
        field = root.locator("textarea, input").first
        original = field.input_value()
        field.focus()
        field.press("Control+a")
        field.press("Delete")
        page.keyboard.insert_text("Korea")
        return "keyboard: pasted 'Korea'", lambda: field.fill(original)
    if kind == "slider":
        for handle in root.locator("[role=slider]").all():
            now, low, high = (float(handle.get_attribute(a) or 0) for a in ("aria-valuenow", "aria-valuemin", "aria-valuemax"))
            if now < high or now > low:
                key, back = ("ArrowRight", "ArrowLeft") if now < high else ("ArrowLeft", "ArrowRight")
                handle.focus()
                handle.press(key)
                return f"keyboard {key}", lambda h=handle, k=back: (h.focus(), h.press(k))
        raise AssertionError("slider has no handle that can move")
    raise NotImplementedError(kind)


def _wait_changed(page: Page, output: int, before: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if page.evaluate(_VIEWS, output) != before:
            return True
        time.sleep(0.1)
    return False


def _wait_restored(page: Page, output: int, before: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and page.evaluate(_VIEWS, output) != before:
        time.sleep(0.1)


def _full_screenshot(page: Page, path: Path) -> None:
    """The whole notebook: make the window as tall as the notebook's scroll area, then shoot."""
    height = page.evaluate(
        "() => { const s = window.jupyterapp.shell.currentWidget.node.querySelector('.jp-WindowedPanel-outer');"
        " return s ? s.scrollHeight : 0; }"
    )
    size = page.viewport_size or {"width": 1280, "height": 1000}
    page.set_viewport_size({"width": size["width"], "height": int(min(max(height + 200, size["height"]), 12000))})
    page.evaluate(
        "() => { const s = window.jupyterapp.shell.currentWidget.node.querySelector('.jp-WindowedPanel-outer');"
        " if (s) s.scrollTop = 0; }"
    )
    page.wait_for_timeout(300)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path))
    page.set_viewport_size(size)


def record_off_machine(context: BrowserContext, into: list[str]) -> None:
    """Abort and record every request (HTTP or WebSocket) that would leave 127.0.0.1."""

    def abort(route):
        into.append(route.request.url)
        route.abort()

    def close(ws):
        into.append(ws.url)
        ws.close()

    context.route(OFF_MACHINE, abort)
    context.route_web_socket(OFF_MACHINE_WS, close)


_OPEN = """async (path) => {
  await window.jupyterapp.commands.execute('docmanager:open', {path, factory: 'Notebook'});
}"""

# Close the notebook without the "save changes?" dialog (the copy is throw-away) and stop its kernel.
_CLOSE = """async () => {
  const w = window.jupyterapp.shell.currentWidget;
  if (!w || !w.sessionContext) return;
  await w.sessionContext.shutdown();
  w.dispose();
}"""


def open_lab(context: BrowserContext, url: str, timeout: float = 120.0) -> Page:
    """Load JupyterLab once (an empty fresh workspace at ``url``); notebooks are then opened in it."""
    page = context.new_page()
    page.goto(url)
    page.wait_for_function(
        "() => window.jupyterapp && window.jupyterapp.shell && document.querySelector('#jp-MainMenu')",
        timeout=timeout * 1000, polling=200,
    )
    page.evaluate("async () => { await window.jupyterapp.restored; }")
    return page


def check_notebook(
    page: Page,
    path: str,
    *,
    axe_script: Path,
    screenshot: Path,
    off_machine: list[str],
    timeout: float = 120.0,
    change_timeout: float = 10.0,
    interact: Callable[[Page], Any] | None = None,
) -> Report:
    """Open the notebook at ``path`` in JupyterLab, run all cells from the Run menu, inspect the result.

    ``interact(page)``, if given, runs after the generic inspection while the notebook is still open
    (a notebook-specific task, such as creating a unit from a pasted quote); its result is
    ``report.interaction``.
    """
    report = Report(notebook=path)
    off_machine.clear()
    page_errors: list[str] = []
    listener = lambda exc: page_errors.append(str(exc)[:300])  # noqa: E731
    page.on("pageerror", listener)
    try:
        started = time.monotonic()
        page.evaluate(_OPEN, path)
        page.wait_for_function(_READY, arg=path, timeout=timeout * 1000, polling=200)
        report.timings["open"] = time.monotonic() - started
        dialog = page.locator(".jp-Dialog")
        if dialog.count():
            raise AssertionError(f"{path}: a dialog is open before running: {dialog.inner_text()[:300]}")
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.locator('li[data-command="runmenu:run-all"]').click()
        for _ in range(2):  # done twice in a row, 300 ms apart: not caught between two cells
            page.wait_for_function(_DONE, timeout=timeout * 1000, polling=200)
            page.wait_for_timeout(300)
        report.timings["run all"] = time.monotonic() - started - report.timings["open"]
        _inspect(page, report, axe_script, change_timeout)
        if interact is not None:
            report.interaction = interact(page)
        report.screenshot = screenshot
        _full_screenshot(page, screenshot)
    finally:
        page.remove_listener("pageerror", listener)
        report.page_errors = page_errors
        report.off_machine = sorted(set(off_machine))
        page.evaluate(_CLOSE)
    return report


def _inspect(page: Page, report: Report, axe_script: Path, change_timeout: float) -> None:
    cells = page.evaluate(_CELLS)
    report.errors, report.unexecuted = _error_texts(cells)
    report.expected_widgets = _expected_widgets(cells)
    try:
        page.wait_for_function(_WIDGETS_SETTLED, arg=report.expected_widgets, timeout=30_000, polling=200)
    except Exception:  # reported below as widgets that did not render
        pass
    outputs = page.evaluate(_WIDGET_OUTPUTS)
    report.rendered_widgets = sum(1 for o in outputs if o["rendered"])
    if any(o["error"] for o in outputs):
        report.widget_errors.append("'Error displaying widget' shown in the notebook")
    if report.rendered_widgets < report.expected_widgets:
        report.widget_errors.append(
            f"{report.expected_widgets} widget view(s) in the outputs, {report.rendered_widgets} rendered"
        )
    stderr = page.evaluate(
        "() => [...window.jupyterapp.shell.currentWidget.node.querySelectorAll("
        "'.jp-OutputArea-output[data-mime-type=\"application/vnd.jupyter.stderr\"]')].map(e => e.innerText)"
    )
    if stderr and not report.errors:
        report.errors.append(f"stderr shown in the notebook: {stderr[0][:300]}")

    started = time.monotonic()
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(path=str(axe_script))
    for control in page.evaluate(_CONTROLS):
        label = control["description"] or f"control {control['id']}"
        report.unnamed += [f"{control['kind']} '{label}': {html}" for html in control["unnamed"]]
        if control["kind"] == "unknown":
            report.control_problems.append(
                f"no generic operation for the control '{label}' (classes: {control['classes']}); extend lab_check._operate"
            )
            continue
        before = page.evaluate(_VIEWS, control["output"])
        if before is None:
            report.control_problems.append(
                f"{control['kind']} '{label}' has no view to update (convention: a VBox of controls and an HTML view)"
            )
            continue
        how, undo = _operate(page, control)
        changed = _wait_changed(page, control["output"], before, change_timeout)
        report.operations.append(Operation(label, control["kind"], how, changed))
        if changed and undo:
            undo()
            _wait_restored(page, control["output"], before, change_timeout)

    report.timings["operate"] = time.monotonic() - started
    started = time.monotonic()
    violations = page.evaluate(_AXE)
    report.timings["axe"] = time.monotonic() - started
    for violation in violations:
        if violation["impact"] in SERIOUS:
            report.axe.append(
                f"{violation['id']} ({violation['impact']}): {violation['help']}; " + " | ".join(violation["nodes"][:3])
            )
