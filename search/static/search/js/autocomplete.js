/* Autocomplete for the search box: a progressive enhancement (the form works without it).
 * ARIA 1.2 combobox with a listbox popup; arrow keys move, Enter opens the chosen page,
 * Escape closes. No inline script is needed, so a strict Content-Security-Policy is fine. */
(function () {
  "use strict";
  var input = document.querySelector("input[data-autocomplete-url]");
  if (!input || !window.fetch) { return; }

  var url = input.getAttribute("data-autocomplete-url");
  var listId = input.id + "-suggestions";
  var list = document.createElement("ul");
  var status = document.createElement("div");
  var items = [];
  var active = -1;
  var timer = null;
  var lastQuery = "";
  var controller = null;

  list.id = listId;
  list.className = "search-suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Suggested pages");
  list.hidden = true;
  status.className = "govuk-visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listId);
  input.parentNode.insertBefore(list, input.nextSibling);
  input.parentNode.insertBefore(status, list.nextSibling);

  function close() {
    list.hidden = true;
    list.textContent = "";
    items = [];
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function highlight(index) {
    items.forEach(function (item, i) {
      item.setAttribute("aria-selected", i === index ? "true" : "false");
      item.classList.toggle("search-suggestions__item--active", i === index);
    });
    active = index;
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", items[index].id);
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function render(results) {
    close();
    if (!results.length) {
      status.textContent = "No suggestions";
      return;
    }
    results.forEach(function (result, i) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      var type = document.createElement("span");
      item.id = listId + "-" + i;
      item.className = "search-suggestions__item";
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      link.href = result.url;
      link.className = "govuk-link";
      link.tabIndex = -1;
      link.textContent = result.title;  // textContent: titles are never parsed as HTML
      type.className = "govuk-hint govuk-!-display-block govuk-!-margin-0";
      type.textContent = result.type;
      item.appendChild(link);
      item.appendChild(type);
      item.addEventListener("mousedown", function (event) {
        event.preventDefault();
        window.location.assign(result.url);
      });
      list.appendChild(item);
      items.push(item);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    status.textContent = results.length + " suggestion" + (results.length === 1 ? "" : "s") +
      " available; use up and down arrows to choose";
  }

  function lookup() {
    var query = input.value.trim();
    if (query.length < 2) { lastQuery = query; close(); return; }
    if (query === lastQuery) { return; }
    lastQuery = query;
    if (controller) { controller.abort(); }
    controller = window.AbortController ? new AbortController() : null;
    fetch(url + "?q=" + encodeURIComponent(query), {
      headers: { "Accept": "application/json" },
      signal: controller ? controller.signal : undefined
    })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) {
        if (input.value.trim() === query) { render(data.results || []); }
      })
      .catch(function () { /* offline or aborted: the plain form still works */ });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(lookup, 150);
  });

  input.addEventListener("keydown", function (event) {
    if (list.hidden || !items.length) { return; }
    if (event.key === "ArrowDown") {
      event.preventDefault();
      highlight((active + 1) % items.length);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      highlight(active <= 0 ? items.length - 1 : active - 1);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.assign(items[active].querySelector("a").href);
    } else if (event.key === "Escape") {
      close();
    }
  });

  input.addEventListener("blur", function () { window.setTimeout(close, 100); });
})();
