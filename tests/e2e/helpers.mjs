// Shared set-up for the end-to-end tests: a local server for host pages and the built bundle,
// a headless Chromium, and a session that records everything a test must fail on (page errors,
// console errors, CSP violations and any request beyond the host page and the bundle).

import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as nodeTest from "node:test";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, "../..");
export const DIST = path.join(ROOT, "dist");
export const BUNDLE_NAME = "supervision-widget.js";

/**
 * The limit for one test or hook. It is set on each test, never on the run (`node --test
 * --test-timeout` also limits each file as a whole, so a file with many tests was cut short by
 * their total time on a slow machine). Generous: a test takes seconds, and CI machines are busy.
 */
export const TEST_TIMEOUT_MS = 180_000;

/** `node:test`'s `test`, with the per-test limit. */
export function test(name, fn) {
  return nodeTest.test(name, { timeout: TEST_TIMEOUT_MS }, fn);
}

/** `node:test`'s `before`, with the per-test limit. */
export function before(fn) {
  return nodeTest.before(fn, { timeout: TEST_TIMEOUT_MS });
}

/** `node:test`'s `after`, with the per-test limit. */
export function after(fn) {
  return nodeTest.after(fn, { timeout: TEST_TIMEOUT_MS });
}

export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Starts headless Chromium; `extraArgs` add to the flags every test uses. */
export function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** The CSP the README documents for host pages. */
export const STRICT_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** The same without 'wasm-unsafe-eval': WebAssembly cannot start. */
export const NO_WASM_CSP = "default-src 'none'; script-src 'self'; style-src 'self'";

/** The console errors a failed start-up logs (the browser's CSP report and the widget's own). */
export const STARTUP_FAILURE_ERRORS = /WebAssembly|wasm|unsafe-eval|could not start/i;

/** An init script: localStorage throws on access, as in a sandboxed frame or with storage blocked. */
export function blockStorage() {
  Object.defineProperty(window, "localStorage", {
    get() {
      throw new DOMException("The operation is insecure.", "SecurityError");
    },
  });
}

/**
 * An init script: every localStorage write fails as if the quota were used up, except on /blank,
 * which seeds storage as an earlier visit would have.
 */
export function fillStorage() {
  if (location.pathname === "/blank") return;
  Storage.prototype.setItem = function () {
    throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  };
}

/**
 * A host page: `body` is its HTML; the bundle is loaded the way a web editor would add it.
 * Options: lang (of <html>), head (extra head HTML), script ("before" or "after" the body).
 */
export function hostPage(body, { lang = "en-GB", head = "", script = "before", title = "Host page" } = {}) {
  const tag = `<script src="/${BUNDLE_NAME}"></script>`;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${title}</title>${head}</head>
<body><main>${script === "before" ? tag : ""}${body}${script === "after" ? tag : ""}</main></body>
</html>`;
}

/**
 * Serves `pages` ({ "/path": html or { body, csp, type } }) plus the bundle and any file under
 * node_modules/nhsuk-frontend/dist, on 127.0.0.1. Returns { origin, close, requests } (`requests`:
 * every path asked for, in order).
 */
export async function serve(pages) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    requests.push(url.pathname);
    if (url.pathname === "/favicon.ico") {
      // The browser's own favicon request, not the widget's: answer it so it logs no 404.
      res.writeHead(204).end();
      return;
    }
    let entry = pages[url.pathname] ?? (url.pathname === "/blank" ? "<!DOCTYPE html><title>blank</title>" : undefined);
    if (typeof entry === "string") entry = { body: entry };
    if (!entry && url.pathname === `/${BUNDLE_NAME}`) {
      entry = { body: fs.readFileSync(path.join(DIST, BUNDLE_NAME)), type: "text/javascript" };
    }
    if (!entry && url.pathname === "/nhsuk.css") {
      // The real NHS.UK stylesheet, minus its @font-face rules: they fetch Frutiger from
      // assets.nhs.uk, which is the host page's request (and unreachable here), not the widget's.
      const css = fs.readFileSync(path.join(ROOT, "node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css"), "utf8");
      entry = { body: css.replace(/@font-face\s*{[^}]*}/g, ""), type: "text/css" };
    }
    if (!entry) {
      res.writeHead(404).end();
      return;
    }
    const headers = { "Content-Type": entry.type || "text/html; charset=utf-8" };
    if (entry.csp) headers["Content-Security-Policy"] = entry.csp;
    res.writeHead(200, headers).end(entry.body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, requests, close: () => new Promise((resolve) => server.close(resolve)) };
}

// Runs in every page before its scripts: reports CSP violations as console errors, and counts
// ready events (on the window, so elements in any shadow root are counted).
const WATCH = () => {
  document.addEventListener("securitypolicyviolation", (e) => {
    console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
  });
  window.addEventListener("supervision-widget:ready", () => {
    window.__swReadyCount = (window.__swReadyCount || 0) + 1;
  });
};

/**
 * Opens a new context and page that record problems. Options:
 * - init: a function (or [fn, arg]) to run in the page before its scripts (fault injection)
 * - allowedConsoleError: a RegExp for console errors this test expects
 * Returns { page, context, problems, requests, check(allowedUrls) }.
 */
export async function openSession(browser, { init, allowedConsoleError, viewport } = {}) {
  const context = await browser.newContext({ serviceWorkers: "block", viewport: viewport || { width: 1024, height: 900 } });
  await context.addInitScript(WATCH);
  if (init) {
    const [fn, arg] = Array.isArray(init) ? init : [init, undefined];
    await context.addInitScript(fn, arg);
  }
  const page = await context.newPage();
  const problems = [];
  const warnings = [];
  const requests = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && !(allowedConsoleError && allowedConsoleError.test(message.text()))) {
      problems.push(`console error: ${message.text()}`);
    }
    if (message.type() === "warning") warnings.push(message.text());
  });
  context.on("request", (request) => requests.push(request.url()));
  return {
    page,
    context,
    problems,
    warnings,
    requests,
    /** Fails on any recorded problem, and on any request not in `allowed` (full URLs). */
    async check(allowed) {
      assert.deepEqual(problems, [], "no page errors, console errors or CSP violations");
      // A blob: URL is a file the page made itself (a CSV download), not a network request.
      const unexpected = requests.filter((url) => !allowed.includes(url) && !url.startsWith("blob:"));
      assert.deepEqual(unexpected, [], "no requests beyond the host page and the bundle");
      await context.close();
    },
  };
}

/** Waits until `count` widgets have announced they are ready. */
export async function waitForReady(page, count = 1) {
  await page.waitForFunction((n) => (window.__swReadyCount || 0) >= n, count, { timeout: 30000 });
}

/**
 * Waits (up to 2 s) until no widget write is waiting for or holding its cross-tab lock, as a
 * person would see the page once it has done what they asked. A test holding the lock itself
 * just waits the 2 s.
 */
export async function writesSettled(page) {
  await page.evaluate(async () => {
    if (!navigator.locks) return;
    for (let tries = 0; tries < 80; tries++) {
      // Pages where Web Locks refuse (file://) have no lock to wait for.
      const snapshot = await navigator.locks.query().catch(() => ({}));
      const { held = [], pending = [] } = snapshot;
      if (![...held, ...pending].some((lock) => lock.name.endsWith(":lock"))) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });
}

/** The text of the element focused inside the widget (through shadow roots): a radio's or a
 * checkbox's is its label's. */
export async function focusedText(page) {
  await writesSettled(page);
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active && active.shadowRoot && active.shadowRoot.activeElement) {
      active = active.shadowRoot.activeElement;
    }
    if (active && (active.type === "radio" || active.type === "checkbox")) return active.labels[0]?.textContent.trim();
    return active ? active.textContent.trim() : null;
  });
}

/** Tabs on until the focused element's text (or, for a field, its id) is `target` (at most 40 presses). */
export async function tabTo(page, target) {
  const focused = () =>
    page.evaluate(() => {
      let active = document.activeElement;
      while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
      return active ? active.id || active.textContent.trim() : null;
    });
  for (let i = 0; i < 40 && (await focused()) !== target; i++) await page.keyboard.press("Tab");
  assert.equal(await focused(), target);
}

/** Puts values in the page origin's localStorage before the host page loads. */
export async function seedStorage(page, origin, values) {
  await page.goto(`${origin}/blank`);
  await page.evaluate((entries) => {
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, values);
}

/** The origin's localStorage as an object, once the widget's writes are made. */
export async function readStorage(page) {
  await writesSettled(page);
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
}

/**
 * Waits until localStorage's `key` holds `text` (an autosave lands after typing pauses and the
 * cross-tab lock is granted, later on a busy machine), then returns all of localStorage.
 */
export async function readStorageWhen(page, key, text) {
  await page.waitForFunction(([key, text]) => localStorage.getItem(key)?.includes(text), [key, text]);
  return readStorage(page);
}

/** A stored record's envelope around `data`, as the widget writes it. */
export const envelope = (data, version = 1) => JSON.stringify({ version, rev: 1, saved_at: "2026-11-01T00:00:00.000Z", data });

/** A saved feedback session as the widget stores it (`ratings`: six numbers or nulls for N/A). */
export function storedSession(id, date, ratings, { role = "received", kind = "clinical", comment = "" } = {}) {
  return { id, role, kind, date, label: `Session ${id}`, ratings, comments: [comment, "", "", "", "", ""], saved_at: `${date}T12:00:00.000Z` };
}

/**
 * `count` saved sessions, one a day back from 1 November 2026 (ids s1 newest, s2, ...); every
 * third is coaching, the rest clinical. A history long enough to have pages.
 */
export function manySessions(count) {
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(2026, 10, 1 - i)).toISOString().slice(0, 10);
    return storedSession(`s${i + 1}`, date, [3, 4, 3, 4, 3, 4], { kind: i % 3 === 2 ? "coaching" : "clinical" });
  });
}

/** The comment of {@link PRIVATE_SESSION}: private text that must never be seen where it should not be. */
export const PRIVATE_COMMENT = "A private worry from January";

/** A saved session whose first comment is {@link PRIVATE_COMMENT}. */
export const PRIVATE_SESSION = storedSession("old", "2026-01-05", [3, 3, 3, 3, 3, 3], { comment: PRIVATE_COMMENT });

/**
 * Opens `path` on a computer that already holds {@link PRIVATE_SESSION} (as the last person
 * at the desk left it), once the widget is ready; returns the widget.
 */
export async function openWithAPrivateSession(page, origin, path) {
  await seedStorage(page, origin, { "supervision-widget:feedback-sessions": envelope([PRIVATE_SESSION]) });
  await page.goto(origin + path);
  await waitForReady(page);
  return page.locator("supervision-widget");
}

/** Unfolds "Your data" (export and import) in a widget, if it is folded. */
export async function openYourData(widget) {
  const details = widget.locator("details.sw-data");
  if (!(await details.evaluate((el) => el.open))) await details.locator(":scope > summary").click();
}

/** Another page in a session's browser context (another tab, or the next person at the same
 * computer: the same storage), recording its own page and console errors in `problems`; opened
 * on `url`, when given, once its widget is ready. */
export async function anotherPage(session, url) {
  const page = await session.context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
  if (url) {
    await page.goto(url);
    await waitForReady(page);
  }
  return { page, problems };
}

/** Fills and saves a whole feedback session (received, clinical, 4 everywhere) with `comment`
 * on the first domain and no actions, from any screen of the feedback part. */
export async function saveFeedback(widget, comment) {
  await widget.getByRole("button", { name: "Give feedback on a session" }).click();
  await widget.getByLabel("I received supervision").check();
  await widget.getByLabel("Clinical").check();
  await widget.getByRole("button", { name: "Continue" }).click();
  await rateAllSix(widget, [4, 4, 4, 4, 4, 4], comment);
  await widget.getByRole("button", { name: "Continue" }).click();
  await widget.getByRole("button", { name: "Save feedback" }).click();
  // Saved, or (keeping nothing on this computer) kept in this tab only.
  await widget.getByText("Feedback saved", { exact: true }).or(widget.getByText("Kept in this tab only", { exact: true })).waitFor();
}

/**
 * On the page of all six domains: rates each (a number, or "na"), and comments on the first
 * when `comment` is given (opening its "Add a comment").
 */
export async function rateAllSix(widget, ratings, comment) {
  for (let i = 0; i < 6; i++) await widget.locator(`#sw-fb-rating-${i}-${ratings[i]}`).check();
  if (comment) {
    await widget.locator("details:has(#sw-fb-comment-0) > summary").click();
    await widget.locator("#sw-fb-comment-0").fill(comment);
  }
}

/** Opens the history and returns how many sessions its page lists. */
export async function historyRows(widget) {
  await widget.getByRole("button", { name: "Your saved sessions" }).click();
  await widget.locator("tbody tr").or(widget.getByText("You have not saved any feedback yet.")).first().waitFor();
  return widget.locator("tbody tr").count();
}
