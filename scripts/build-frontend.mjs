// Builds the front end: Sass to compressed CSS, and copies the vendor scripts we serve.
// Usage: node scripts/build-frontend.mjs [--force] [--dev]
// Re-running is cheap: outputs newer than every input are left alone unless --force is given.

import { copyFile, mkdir, readdir, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = new Set(process.argv.slice(2));
const force = args.has("--force");
const dev = args.has("--dev");

const scssEntry = join(root, "localdigital/static_src/scss/main.scss");
const cssOutput = join(root, "localdigital/static/css/main.css");
const vendorDir = join(root, "localdigital/static/vendor");
const copies = [
  ["node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js", "govuk-frontend.min.js"],
  ["node_modules/axe-core/axe.min.js", "axe.min.js"],
  [
    "node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.js",
    "accessible-autocomplete.min.js",
  ],
  // The script names its source map on a line of its own, which collectstatic's manifest
  // storage follows and refuses to leave dangling.
  [
    "node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.js.map",
    "accessible-autocomplete.min.js.map",
  ],
];

async function mtime(path) {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return 0;
  }
}

async function newestIn(dir) {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      newest = Math.max(newest, await mtime(join(entry.parentPath ?? entry.path, entry.name)));
    }
  }
  return newest;
}

async function buildCss() {
  const inputs = Math.max(
    await newestIn(dirname(scssEntry)),
    await mtime(join(root, "node_modules/govuk-frontend/package.json")),
    await mtime(join(root, "node_modules/accessible-autocomplete/package.json")),
    await mtime(fileURLToPath(import.meta.url)),
  );
  if (!force && (await mtime(cssOutput)) > inputs) {
    console.log(`css: ${relative(root, cssOutput)} is up to date`);
    return;
  }
  // Loaded only when needed, so an up-to-date re-run does not pay for starting Sass.
  const sass = await import("sass");
  const started = performance.now();
  const result = await sass.compileAsync(scssEntry, {
    loadPaths: [join(root, "node_modules")],
    style: dev ? "expanded" : "compressed",
    sourceMap: false,
    // GOV.UK Frontend 5 is written with @import and global functions; its warnings are not ours.
    quietDeps: true,
    silenceDeprecations: ["import", "global-builtin"],
  });
  await mkdir(dirname(cssOutput), { recursive: true });
  await writeFile(cssOutput, result.css);
  const ms = Math.round(performance.now() - started);
  console.log(`css: wrote ${relative(root, cssOutput)} (${result.css.length} bytes, ${ms} ms)`);
}

async function copyVendor() {
  await mkdir(vendorDir, { recursive: true });
  for (const [from, name] of copies) {
    const source = join(root, from);
    const target = join(vendorDir, name);
    const sourceTime = await mtime(source);
    if (!sourceTime) {
      throw new Error(`${from} is missing: run npm install first`);
    }
    if (force || (await mtime(target)) < sourceTime) {
      await copyFile(source, target);
      console.log(`vendor: copied ${from}`);
    } else {
      console.log(`vendor: ${name} is up to date`);
    }
  }
}

try {
  await Promise.all([buildCss(), copyVendor()]);
} catch (error) {
  console.error(error.message ?? error);
  process.exitCode = 1;
}
