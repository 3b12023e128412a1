/* The reader's edition: code hidden by default with a keyboard-usable toggle per page and per cell,
   and the Pagefind search box.  Without JavaScript the code shows and the search box is absent. */
(function () {
  "use strict";
  document.documentElement.classList.add("reader-js");
  var root = new URL(".", document.currentScript ? document.currentScript.src : location.href).pathname;

  function setCell(cell, open) {
    cell.classList.toggle("code-open", open);
    var button = cell.querySelector(":scope > .code-toggle");
    if (button) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      button.textContent = open ? "Hide code" : "Show code";
    }
  }

  function setAll(open) {
    document.querySelectorAll(".jp-CodeCell").forEach(function (cell) { setCell(cell, open); });
    document.querySelectorAll(".code-toggle-all").forEach(function (b) {
      b.setAttribute("aria-pressed", open ? "true" : "false");
      b.textContent = open ? "Hide all code" : "Show all code";
    });
  }

  function codeToggles() {
    var cells = document.querySelectorAll(".jp-CodeCell");
    if (!cells.length) return;
    cells.forEach(function (cell, i) {
      var input = cell.querySelector(":scope > .jp-Cell-inputWrapper");
      if (!input) return;
      input.id = input.id || "code-" + (i + 1);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "code-toggle";
      button.setAttribute("aria-controls", input.id);
      button.setAttribute("data-pagefind-ignore", "");
      button.addEventListener("click", function () { setCell(cell, !cell.classList.contains("code-open")); });
      cell.insertBefore(button, input);
      setCell(cell, false);
    });
    var bar = document.createElement("div");
    bar.className = "code-toolbar";
    bar.setAttribute("data-pagefind-ignore", "all");
    var all = document.createElement("button");
    all.type = "button";
    all.className = "code-toggle-all";
    all.setAttribute("aria-pressed", "false");
    all.textContent = "Show all code";
    all.addEventListener("click", function () { setAll(all.getAttribute("aria-pressed") !== "true"); });
    bar.appendChild(all);
    var nav = document.querySelector(".edition-nav");
    var main = document.querySelector("main");
    if (nav && nav.parentNode) nav.parentNode.insertBefore(bar, nav.nextSibling);
    else main.insertBefore(bar, main.firstChild);
  }

  function search() {
    if (typeof PagefindUI === "undefined") return;
    document.querySelectorAll(".edition-search").forEach(function (el, i) {
      el.id = el.id || "edition-search-" + (i + 1);
      new PagefindUI({ element: "#" + el.id, baseUrl: root, bundlePath: root + "pagefind/", showImages: false,
                       resetStyles: false, translations: { placeholder: "Search the edition" } });
    });
  }

  /* Printing opens nothing and closes nothing: a listing the reader opened prints, the others do not. */
  document.addEventListener("DOMContentLoaded", function () { codeToggles(); search(); });
})();
