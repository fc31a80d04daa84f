// Progressive enhancement for every page. The site works without it; this adds GOV.UK
// Frontend's behaviour (menu toggle, details polyfills, error summary focus and so on), title
// suggestions in search boxes, a contents list on long pages and, on phones, filter panels
// that open on request. Loaded as a module from base.html, never inline, so the
// Content Security Policy can forbid inline scripts.

import { initAll } from "../vendor/govuk-frontend.min.js";
import { addContentsList } from "./contents-list.js";
import { collapseFilterPanels } from "./filter-panel.js";
import { enhanceSearchBoxes } from "./search-suggestions.js";

document.body.classList.add("js-enabled");
if ("noModule" in HTMLScriptElement.prototype) {
  document.body.classList.add("govuk-frontend-supported");
}

initAll();
addContentsList();
collapseFilterPanels();
enhanceSearchBoxes();
