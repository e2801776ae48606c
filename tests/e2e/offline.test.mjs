// Offline: the standalone page, and a host page saved with the bundle beside it, both work
// from file:// with no network at all.

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, test, BUNDLE_NAME, DIST, launch, openSession, waitForReady } from "./helpers.mjs";

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function useOffline(session, url) {
  const { page } = session;
  await page.goto(url);
  await waitForReady(page);
  await page.getByRole("button", { name: "Cymraeg" }).click();
  await page.getByRole("heading", { name: "Hwb Goruchwylio" }).waitFor();
  // The language choice is remembered in the file page's own storage.
  await page.reload();
  await waitForReady(page);
  await page.getByRole("heading", { name: "Hwb Goruchwylio" }).waitFor();
}

test("the standalone offline page works from file://", async () => {
  const url = pathToFileURL(path.join(DIST, "supervision-widget.html")).href;
  const session = await openSession(browser);
  await useOffline(session, url);
  await session.check([url]);
});

test("a host page saved with the bundle beside it works from file://", async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "saved-page-"));
  // "Save page as, complete" keeps the page and puts its script in a _files folder.
  fs.mkdirSync(path.join(folder, "Improving_files"));
  fs.copyFileSync(path.join(DIST, BUNDLE_NAME), path.join(folder, "Improving_files", BUNDLE_NAME));
  const html = fs
    .readFileSync(path.join(DIST, "embed-example.html"), "utf8")
    .replace(`src="${BUNDLE_NAME}"`, `src="./Improving_files/${BUNDLE_NAME}"`);
  assert.ok(html.includes("Improving_files"), "the saved page points at the saved bundle");
  fs.writeFileSync(path.join(folder, "Improving.html"), html);
  const url = pathToFileURL(path.join(folder, "Improving.html")).href;
  const bundleUrl = pathToFileURL(path.join(folder, "Improving_files", BUNDLE_NAME)).href;
  const session = await openSession(browser);
  await useOffline(session, url);
  await session.check([url, bundleUrl]);
});
