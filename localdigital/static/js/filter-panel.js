// On a phone, filter panels (marked data-filter-panel) start closed behind a "Show filters"
// button, so the results are on the first screen rather than below a long list of checkboxes.
// Wider screens show the panel beside the results and never see the button; the CSS limits
// both the button and the closed state to narrow screens. Without JavaScript the panel is open.

export function collapseFilterPanels() {
  document.querySelectorAll("[data-filter-panel]").forEach(addToggle);
}

function addToggle(panel) {
  if (!panel.querySelector("input, select")) {
    return; // nothing to filter by (a search with no results): no button either
  }
  const chosen = panel.querySelectorAll("input[type=checkbox]:checked").length;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "govuk-button govuk-button--secondary ld-filter-toggle";
  button.setAttribute("aria-controls", panel.id);
  panel.before(button);

  const show = (open) => {
    panel.classList.toggle("ld-filter-panel--closed", !open);
    button.setAttribute("aria-expanded", String(open));
    button.textContent = `${open ? "Hide" : "Show"} filters${chosen ? ` (${chosen} selected)` : ""}`;
  };
  // A disclosure: focus stays on the button, and the panel follows it in the tab order.
  button.addEventListener("click", () => {
    show(panel.classList.contains("ld-filter-panel--closed"));
  });
  show(false);
}
