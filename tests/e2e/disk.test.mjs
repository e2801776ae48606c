// What reaches the disk: with a real browser profile (a user-data directory), every file the
// browser wrote is read after it closes, for what the widget promised would not be there, in
// UTF-8 and in UTF-16LE (how Chromium's LevelDB keeps localStorage and sessionStorage).

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { after, before, test, BUNDLE_NAME, CHROMIUM_ARGS, hostPage, saveFeedback, serve, openYourData } from "./helpers.mjs";

let server;

before(async () => {
  server = await serve({
    "/": hostPage(`<supervision-widget mode="feedback"></supervision-widget>`),
    "/ward": hostPage(`<supervision-widget mode="feedback" privacy="none"></supervision-widget>`),
  });
});

after(async () => {
  await server?.close();
});

/** A browser with a profile on disk; `use` gets a page; returns the profile's folder, closed. */
async function withProfile(use) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "widget-profile-"));
  const context = await chromium.launchPersistentContext(folder, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  const problems = [];
  const requests = [];
  context.on("request", (request) => requests.push(request.url()));
  const page = context.pages()[0] || (await context.newPage());
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
  try {
    await use(page);
  } finally {
    // Closed whatever happened: a browser left open would keep the test file from ending.
    await context.close();
  }
  assert.deepEqual(problems, [], "no page errors or console errors");
  const allowed = [server.origin + "/", server.origin + "/ward", `${server.origin}/${BUNDLE_NAME}`];
  assert.deepEqual(requests.filter((url) => !allowed.includes(url) && !url.startsWith("blob:")), [], "no other requests");
  return folder;
}

/** Waits for the widget to render (this profile's pages do not count ready events). */
const rendered = (page) => page.locator("supervision-widget").locator(".sw").waitFor();

/** Every file under `folder` that holds one of `secrets`, in UTF-8 or UTF-16LE. */
function filesHolding(folder, secrets) {
  const found = [];
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) {
        const bytes = fs.readFileSync(full);
        for (const secret of secrets) {
          if (bytes.includes(Buffer.from(secret, "utf8")) || bytes.includes(Buffer.from(secret, "utf16le"))) {
            found.push(`${path.relative(folder, full)}: ${secret}`);
          }
        }
      }
    }
  };
  visit(folder);
  return found;
}

test("keeping nothing: after the tab closes, no file of the browser's profile holds what was typed", async () => {
  const secret = "Zephyr-marigold kept in this tab only";
  const folder = await withProfile(async (page) => {
    await page.goto(server.origin + "/ward");
    await rendered(page);
    await saveFeedback(page.locator("supervision-widget"), secret);
    await page.close();
  });
  assert.deepEqual(filesHolding(folder, [secret]), []);
});

test("locked: after locking, no file of the profile holds a comment or the passphrase", async () => {
  const secret = "Quillwort lantern under the lock";
  const passphrase = "obsidian heron walks slowly";
  const folder = await withProfile(async (page) => {
    await page.goto(server.origin + "/");
    await rendered(page);
    const w = page.locator("supervision-widget");
    await openYourData(w);
    await w.getByLabel("Keep, locked with a passphrase").check();
    await w.locator("#sw-lock-set-new").fill(passphrase);
    await w.locator("#sw-lock-set-again").fill(passphrase);
    await w.getByRole("button", { name: "Lock with this passphrase" }).click();
    await w.getByText("Saved. What you keep here is locked with your passphrase.").waitFor();
    await saveFeedback(w, secret);
    await w.getByRole("button", { name: "Lock now" }).click();
    await w.getByRole("heading", { name: "Unlock your saved feedback" }).waitFor();
    // Written through the store, sealed, before the browser closes.
    await page.waitForFunction(() => localStorage.getItem("supervision-widget:feedback-sessions")?.startsWith('{"sealed":2'));
  });
  assert.deepEqual(filesHolding(folder, [secret, passphrase]), []);
});
