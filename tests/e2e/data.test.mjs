// Export and import: a round trip through a file, merge counts, replace asks first, and files
// that are too big, too deep, not an export, or carry markup.

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test,
  BUNDLE_NAME, envelope, fillStorage, hostPage, launch, openSession, openYourData, readStorage, seedStorage, serve, storedSession,
  waitForReady, rateAllSix,
} from "./helpers.mjs";

let browser;
let server;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "widget-import-"));

before(async () => {
  browser = await launch();
  server = await serve({ "/": hostPage(`<supervision-widget mode="feedback"></supervision-widget>`) });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const allowed = () => [server.origin + "/", `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/blank`];
const widget = (page) => page.locator("supervision-widget");
const SEEDED = {
  "supervision-widget:feedback-sessions": envelope([
    storedSession("a", "2026-09-01", [3, 3, 3, 3, 3, 3]),
    storedSession("b", "2026-10-01", [4, null, 4, 2, 5, 4]),
  ]),
};

/** Writes an export-shaped file and returns its path. */
function exportFile(name, sessions, extra = {}) {
  const file = path.join(folder, name);
  fs.writeFileSync(file, JSON.stringify({ format: "supervision-widget-export", version: 1, exported_at: "2026-11-26T10:00:00Z", data: { quiz_history: [], feedback_sessions: sessions }, ...extra }));
  return file;
}

async function importFile(page, file, mode = "Keep it, and add what is new in the file") {
  await openYourData(widget(page));
  await widget(page).getByLabel("Import data from an export file").setInputFiles(file);
  await widget(page).getByLabel(mode).check();
  await widget(page).getByRole("button", { name: "Import", exact: true }).click();
}

test("export, clear, and import the file back: everything returns", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await seedStorage(page, server.origin, SEEDED);
  await page.goto(server.origin + "/");
  await waitForReady(page);
  await openYourData(widget(page));
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    widget(page).getByRole("button", { name: "Export all my data" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^supervision-widget-data-\d{4}-\d{2}-\d{2}\.json$/);
  const file = path.join(folder, "export.json");
  fs.copyFileSync(await download.path(), file);
  const exported = JSON.parse(fs.readFileSync(file, "utf8"));
  assert.equal(exported.format, "supervision-widget-export");
  assert.equal(exported.data.feedback_sessions.length, 2);

  // Clear: the history empties even though the feedback part was showing.
  await widget(page).getByRole("button", { name: "Your saved sessions" }).click();
  await widget(page).getByRole("button", { name: "Clear my data" }).click();
  await widget(page).getByRole("button", { name: "Yes, clear my data" }).click();
  // As a person would, wait to be told it is done (on a busy machine the write waits a moment
  // for its lock, and the parts reload when it is made).
  await widget(page).getByText("Your data has been cleared from this computer.").waitFor();
  await widget(page).getByRole("button", { name: "Your saved sessions" }).click();
  await widget(page).getByText("You have not saved any feedback yet.").waitFor();

  await importFile(page, file);
  await widget(page).getByText("Import finished: 2 added, 0 already here and left as they were.").waitFor();
  await widget(page).getByRole("button", { name: "Your saved sessions" }).click();
  assert.equal(await widget(page).getByRole("table").locator("tbody tr").count(), 2);
  await session.check(allowed());
});

test("merging skips sessions already here, and replacing asks first", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await seedStorage(page, server.origin, SEEDED);
  await page.goto(server.origin + "/");
  await waitForReady(page);
  const file = exportFile("merge.json", [storedSession("b", "2026-10-01", [1, 1, 1, 1, 1, 1]), storedSession("c", "2026-11-01", [5, 5, 5, 5, 5, 5])]);
  await importFile(page, file);
  await widget(page).getByText("Import finished: 1 added, 1 already here and left as they were.").waitFor();
  let stored = JSON.parse((await readStorage(page))["supervision-widget:feedback-sessions"]).data;
  assert.deepEqual(stored.map((s) => s.id).sort(), ["a", "b", "c"]);
  assert.deepEqual(stored.find((s) => s.id === "b").ratings, [4, null, 4, 2, 5, 4], "the one here is kept");

  await importFile(page, file, "Replace it with the file's data");
  await widget(page).getByRole("heading", { name: "Replace your saved feedback and quiz results on this computer with the file's?" }).waitFor();
  await widget(page).getByRole("button", { name: "Cancel" }).click();
  stored = JSON.parse((await readStorage(page))["supervision-widget:feedback-sessions"]).data;
  assert.equal(stored.length, 3, "cancel changes nothing");
  await widget(page).getByRole("button", { name: "Import", exact: true }).click();
  await widget(page).getByRole("button", { name: "Yes, replace my data" }).click();
  await widget(page).getByText("Import finished: 2 added").waitFor();
  stored = JSON.parse((await readStorage(page))["supervision-widget:feedback-sessions"]).data;
  assert.deepEqual(stored.map((s) => s.id).sort(), ["b", "c"]);
  await session.check(allowed());
});

for (const [name, make, message] of [
  ["an oversized file", () => { const f = path.join(folder, "big.json"); fs.writeFileSync(f, " ".repeat(1024 * 1024 + 10)); return f; }, "The file is larger than 1 MB, so nothing was imported."],
  ["a deeply nested file", () => { const f = path.join(folder, "deep.json"); fs.writeFileSync(f, "[".repeat(5000) + "]".repeat(5000)); return f; }, "The file is not an export from this tool, so nothing was imported."],
  ["a file that is not an export", () => { const f = path.join(folder, "other.json"); fs.writeFileSync(f, JSON.stringify({ hello: "world" })); return f; }, "The file is not an export from this tool, so nothing was imported."],
  ["a file with a damaged session", () => exportFile("damaged.json", [storedSession("x", "2026-02-30", [3, 3, 3, 3, 3, 3])]), "Item 1 of the feedback sessions in the file is damaged, so nothing was imported."],
  ["a file from a newer version", () => exportFile("newer.json", [], { version: 7 }), "The file was made by a newer version of this tool, so nothing was imported."],
]) {
  test(`${name} is refused with a reason and changes nothing`, async () => {
    const session = await openSession(browser);
    const { page } = session;
    await seedStorage(page, server.origin, SEEDED);
    await page.goto(server.origin + "/");
    await waitForReady(page);
    const before = await readStorage(page);
    await importFile(page, make());
    await widget(page).getByText(message).waitFor();
    assert.deepEqual(await readStorage(page), before);
    await session.check(allowed());
  });
}

test("markup in an imported file shows as text", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/");
  await waitForReady(page);
  const sneaky = storedSession("m", "2026-10-05", [2, 2, 2, 2, 2, 2], { comment: "<img src=x onerror=alert(1)><script>alert(2)</script>" });
  sneaky.label = "<b>bold?</b>";
  await importFile(page, exportFile("markup.json", [sneaky]));
  await widget(page).getByText("Import finished: 1 added").waitFor();
  await widget(page).getByRole("button", { name: "Your saved sessions" }).click();
  await widget(page).getByText("<b>bold?</b>").waitFor();
  await widget(page).getByRole("button", { name: "Open 5 October 2026" }).click();
  await widget(page).getByText("<img src=x onerror=alert(1)><script>alert(2)</script>").first().waitFor();
  assert.equal(await widget(page).locator("img, script, b").count(), 0);
  await session.check(allowed());
});

test("unreadable data can be downloaded, and starting fresh keeps its copy", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await seedStorage(page, server.origin, { "supervision-widget:feedback-sessions": "{broken" });
  await page.goto(server.origin + "/");
  await waitForReady(page);
  await widget(page).getByText("Some information saved earlier could not be read.").waitFor();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    widget(page).getByRole("button", { name: "Download my unreadable data" }).click(),
  ]);
  const copies = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
  assert.deepEqual(Object.values(copies), ["{broken"]);
  assert.match(Object.keys(copies)[0], /^supervision-widget:quarantine:feedback-sessions:/);
  // Still unreadable at the next starts: no further copy is made.
  for (let start = 0; start < 2; start++) {
    await page.reload();
    await waitForReady(page);
    await widget(page).getByText("Some information saved earlier could not be read.").waitFor();
  }
  const quarantined = Object.keys(await readStorage(page)).filter((key) => key.includes(":quarantine:"));
  assert.equal(quarantined.length, 1, "one copy, however many starts");

  await widget(page).getByRole("button", { name: "Start fresh (keeps the copy)" }).click();
  await widget(page).getByText("could not be read").waitFor({ state: "detached" });
  // Save a session: now it is written, and the copy is still there.
  await widget(page).getByLabel("I received supervision").check();
  await widget(page).getByLabel("Clinical").check();
  await widget(page).getByRole("button", { name: "Continue" }).click();
  // All six on one page.
  await rateAllSix(widget(page), Array(6).fill(3));
  await widget(page).getByRole("button", { name: "Continue" }).click();
  await widget(page).getByRole("button", { name: "Save feedback" }).click();
  await widget(page).getByText("Feedback saved").waitFor();
  const storage = await readStorage(page);
  assert.equal(JSON.parse(storage["supervision-widget:feedback-sessions"]).data.length, 1);
  assert.deepEqual(Object.entries(storage).filter(([k]) => k.includes(":quarantine:")).map(([, v]) => v), ["{broken"]);
  await session.check(allowed());
});

test("when storage is full, Save says the session is not saved and offers its download right there", async () => {
  const session = await openSession(browser, { init: fillStorage });
  const { page } = session;
  await page.goto(server.origin + "/");
  await waitForReady(page);
  await widget(page).getByLabel("I received supervision").check();
  await widget(page).getByLabel("Clinical").check();
  await widget(page).getByRole("button", { name: "Continue" }).click();
  // All six on one page.
  await rateAllSix(widget(page), Array(6).fill(2));
  await widget(page).getByRole("button", { name: "Continue" }).click();
  await widget(page).getByRole("button", { name: "Save feedback" }).click();
  await widget(page).getByText("The storage space for this site on this computer is full").waitFor();
  // The outcome of this save, not only the notice an earlier autosave raised: never "saved".
  const outcome = widget(page).locator(".sw-callout").filter({ hasText: "Not saved on this computer" });
  await outcome.waitFor();
  // It takes focus when the outcome is known, so it is read out.
  assert.equal(await outcome.evaluate((el) => el.getRootNode().activeElement === el), true, "the outcome has focus");
  assert.equal(await widget(page).getByText("Feedback saved").count(), 0, "no green 'saved' for data only in memory");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    outcome.getByRole("button", { name: "Download a copy now" }).click(),
  ]);
  const file = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
  assert.equal(file.data.feedback_sessions.length, 1, "the session kept in memory is in the copy");
  assert.deepEqual(file.data.feedback_sessions[0].ratings, [2, 2, 2, 2, 2, 2]);
  assert.deepEqual(await readStorage(page), {}, "nothing half-written");
  await session.check(allowed());
});

test("a file chooser is NHS.UK's file upload in the widget's language, naming the file chosen", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/");
  await waitForReady(page);
  const w = widget(page);
  await w.getByRole("button", { name: "Cymraeg" }).click();
  await openYourData(w);
  const upload = w.locator(".sw-file-upload").filter({ has: page.locator("#sw-import-file") });
  assert.equal(await upload.innerText(), "Dewis ffeil\nDim ffeil wedi'i dewis");
  // The input itself is what the label names and what is chosen with.
  await w.getByLabel("Mewnforio data o ffeil allforio").setInputFiles(exportFile("fy-nata.json", []));
  assert.equal(await upload.innerText(), "Dewis ffeil\nfy-nata.json");
  await session.check(allowed());
});

test("a supervisor compares their view with a supervisee's shared file", async () => {
  const session = await openSession(browser);
  const { page } = session;
  const mine = storedSession("mine", "2026-10-05", [4, 4, 4, 4, 4, 4], { role: "gave", comment: "I thought risks were covered." });
  await seedStorage(page, server.origin, { "supervision-widget:feedback-sessions": envelope([mine]) });
  await page.goto(server.origin + "/");
  await waitForReady(page);
  await widget(page).getByRole("button", { name: "Your saved sessions" }).click();
  await widget(page).getByRole("button", { name: "Open 5 October 2026" }).click();

  const theirs = storedSession("theirs", "2026-10-05", [2, null, 5, 3, 3, 4], { role: "received", comment: "<i>Risks</i> were rushed." });
  await widget(page).getByLabel("Their shared file").setInputFiles(exportFile("shared.json", [theirs]));
  await widget(page).getByRole("button", { name: "Compare", exact: true }).click();
  await widget(page).getByText("The two views are not strictly comparable").waitFor();
  assert.equal(await widget(page).locator(".sw-compare svg").count(), 2);
  const row = widget(page).getByRole("table", { name: "Ratings from both views" }).locator("tbody tr").first();
  // Named by role, and each domain rated differently is marked.
  assert.match(await row.textContent(), /^SafeRated differently4 Mostly.*2 A little/);
  const lastRow = widget(page).getByRole("table", { name: "Ratings from both views" }).locator("tbody tr").last();
  assert.match(await lastRow.textContent(), /^Person-centred4 Mostly/, "the same rating is not marked");
  await widget(page).getByRole("columnheader", { name: "Your supervisee's view" }).waitFor();
  await widget(page).getByText("<i>Risks</i> were rushed.").waitFor();
  assert.equal(await widget(page).locator(".sw-compare i").count(), 0);
  // Only read: nothing of theirs is stored.
  const stored = JSON.parse((await readStorage(page))["supervision-widget:feedback-sessions"]).data;
  assert.deepEqual(stored.map((s) => s.id), ["mine"]);

  // A file whose other view is dated differently says what it holds, and compares anyway if asked.
  await widget(page).getByLabel("Their shared file").setInputFiles(exportFile("other-date.json", [
    storedSession("far", "2026-01-01", [1, 1, 1, 1, 1, 1]), storedSession("x", "2026-10-04", [3, 3, 3, 3, 3, 3])]));
  await widget(page).getByRole("button", { name: "Compare", exact: true }).click();
  const offered = widget(page).getByRole("heading", { name: "Their file has no view of the session of 5 October 2026" });
  await offered.waitFor();
  assert.equal(await offered.evaluate((el) => el.getRootNode().activeElement === el), true, "focus on what the file holds");
  const anyway = widget(page).getByRole("button", { name: /^Compare with their view of/ });
  assert.deepEqual(await anyway.allTextContents(), ["Compare with their view of 4 October 2026", "Compare with their view of 1 January 2026"], "the nearest first");
  await anyway.first().click();
  await widget(page).getByText("Their view is of a session dated 4 October 2026; yours is dated 5 October 2026.").waitFor();
  assert.match(await widget(page).getByRole("table", { name: "Ratings from both views" }).locator("tbody tr").first().textContent(), /3 Partly/);

  // A file with no view from the other side says so.
  await widget(page).getByLabel("Their shared file").setInputFiles(exportFile("same-side.json", [storedSession("y", "2026-01-01", [1, 1, 1, 1, 1, 1], { role: "gave" })]));
  await widget(page).getByRole("button", { name: "Compare", exact: true }).click();
  await widget(page).getByText("The file has no feedback from the other view on a session of 5 October 2026.").waitFor();
  await session.check(allowed());
});

test("data from a newer version makes its part read-only: said so, offered as stored, never written", async (t) => {
  const all = await serve({ "/": hostPage(`<supervision-widget></supervision-widget>`) });
  t.after(() => all.close());
  const newerQuiz = JSON.stringify({ version: 3, rev: 5, saved_at: "2030-01-01T00:00:00Z", data: { results: "a shape this version does not know" } });
  const newerSessions = JSON.stringify({ version: 4, rev: 9, saved_at: "2030-01-01T00:00:00Z", data: [{ id: "x", future: true }] });
  const seeded = { "supervision-widget:quiz-history": newerQuiz, "supervision-widget:feedback-sessions": newerSessions };
  const session = await openSession(browser);
  const { page } = session;
  await seedStorage(page, all.origin, seeded);
  await page.goto(all.origin + "/");
  await waitForReady(page);
  const part = widget(page).locator(".sw-section");
  const readOnly = "This part cannot be changed here";

  await part.getByText(readOnly).waitFor();
  await widget(page).getByText("Some information saved earlier was made by a newer version of this tool.").waitFor();
  assert.equal(await widget(page).getByRole("button", { name: "Start the quiz" }).count(), 0, "nothing to change offered");
  const [quizCopy] = await Promise.all([
    page.waitForEvent("download"),
    part.getByRole("button", { name: "Download a copy, as it is stored" }).click(),
  ]);
  assert.deepEqual(JSON.parse(fs.readFileSync(await quizCopy.path(), "utf8")), { "supervision-widget:quiz-history": newerQuiz });

  await widget(page).getByRole("button", { name: "Supervision feedback" }).click();
  await part.getByText(readOnly).waitFor();
  assert.equal(await widget(page).getByLabel("I received supervision").count(), 0);
  const [bothCopy] = await Promise.all([
    page.waitForEvent("download"),
    part.getByRole("button", { name: "Download a copy, as it is stored" }).click(),
  ]);
  assert.deepEqual(JSON.parse(fs.readFileSync(await bothCopy.path(), "utf8")), seeded);

  // An import would write both records: refused whole, with the reason.
  await importFile(page, exportFile("fine.json", [storedSession("n", "2026-11-01", [5, 5, 5, 5, 5, 5])]));
  await widget(page).getByText("could not be read by this version of the tool, so nothing was imported").waitFor();
  await widget(page).getByRole("button", { name: "Cymraeg" }).click();
  await part.getByText("Ni ellir newid y rhan hon yma").waitFor();

  const storage = await readStorage(page);
  assert.equal(storage["supervision-widget:quiz-history"], newerQuiz, "byte-for-byte unchanged");
  assert.equal(storage["supervision-widget:feedback-sessions"], newerSessions, "byte-for-byte unchanged");
  await session.check([all.origin + "/", `${all.origin}/${BUNDLE_NAME}`, `${all.origin}/blank`]);
});
