// Title suggestions for search boxes marked with data-suggest-url, using GOV.UK's
// accessible-autocomplete (npm). Choosing a suggestion opens that page; Enter without choosing
// one searches for what was typed, as it does without JavaScript, where the box is a plain
// search input and nothing here runs.

const MIN_QUERY_LENGTH = 2;
const DELAY_MS = 150;

export async function enhanceSearchBoxes() {
  const inputs = document.querySelectorAll("input[data-suggest-url]");
  if (!inputs.length) {
    return;
  }
  // A UMD bundle: imported for its side effect, it defines window.accessibleAutocomplete.
  await import("../vendor/accessible-autocomplete.min.js");
  inputs.forEach(enhance);
}

function enhance(input) {
  const form = input.form;
  const container = document.createElement("div");
  container.className = "ld-suggest";
  input.before(container);

  const hint = input.getAttribute("aria-describedby");
  const hintText = hint ? document.getElementById(hint)?.textContent.trim() : "";
  window.accessibleAutocomplete({
    element: container,
    id: input.id,
    name: input.name,
    defaultValue: input.value,
    minLength: MIN_QUERY_LENGTH,
    confirmOnBlur: false,
    showNoOptionsFound: false,
    displayMenu: "overlay",
    inputClasses: "govuk-input",
    source: suggestionsFrom(input.dataset.suggestUrl),
    templates: {
      inputValue: (suggestion) => (typeof suggestion === "string" ? suggestion : suggestion?.title ?? ""),
      suggestion: (suggestion) =>
        typeof suggestion === "string"
          ? escapeHtml(suggestion)
          : `${escapeHtml(suggestion.title)} <span class="ld-suggest__type">${escapeHtml(suggestion.type)}</span>`,
    },
    onConfirm: (suggestion) => {
      if (suggestion?.url) {
        window.location.assign(suggestion.url);
      }
    },
    // Read while the box is empty; the visible hint is no longer linked once the library
    // manages the input's aria-describedby, so it is repeated here.
    tAssistiveHint: () =>
      `${hintText ? `${hintText}. ` : ""}As you type, matching pages are suggested: use the up and down arrows to review them and Enter to open one.`,
  });
  const enhanced = container.querySelector("input");
  enhanced.maxLength = input.maxLength > 0 ? input.maxLength : 200;
  enhanced.spellcheck = false;
  // Someone may already be typing when the library arrives: keep their place, or their next
  // key (Enter included) would go to the page instead of the box.
  const wasFocused = document.activeElement === input;
  const { selectionStart, selectionEnd } = input;
  input.remove();
  if (wasFocused) {
    enhanced.focus();
    // The library selects the whole text when its box gains focus, in its next render; put the
    // caret back where it was once that render has run.
    setTimeout(() => enhanced.setSelectionRange(selectionStart, selectionEnd), 0);
  }

  // With the list open the library keeps Enter for choosing a suggestion, even when none is
  // highlighted; then Enter should search, as a plain search box does.
  container.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || !form) {
      return;
    }
    const listOpen = container.querySelector(".autocomplete__menu--visible");
    const highlighted = container.querySelector(".autocomplete__option--focused");
    if (listOpen && !highlighted) {
      form.requestSubmit();
    }
  });
}

function suggestionsFrom(url) {
  let timer;
  let controller;
  return (query, populateResults) => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      controller?.abort();
      controller = new AbortController();
      try {
        const response = await fetch(`${url}?q=${encodeURIComponent(query)}`, {
          headers: { Accept: "application/json" },
          signal: controller.signal,
        });
        populateResults(response.ok ? (await response.json()).results : []);
      } catch (error) {
        if (error.name !== "AbortError") {
          populateResults([]); // offline or refused: the box still searches on Enter
        }
      }
    }, DELAY_MS);
  };
}

function escapeHtml(text) {
  const element = document.createElement("span");
  element.textContent = text ?? "";
  return element.innerHTML;
}
