// A plain http:// intranet page is not a secure context: there navigator.clipboard,
// navigator.locks and crypto.subtle are undefined. Every other test runs on 127.0.0.1, which
// browsers treat as secure, so these run the key flows on a host name mapped to it instead:
// saving, copying a summary, two tabs, and export / import. No page or console error anywhere.

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test, BUNDLE_NAME, hostPage, launch, openSession, openYourData, readStorage, serve, waitForReady, rateAllSix } from "./helpers.mjs";

const HOST = "intranet.example";

let browser;
let server;
let origin;

before(async () => {
  browser = await launch([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
  server = await serve({ "/": hostPage(`<supervision-widget mode="feedback"></supervision-widget>`) });
  origin = server.origin.replace("127.0.0.1", HOST);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const widget = (page) => page.locator("supervision-widget");
const allowed = () => [`${origin}/`, `${origin}/${BUNDLE_NAME}`];

/** Opens the widget on the plain-http host and checks the page really is not a secure context. */
async function openInsecure() {
  const session = await openSession(browser);
  await session.page.goto(`${origin}/`);
  await waitForReady(session.page);
  const apis = await session.page.evaluate(() => ({
    secure: window.isSecureContext,
    clipboard: typeof navigator.clipboard,
    locks: typeof navigator.locks,
    subtle: typeof (window.crypto && window.crypto.subtle),
  }));
  assert.deepEqual(apis, { secure: false, clipboard: "undefined", locks: "undefined", subtle: "undefined" });
  return session;
}

/** Fills the whole form with `rating` everywhere and saves it. */
async function saveSession(page, rating) {
  await widget(page).getByLabel("I received supervision").check();
  await widget(page).getByLabel("Clinical").check();
  await widget(page).getByRole("button", { name: "Continue" }).click();
  // All six on one page.
  await rateAllSix(widget(page), Array(6).fill(rating));
  await widget(page).getByRole("button", { name: "Continue" }).click();
  await widget(page).getByRole("button", { name: "Save feedback" }).click();
  await widget(page).getByText("Feedback saved").waitFor();
}

test("on a plain http:// page, a session is saved and Copy summary offers the text to copy by hand", async () => {
  const session = await openInsecure();
  const { page } = session;
  await saveSession(page, 4);
  const stored = JSON.parse((await readStorage(page))["supervision-widget:feedback-sessions"]).data;
  assert.deepEqual(stored[0].ratings, [4, 4, 4, 4, 4, 4]);

  await widget(page).getByRole("button", { name: "Copy summary" }).click();
  await widget(page).getByText("Your browser did not let this tool copy.").waitFor();
  assert.match(await widget(page).getByLabel("Summary").inputValue(), /Safe: 4/);
  // The text to send a supervisor is offered to copy by hand the same way.
  await widget(page).getByText("Send this feedback to your supervisor", { exact: true }).click();
  await widget(page).getByRole("button", { name: "Copy the text to send" }).click();
  await widget(page).getByText("This page cannot copy for you. Select the text below and copy it.").waitFor();
  assert.match(await widget(page).getByLabel("The text to send").inputValue(), /\nSWFB1\n[A-Z2-7\n]+$/);
  await session.check(allowed());
});

test("on a plain http:// page, another tab's save refreshes this one (no Web Locks)", async () => {
  const session = await openInsecure();
  const tabA = session.page;
  const tabB = await session.context.newPage();
  const problems = [];
  tabB.on("pageerror", (error) => problems.push(error.message));
  tabB.on("console", (message) => message.type() === "error" && problems.push(message.text()));
  await tabB.goto(`${origin}/`);
  await waitForReady(tabB);
  await widget(tabB).getByRole("button", { name: "Your saved sessions" }).click();
  await widget(tabB).getByText("You have not saved any feedback yet.").waitFor();

  // The person switches back to the first tab (a background tab's clicks wait on frames that a
  // hidden page does not draw).
  await tabA.bringToFront();
  await saveSession(tabA, 3);
  // Tab B's history shows the session without a reload.
  await widget(tabB).locator(".sw-table tbody tr").first().waitFor();
  assert.equal(await widget(tabB).locator(".sw-table tbody tr").count(), 1);
  assert.deepEqual(problems, []);
  await session.check(allowed());
});

test("on a plain http:// page, export and import move the data", async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "sw-insecure-"));
  const first = await openInsecure();
  await saveSession(first.page, 5);
  await openYourData(widget(first.page));
  const [download] = await Promise.all([
    first.page.waitForEvent("download"),
    widget(first.page).getByRole("button", { name: "Export all my data" }).click(),
  ]);
  const file = path.join(folder, "export.json");
  fs.copyFileSync(await download.path(), file);
  await first.check(allowed());

  // Another browser profile (another computer): empty until the file is imported.
  const second = await openInsecure();
  const { page } = second;
  await openYourData(widget(page));
  await widget(page).getByLabel("Import data from an export file").setInputFiles(file);
  await widget(page).getByRole("button", { name: "Import", exact: true }).click();
  await widget(page).getByText("Import finished: 1 added").waitFor();
  const stored = JSON.parse((await readStorage(page))["supervision-widget:feedback-sessions"]).data;
  assert.deepEqual(stored[0].ratings, [5, 5, 5, 5, 5, 5]);
  await second.check(allowed());
});
