// Feedback on my supervision (issue 25): a supervisee sends their feedback on a session (a file,
// and a text to paste, wrapped as a chat client wraps it); their supervisor, in another browser,
// adds it, is told when the same arrives twice or a text is cut or is something else, and sees
// the period's numbers per domain.

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test,
  BUNDLE_NAME, envelope, hostPage, launch, openSession, openYourData, readStorage, readStorageWhen, saveFeedback, seedStorage, serve,
  storedSession, tabTo, waitForReady,
} from "./helpers.mjs";

let browser;
let server;
let elsewhere;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "widget-received-"));

before(async () => {
  browser = await launch();
  server = await serve({ "/": hostPage(`<supervision-widget mode="feedback"></supervision-widget>`) });
  elsewhere = await serve({ "/": hostPage(`<supervision-widget mode="feedback"></supervision-widget>`) });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await elsewhere?.close();
});

const allowed = () => [server.origin + "/", `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/blank`];
const widget = (page) => page.locator("supervision-widget");

/** A supervisee's saved session, with its file and its text to paste. */
async function sent(page, comment) {
  const w = widget(page);
  await saveFeedback(w, comment);
  await w.getByText("Send this feedback to your supervisor", { exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    w.getByRole("button", { name: "Download the file to send" }).click(),
  ]);
  const file = path.join(folder, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  await w.getByRole("button", { name: "Copy the text to send" }).click();
  await w.getByText("Copied. Paste it into a message to your supervisor.").waitFor();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  return { file, text };
}

test("a supervisee's feedback reaches the supervisor by file and by pasted text, once, and adds up", async () => {
  const supervisee = await openSession(browser);
  await supervisee.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
  const { page } = supervisee;
  await page.goto(server.origin + "/");
  await waitForReady(page);
  await widget(page).getByRole("button", { name: "My own: keep what I save" }).click();
  const first = await sent(page, "We ran out of time for my cases.");
  const sentFile = JSON.parse(fs.readFileSync(first.file, "utf8"));
  assert.equal(sentFile.format, "supervision-widget-feedback");
  assert.equal(sentFile.piece.comments[0], "We ran out of time for my cases.", "comments go by default");
  assert.equal(JSON.stringify(sentFile).includes("Session"), false, "no label of theirs");
  assert.match(first.text, /^Feedback on our supervision session of \d{1,2} \w+ \d{4}, from the Supervision Hub\./);
  assert.match(first.text, /\nSWFB1\n[A-Z2-7\n]+$/);

  const supervisor = await openSession(browser);
  const other = supervisor.page;
  await other.goto(server.origin + "/");
  await waitForReady(other);
  const w = widget(other);
  const focused = () => other.evaluate(() => document.querySelector("supervision-widget").shadowRoot.activeElement?.textContent ?? "");
  await w.getByRole("button", { name: "My own: keep what I save" }).click();
  await w.getByRole("button", { name: "Feedback on my supervision" }).click();
  await w.getByText("You have not kept any feedback yet.").waitFor();
  // By file: shown first, with focus on it, then kept with a private label.
  await w.getByLabel("The file they sent").setInputFiles(first.file);
  // The file chosen is named beside its button, as NHS.UK's file upload does.
  const chosen = w.locator(".sw-file-upload").filter({ has: other.locator("#sw-recv-file") });
  assert.equal(await chosen.innerText(), `Choose file\n${path.basename(first.file)}`);
  await w.getByRole("button", { name: "Show it" }).click();
  const shown = w.getByRole("heading", { name: /^Feedback on the session of/ });
  await shown.waitFor();
  assert.equal(await shown.evaluate((el) => el.getRootNode().activeElement === el), true);
  await w.getByText("We ran out of time for my cases.").waitFor();
  await w.getByLabel("Your own label (optional)").fill("Ward 7 team");
  await w.getByRole("button", { name: "Keep it" }).click();
  await w.getByText("Kept.", { exact: true }).waitFor();

  // The same feedback pasted, as Teams or Outlook wraps it inside a reply: said, nothing added.
  await w.getByLabel("The file they sent").setInputFiles([]);
  assert.equal(await chosen.innerText(), "Choose file\nNo file chosen");
  const wrapped = `Hi,\r\n\r\n> ${first.text.replace(/\n/g, "\r\n> ")}\r\nThanks, A`;
  await w.getByLabel("Or paste the message they sent").fill(wrapped);
  await w.getByRole("button", { name: "Show it" }).click();
  await w.getByText("You have kept this feedback already: nothing was added.").waitFor();

  // A text cut short, and a whole export, are refused with their reasons.
  await w.getByLabel("Or paste the message they sent").fill(first.text.slice(0, -30));
  await w.getByRole("button", { name: "Show it" }).click();
  await w.getByText(/The text stops before its end|changed on the way/).waitFor();
  const exportText = JSON.stringify({ format: "supervision-widget-export", version: 4, exported_at: "x", data: { feedback_sessions: [], quiz_history: [] } });
  await w.getByLabel("Or paste the message they sent").fill(exportText);
  await w.getByRole("button", { name: "Show it" }).click();
  await w.getByText("It is a whole export of someone's data, not feedback sent to you.", { exact: false }).waitFor();

  // A second session's feedback, pasted, without its comments; a third's as a file.
  const another = async (safe, how) => {
    const sw = widget(page);
    await sw.getByRole("button", { name: "Give feedback on a session" }).click();
    await sw.getByLabel("I received supervision").check();
    await sw.getByLabel("Clinical").check();
    await sw.getByRole("button", { name: "Continue" }).click();
    for (let i = 0; i < 6; i++) await sw.locator(`#sw-fb-rating-${i}-${i === 0 ? safe : 5}`).check();
    await sw.getByRole("button", { name: "Continue" }).click();
    await sw.getByRole("button", { name: "Save feedback" }).click();
    await sw.getByText("Send this feedback to your supervisor", { exact: true }).click();
    if (how === "file") {
      const [download] = await Promise.all([page.waitForEvent("download"), sw.getByRole("button", { name: "Download the file to send" }).click()]);
      const file = path.join(folder, `third-${download.suggestedFilename()}`);
      await download.saveAs(file);
      await sw.getByText(/^You made this ready to send on \d{1,2} \w+ \d{4}\.$/).waitFor();
      return file;
    }
    await sw.getByLabel("Your comments").uncheck();
    await sw.getByRole("button", { name: "Copy the text to send" }).click();
    await sw.getByText("Copied. Paste it into a message to your supervisor.").waitFor();
    return page.evaluate(() => navigator.clipboard.readText());
  };
  const second = await another(2, "text");
  await w.getByLabel("Or paste the message they sent").fill(second);
  await w.getByRole("button", { name: "Show it" }).click();
  await w.getByRole("button", { name: "Keep it" }).click();
  await w.getByText("Kept.", { exact: true }).waitFor();
  const third = await another(5, "file");
  // The supervisee's sessions record when each was made ready to send.
  const theirs = JSON.parse((await readStorageWhen(page, "supervision-widget:feedback-sessions", "sent_at"))["supervision-widget:feedback-sessions"]).data;
  assert.equal(theirs.filter((s) => s.sent_at).length, 3);
  await w.getByLabel("Or paste the message they sent").fill("");
  await w.getByLabel("The file they sent").setInputFiles(third);
  await w.getByRole("button", { name: "Show it" }).click();
  await w.getByRole("button", { name: "Keep it" }).click();
  await w.getByText("Kept.", { exact: true }).waitFor();

  // Safe: 4 (from saveFeedback's ratings), 2 and 5: three pieces, median 4.0; the supervisor
  // gave no session in the period, so What I thought is None.
  const safe = w.getByRole("table", { name: "Ratings received, by domain" }).locator("tbody tr").first();
  assert.deepEqual(
    await safe.locator("th, td").allTextContents(),
    ["Safe", "3", "", "0", "1", "0", "1", "1", "0", "4.0", "None"],
  );
  const stored = JSON.parse((await readStorageWhen(other, "supervision-widget:feedback-received", "Ward 7 team"))["supervision-widget:feedback-received"]);
  assert.equal(stored.data.length, 3);

  // A kept piece opens in full, with focus on it; Close goes back to its Open.
  const openLabelled = w.getByRole("button", { name: /^Open .* Ward 7 team$/ });
  await openLabelled.click();
  await w.locator(".sw-received__preview").getByText("We ran out of time for my cases.").waitFor();
  assert.match(await focused(), /^Feedback on the session of/);
  await w.getByRole("button", { name: "Close this feedback" }).click();
  assert.match(await focused(), /^Open .* Ward 7 team$/);
  assert.equal(stored.data.find((r) => r.label === "Ward 7 team").piece.comments[0], "We ran out of time for my cases.");

  // Deleting asks first: Cancel goes back to the button that asked; Yes deletes and says so.
  const deleteLabelled = w.getByRole("button", { name: /^Delete .* Ward 7 team$/ });
  await deleteLabelled.click();
  await w.getByRole("button", { name: "Cancel" }).click();
  assert.match(await focused(), /^Delete .* Ward 7 team$/);
  await deleteLabelled.click();
  await w.getByRole("button", { name: "Yes, delete it" }).click();
  await w.getByText(/^The feedback on the session of .* has been deleted\.$/).waitFor();
  assert.match(await focused(), /has been deleted\.$/);
  await other.waitForFunction(() => !localStorage.getItem("supervision-widget:feedback-received").includes("Ward 7 team"));
  const left = JSON.parse(await other.evaluate(() => localStorage.getItem("supervision-widget:feedback-received")));
  assert.deepEqual(left.data.map((r) => r.label), ["", ""]);
  await supervisee.check(allowed());
  await supervisor.check(allowed());
});

/** `days` before today, as a session date. */
const daysAgo = (days) => new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);

/** A kept piece as stored, received `days` ago about a session that day. */
const keptPiece = (id, days, ratings, comment = "") => ({ id, received_at: `${daysAgo(days)}T10:00:00.000Z`, label: "",
  piece: { date: daysAgo(days), kind: "clinical", ratings, comments: [comment, "", "", "", "", ""], actions: [] } });

/** A file as a supervisee's widget sends it. */
const sentFile = (date, ratings, comment) => ({
  name: "supervision-feedback-for-my-supervisor.json",
  mimeType: "application/json",
  buffer: Buffer.from(JSON.stringify({ format: "supervision-widget-feedback", version: 1, sent_at: `${date}T09:00:00.000Z`, role: "received",
    piece: { date, kind: "clinical", ratings, comments: [comment, "", "", "", "", ""], actions: [] } })),
});

test("by keyboard alone: what I thought beside what supervisees said, a change planned and followed up, kept as typed", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await seedStorage(page, server.origin, {
    "supervision-widget:privacy": envelope({ keep: "keep" }),
    "supervision-widget:feedback-received": envelope([
      keptPiece("a", 10, [4, 3, null, 5, 4, 2], "Newer comment"),
      keptPiece("b", 100, [5, 4, 3, 5, 4, 3], "Older comment"),
      keptPiece("c", 500, [1, 1, 1, 1, 1, 1], "Outside the year"),
    ]),
    "supervision-widget:feedback-sessions": envelope([
      storedSession("g1", daysAgo(20), [3, 3, 3, 3, 3, 3], { role: "gave" }),
      storedSession("g2", daysAgo(30), [2, 3, 3, 3, 3, 3], { role: "gave" }),
      storedSession("r1", daysAgo(40), [5, 5, 5, 5, 5, 5], { role: "received" }),
    ], 3),
  });
  await page.goto(server.origin + "/");
  await waitForReady(page);
  const w = widget(page);
  await tabTo(page, "Feedback on my supervision");
  await page.keyboard.press("Enter");
  await w.getByText("What I thought: your own ratings of the 2 sessions you gave in this period.").waitFor();
  // Safe over the last 12 months: 4 and 5 said (median 4.5); 3 and 2 thought (2.5), my own
  // received session left out; the piece from 500 days ago outside the period.
  const safe = w.getByRole("table", { name: "Ratings received, by domain" }).locator("tbody tr").first();
  assert.deepEqual(await safe.locator("th, td").allTextContents(), ["Safe", "2", "", "0", "0", "0", "1", "1", "0", "4.5", "2.5"]);
  // The comments by domain, newest first.
  await tabTo(page, "Comments, by domain, newest first");
  await page.keyboard.press("Enter");
  const comments = await w.locator(".sw-details__text ul").first().locator("li").allTextContents();
  assert.equal(comments.length, 2);
  assert.match(comments[0], /Newer comment$/);
  assert.match(comments[1], /Older comment$/);

  // A change for Timely, typed key by key: focus stays in the field as "how did it go" appears.
  await tabTo(page, "What will I change in my supervision?");
  await page.keyboard.press("Enter");
  await tabTo(page, "sw-recv-change-1");
  await page.keyboard.type("Start and end on time");
  assert.equal(await w.locator("#sw-recv-change-1").inputValue(), "Start and end on time");
  await tabTo(page, "sw-recv-change-1-done");
  await page.keyboard.press("Space");
  assert.equal(await w.locator("#sw-recv-change-1-done").isChecked(), true);
  await tabTo(page, "sw-recv-change-1-note");
  await page.keyboard.type("Agreed at the start");
  await tabTo(page, "A reflective account on this feedback");
  await page.keyboard.press("Enter");
  await tabTo(page, "sw-recv-account-learned");
  await page.keyboard.type("Supervisees want protected time.");
  const stored = JSON.parse((await readStorageWhen(page, "supervision-widget:feedback-received-plan", "protected time"))["supervision-widget:feedback-received-plan"]).data;
  assert.deepEqual(stored.changes, [{ domain: 1, text: "Start and end on time", outcome: "done", note: "Agreed at the start" }]);
  assert.equal(stored.reflection.learned, "Supervisees want protected time.");
  // Kept as typed: after a reload it is all there.
  await page.reload();
  await waitForReady(page);
  await w.getByRole("button", { name: "Feedback on my supervision" }).click();
  assert.equal(await w.locator("#sw-recv-change-1").inputValue(), "Start and end on time");
  assert.equal(await w.locator("#sw-recv-change-1-done").isChecked(), true);
  await session.check(allowed());
});

test("with Don't keep, feedback added stays in the tab only: nothing in storage, and the next page sees none", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await seedStorage(page, server.origin, { "supervision-widget:privacy": envelope({ keep: "none" }) });
  await page.goto(server.origin + "/");
  await waitForReady(page);
  const w = widget(page);
  await w.getByRole("button", { name: "Feedback on my supervision" }).click();
  await w.getByLabel("The file they sent").setInputFiles(sentFile(daysAgo(3), [4, 4, 4, 4, 4, 4], "Kept in this tab only"));
  await w.getByRole("button", { name: "Show it" }).click();
  await w.getByRole("button", { name: "Keep it" }).click();
  await w.getByText("Kept.", { exact: true }).waitFor();
  await w.getByRole("cell", { name: "Clinical" }).waitFor();
  const keys = Object.keys(await readStorage(page));
  assert.deepEqual(keys, ["supervision-widget:privacy"], "nothing but the setting");
  const next = await session.context.newPage();
  await next.goto(server.origin + "/");
  await waitForReady(next);
  await widget(next).getByRole("button", { name: "Feedback on my supervision" }).click();
  await widget(next).getByText("You have not kept any feedback yet.").waitFor();
  await session.check(allowed());
});

test("exported on one site and imported on another, the pieces and the plan arrive whole", async () => {
  const from = await openSession(browser);
  await seedStorage(from.page, server.origin, {
    "supervision-widget:privacy": envelope({ keep: "keep" }),
    "supervision-widget:feedback-received": envelope([keptPiece("a", 10, [4, 3, null, 5, 4, 2], "Travels with the export")]),
    "supervision-widget:feedback-received-plan": envelope({ changes: [{ domain: 0, text: "Ask about risks first", outcome: null, note: "" }],
      reflection: { learned: "", changed: "", themes: [false, false, false, false], other: "" } }),
  });
  // Kept when Keep is pressed: shown one day, kept the next, it says the next.
  const shownAt = Date.now();
  await from.page.clock.install({ time: shownAt });
  await from.page.goto(server.origin + "/");
  await waitForReady(from.page);
  const fw = widget(from.page);
  await fw.getByRole("button", { name: "Feedback on my supervision" }).click();
  await fw.getByLabel("The file they sent").setInputFiles(sentFile(daysAgo(3), [5, 5, 5, 5, 5, 5], "Shown one day, kept the next"));
  await fw.getByRole("button", { name: "Show it" }).click();
  await fw.getByRole("heading", { name: /^Feedback on the session of/ }).waitFor();
  const keptAt = new Date(shownAt + 86_400_000).toISOString().slice(0, 10);
  await from.page.clock.setSystemTime(shownAt + 86_400_000);
  await fw.getByRole("button", { name: "Keep it" }).click();
  await fw.getByText("Kept.", { exact: true }).waitFor();
  await openYourData(fw);
  const [download] = await Promise.all([
    from.page.waitForEvent("download"),
    widget(from.page).getByRole("button", { name: "Export all my data" }).click(),
  ]);
  const file = path.join(folder, "export.json");
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, "utf8")).data.feedback_received;
  assert.equal(exported.find((r) => r.id !== "a").received_at.slice(0, 10), keptAt);

  const to = await openSession(browser);
  await seedStorage(to.page, elsewhere.origin, { "supervision-widget:privacy": envelope({ keep: "keep" }) });
  await to.page.goto(elsewhere.origin + "/");
  await waitForReady(to.page);
  const w = widget(to.page);
  await openYourData(w);
  await w.getByLabel("Import data from an export file").setInputFiles(file);
  await w.getByRole("button", { name: "Import", exact: true }).click();
  await w.getByText(/added/).first().waitFor();
  await w.getByRole("button", { name: "Feedback on my supervision" }).click();
  await w.getByText("Comments, by domain, newest first").click();
  await w.getByText("Travels with the export").waitFor();
  await w.getByText("Shown one day, kept the next").waitFor();
  assert.equal(await w.locator("#sw-recv-change-0").inputValue(), "Ask about risks first");
  await from.check(allowed());
  await to.check([elsewhere.origin + "/", `${elsewhere.origin}/${BUNDLE_NAME}`, `${elsewhere.origin}/blank`]);
});
