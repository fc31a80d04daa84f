// A "Contents" list for long content pages, built from the page's own section headings so it
// always matches what is shown. On a desktop it sits beside the text and stays in view while
// reading; on a phone it follows the "At a glance" summary. Without JavaScript the page reads
// straight through, as before.

const WIDE = window.matchMedia("(min-width: 48.0625em)"); // GOV.UK Frontend's desktop width
const MIN_SECTIONS = 4; // a short page is easier to scroll than to navigate

export function addContentsList() {
  const nav = document.querySelector("[data-contents]");
  const source = document.querySelector("[data-contents-source]");
  if (!nav || !source) {
    return;
  }
  // The sections after the "At a glance" summary, where the list itself goes on a phone.
  const start = source.querySelector("[data-contents-phone]");
  const headings = [...source.querySelectorAll("h2")].filter(
    (heading) =>
      heading.textContent.trim() &&
      heading.getClientRects().length &&
      start?.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
  if (headings.length < MIN_SECTIONS) {
    return;
  }
  const list = nav.querySelector("ol");
  const used = new Set();
  for (const heading of headings) {
    heading.id ||= uniqueId(heading.textContent, used);
    used.add(heading.id);
    const link = document.createElement("a");
    link.className = "govuk-link";
    link.href = `#${heading.id}`;
    link.textContent = heading.textContent.trim();
    const item = document.createElement("li");
    item.append(link);
    list.append(item);
  }
  const place = () => {
    const spot = document.querySelector(WIDE.matches ? "[data-contents-wide]" : "[data-contents-phone]");
    spot?.append(nav);
  };
  place();
  WIDE.addEventListener("change", place);
  nav.hidden = false;
}

function uniqueId(text, used) {
  const base = `section-${text.toLowerCase().trim().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
  let id = base;
  for (let n = 2; used.has(id) || document.getElementById(id); n += 1) {
    id = `${base}-${n}`;
  }
  return id;
}
