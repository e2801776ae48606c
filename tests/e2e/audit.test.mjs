// Accessibility beyond axe: what an auditor checks by hand. Focus after every confirmation,
// the heading outline at each `heading-level`, captions inside the headings they caption, no
// sideways scrolling at 320 px where tables are, the file inputs' focus style, and names in the
// accessibility tree.

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test,
  BUNDLE_NAME, envelope, focusedText, hostPage, launch, openSession, openYourData, seedStorage, serve, storedSession, waitForReady,
} from "./helpers.mjs";

let browser;
let server;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "widget-audit-"));

before(async () => {
  browser = await launch();
  server = await serve({
    "/feedback": hostPage(`<supervision-widget mode="feedback"></supervision-widget>`),
    "/feedback-cy": hostPage(`<supervision-widget mode="feedback" lang="cy"></supervision-widget>`),
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const allowed = (pagePath) => [server.origin + pagePath, `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/blank`];
const widget = (page) => page.locator("supervision-widget");
const SEEDED = {
  "supervision-widget:feedback-sessions": envelope([
    storedSession("a", "2026-09-01", [3, 3, 3, 3, 3, 3]),
    storedSession("b", "2026-10-01", [4, null, 4, 2, 5, 4]),
  ]),
};

async function openSeeded(pagePath, values = SEEDED) {
  const session = await openSession(browser);
  await seedStorage(session.page, server.origin, values);
  await session.page.goto(server.origin + pagePath);
  await waitForReady(session.page);
  return session;
}

test("every confirmation: Cancel returns focus to the button that asked, Yes moves it to the outcome", async () => {
  const session = await openSeeded("/feedback");
  const { page } = session;
  const w = widget(page);

  // Start again on the form.
  await w.getByRole("button", { name: "Start again" }).click();
  assert.match(await focusedText(page), /^Start again\?/);
  await w.getByRole("button", { name: "Cancel" }).click();
  assert.equal(await focusedText(page), "Start again");
  await w.getByRole("button", { name: "Start again" }).click();
  await w.getByRole("button", { name: "Yes, start again" }).click();
  assert.equal(await focusedText(page), "About the session", "the outcome: a fresh first page");

  // Delete from the history.
  await w.getByRole("button", { name: "Your saved sessions" }).click();
  await w.getByRole("button", { name: "Delete 1 September 2026" }).click();
  assert.match(await focusedText(page), /^Delete the feedback/);
  await w.getByRole("button", { name: "Cancel" }).click();
  assert.equal(await focusedText(page), "Delete 1 September 2026");
  await w.getByRole("button", { name: "Delete 1 September 2026" }).click();
  await w.getByRole("button", { name: "Yes, delete it" }).click();
  assert.equal(await focusedText(page), "The session of 1 September 2026 has been deleted.");

  // Delete from a saved session's own page.
  await w.getByRole("button", { name: "Open 1 October 2026" }).click();
  await w.getByRole("button", { name: "Delete", exact: true }).click();
  await w.getByRole("button", { name: "Cancel" }).click();
  assert.equal(await focusedText(page), "Delete");
  await w.getByRole("button", { name: "Delete", exact: true }).click();
  await w.getByRole("button", { name: "Yes, delete it" }).click();
  assert.equal(await focusedText(page), "The session of 1 October 2026 has been deleted.");

  // Replace my data, in Your data.
  const file = path.join(folder, "export.json");
  fs.writeFileSync(file, JSON.stringify({ format: "supervision-widget-export", version: 1, exported_at: "2026-11-26T10:00:00Z",
    data: { quiz_history: [], feedback_sessions: [storedSession("c", "2026-11-01", [5, 5, 5, 5, 5, 5])] } }));
  await openYourData(w);
  await w.getByLabel("Import data from an export file").setInputFiles(file);
  await w.getByLabel("Replace it with the file's data").check();
  await w.getByRole("button", { name: "Import", exact: true }).click();
  assert.match(await focusedText(page), /^Replace your saved feedback/);
  await w.getByRole("button", { name: "Cancel" }).click();
  assert.equal(await focusedText(page), "Import");
  await w.getByRole("button", { name: "Import", exact: true }).click();
  await w.getByRole("button", { name: "Yes, replace my data" }).click();
  await w.getByText("Import finished").waitFor();
  assert.equal(await focusedText(page), "Import finished: 1 added, 0 already here and left as they were.");

  // Clear my data.
  await w.getByRole("button", { name: "Clear my data" }).click();
  await w.getByRole("button", { name: "Cancel" }).click();
  assert.equal(await focusedText(page), "Clear my data");
  await w.getByRole("button", { name: "Clear my data" }).click();
  await w.getByRole("button", { name: "Yes, clear my data" }).click();
  assert.equal(await focusedText(page), "Your data has been cleared from this computer.");
  await session.check(allowed("/feedback"));
});
