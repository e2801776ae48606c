// Private on a shared computer (issue 15, so far: keep for a limited time, and keep nothing). The
// choice in Your data is saved; reopening the page after the limit deletes what is older, saying
// how many; keeping nothing keeps records in the tab only, for this person and no one after.

import assert from "node:assert/strict";
import fs from "node:fs";
import { after, before, test,
  BUNDLE_NAME, anotherPage, envelope, focusedText, historyRows, saveFeedback, hostPage, launch, openSession, openWithAPrivateSession, openYourData, PRIVATE_COMMENT, PRIVATE_SESSION, readStorage, readStorageWhen, seedStorage, serve, storedSession,
  waitForReady,
} from "./helpers.mjs";

let browser;
let server;

before(async () => {
  browser = await launch();
  server = await serve({
    "/": hostPage(`<supervision-widget mode="feedback"></supervision-widget>`),
    "/ward": hostPage(`<supervision-widget mode="feedback" privacy="none"></supervision-widget>`),
    "/cy": hostPage(`<supervision-widget mode="feedback"></supervision-widget>`, { lang: "cy" }),
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const allowed = () => [server.origin + "/", server.origin + "/ward", server.origin + "/cy", `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/blank`];
const widget = (page) => page.locator("supervision-widget");
const daysAgo = (days) => new Date(Date.now() - days * 86_400_000).toISOString();

const SAVE_CHOICE = "Save this choice";

test("keeping for 7 days asks before it deletes what is older, deletes it at once, and each start deletes what has grown older since", async () => {
  const old = { ...PRIVATE_SESSION, saved_at: daysAgo(8) };
  const recent = { ...storedSession("recent", "2026-11-20", [4, 4, 4, 4, 4, 4]), saved_at: daysAgo(2) };
  const result = (finished_at) => ({ finished_at, score: 3, possible: 5, by_topic: [] });
  const session = await openSession(browser);
  const { page } = session;
  await seedStorage(page, server.origin, {
    "supervision-widget:feedback-sessions": envelope([old, recent]),
    "supervision-widget:quiz-history": envelope([result(daysAgo(40)), result(daysAgo(1))]),
  });
  await page.goto(server.origin + "/");
  await waitForReady(page);
  const w = widget(page);
  // Choosing a limit does nothing until the button; the button asks before deleting.
  await openYourData(w);
  assert.equal(await w.getByLabel("Keep everything until I clear it").isChecked(), true);
  await w.getByLabel("Keep for 7 days").check();
  assert.equal((await readStorage(page))["supervision-widget:privacy"], undefined, "nothing saved at the radio");
  await w.getByRole("button", { name: SAVE_CHOICE }).click();
  const question = w.getByRole("heading", { name: "Delete 2 records older than the time limit?" });
  await question.waitFor();
  assert.equal(await question.evaluate((el) => el.getRootNode().activeElement === el), true);
  assert.match((await readStorage(page))["supervision-widget:feedback-sessions"], new RegExp(PRIVATE_COMMENT));
  await w.getByRole("button", { name: "Delete them and keep to the limit" }).click();
  const outcome = w.getByText("Saved. Records older than 7 days are deleted, now and each time this tool starts.");
  await outcome.waitFor();
  assert.equal(await outcome.evaluate((el) => el.getRootNode().activeElement === el), true, "the outcome takes focus");
  const stored = await readStorageWhen(page, "supervision-widget:privacy", "7d");
  assert.deepEqual(JSON.parse(stored["supervision-widget:feedback-sessions"]).data.map((s) => s.id), ["recent"]);
  assert.equal(JSON.parse(stored["supervision-widget:quiz-history"]).data.length, 1);
  for (const [key, value] of Object.entries(stored)) {
    assert.doesNotMatch(value, new RegExp(PRIVATE_COMMENT), `${key} holds nothing of the deleted session`);
  }

  // Records that grow older than the limit go at the next start, which says so.
  const aged = { ...recent, saved_at: daysAgo(9) };
  await seedStorage(page, server.origin, { "supervision-widget:feedback-sessions": envelope([aged]) });
  await page.goto(server.origin + "/");
  await waitForReady(page);
  await w.getByText("1 saved record was older than 7 days, so it has been deleted from this computer, as this tool is set to do.").waitFor();
  assert.deepEqual(JSON.parse((await readStorage(page))["supervision-widget:feedback-sessions"]).data, []);
  // The choice is remembered, and nothing more goes at the next start.
  await openYourData(w);
  assert.equal(await w.getByLabel("Keep for 7 days").isChecked(), true);
  await page.reload();
  await waitForReady(page);
  assert.equal(await w.getByText("older than 7 days").count(), 0);
  await session.check(allowed());
});

test("arrowing through every choice in 'What to keep on this computer' saves and deletes nothing", async () => {
  const session = await openSession(browser);
  const { page } = session;
  const old = { ...PRIVATE_SESSION, saved_at: daysAgo(3) };
  await seedStorage(page, server.origin, { "supervision-widget:feedback-sessions": envelope([old]) });
  await page.goto(server.origin + "/");
  await waitForReady(page);
  const w = widget(page);
  const before = await readStorage(page);
  await openYourData(w);
  await w.getByLabel("Keep everything until I clear it").focus();
  const passed = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press("ArrowDown");
    passed.push(await focusedText(page));
  }
  assert.deepEqual(passed, ["Keep for 30 days", "Keep for 7 days", "Keep for 1 day", "Keep, locked with a passphrase", NONE]);
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp"); // round to the last choice, keeping nothing
  assert.equal(await w.getByRole("heading", { name: "Delete what is saved on this computer?" }).count(), 0, "nothing asked");
  assert.deepEqual(await readStorage(page), before, "nothing saved or deleted");
  await page.reload();
  await waitForReady(page);
  assert.equal(await historyRows(w), 1, "the session is still there after a reload");
  await session.check(allowed());
});

const NONE = "Don't keep anything on this computer: it goes when you close this tab";
const TAB_ONLY = "Nothing is kept on this computer: what you do here goes when you close or reload this tab.";

/** Every key and value of this page's sessionStorage. */
const readTab = (page) => page.evaluate(() => Object.fromEntries(Object.keys(sessionStorage).map((k) => [k, sessionStorage.getItem(k)])));

test("keeping nothing asks before deleting what is saved, keeps new work in the tab only, and the next person sees none of it", async () => {
  const session = await openSession(browser);
  const { page } = session;
  const w = await openWithAPrivateSession(page, server.origin, "/");
  await openYourData(w);
  await w.getByLabel(NONE).check();
  await w.getByRole("button", { name: SAVE_CHOICE }).click();
  // Asked first, with focus on the question. Cancel goes back to what applies, focused there.
  const question = w.getByRole("heading", { name: "Delete what is saved on this computer?" });
  await question.waitFor();
  await w.getByRole("button", { name: "Cancel" }).click();
  await question.waitFor({ state: "detached" });
  const keep = w.getByLabel("Keep everything until I clear it");
  assert.equal(await keep.isChecked(), true);
  assert.equal(await keep.evaluate((el) => el.getRootNode().activeElement === el), true);
  await w.getByLabel(NONE).check();
  await w.getByRole("button", { name: SAVE_CHOICE }).click();
  // Asked again; this time a copy is taken away first.
  await question.waitFor();
  assert.equal(await question.evaluate((el) => el.getRootNode().activeElement === el), true);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    w.getByRole("button", { name: "Export a copy first" }).click(),
  ]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
  assert.deepEqual(exported.data.feedback_sessions.map((s) => s.id), ["old"]);
  await w.getByRole("button", { name: "Delete it and keep nothing" }).click();
  await w.getByText("Saved. Nothing is kept on this computer now: what you do here goes when you close or reload this tab.").waitFor();
  await w.getByText(TAB_ONLY).waitFor();
  // Only the setting is left on the computer.
  const left = await readStorage(page);
  assert.deepEqual(Object.keys(left), ["supervision-widget:privacy"]);
  assert.deepEqual(JSON.parse(left["supervision-widget:privacy"]).data, { keep: "none" });

  // New work lives in this tab's memory only: not in localStorage, nor in sessionStorage (which
  // the browser writes to disk and brings back with a restored tab). A reload asks first, then
  // starts empty.
  await saveFeedback(widget(page), "A thought for this tab only");
  // Never "saved" for what lives in memory: the outcome and notes typed say "in this tab".
  await w.getByText("Kept in this tab only", { exact: true }).waitFor();
  assert.equal(await w.getByText("Feedback saved").count(), 0);
  await w.getByRole("button", { name: "Write a reflective account for revalidation" }).click();
  await w.getByLabel("What did you learn?").fill("Only for now");
  await w.getByRole("status").filter({ hasText: "Your notes are kept in this tab only, until you close or reload it." }).waitFor();
  assert.equal(await historyRows(widget(page)), 1);
  assert.deepEqual(await readTab(page), {});
  assert.deepEqual(Object.keys(await readStorage(page)), ["supervision-widget:privacy"]);
  const asked = [];
  page.once("dialog", async (dialog) => { asked.push(dialog.type()); await dialog.accept(); });
  await page.reload();
  await waitForReady(page);
  assert.deepEqual(asked, ["beforeunload"]);
  assert.equal(await historyRows(widget(page)), 0);
  await w.getByText(TAB_ONLY).waitFor();
  await saveFeedback(widget(page), "A thought for this tab only");

  // The next person at this computer sees nothing of it, and keeps nothing either.
  const next = await anotherPage(session, server.origin + "/");
  await widget(next.page).getByText(TAB_ONLY).waitFor();
  assert.equal(await historyRows(widget(next.page)), 0);
  for (const [key, value] of Object.entries(await readStorage(next.page))) {
    assert.doesNotMatch(value, new RegExp(`${PRIVATE_COMMENT}|A thought for this tab only`), key);
  }
  assert.deepEqual(await readTab(next.page), {});
  assert.deepEqual(next.problems, []);

  // Closing the tab that holds records asks first; the one that holds none closes at once.
  const dialogs = [];
  page.on("dialog", async (dialog) => { dialogs.push(dialog.type()); await dialog.accept(); });
  await page.close({ runBeforeUnload: true });
  await page.waitForEvent("close");
  assert.deepEqual(dialogs, ["beforeunload"]);
  next.page.on("dialog", (dialog) => { dialogs.push(`next: ${dialog.type()}`); dialog.accept(); });
  await next.page.close({ runBeforeUnload: true });
  assert.deepEqual(dialogs, ["beforeunload"]);
  await session.check(allowed());
});

test("on a page that keeps nothing, records from before are not shown, and can be downloaded or deleted", async () => {
  const session = await openSession(browser);
  const { page } = session;
  const w = await openWithAPrivateSession(page, server.origin, "/ward");
  await w.getByText("1 saved record is still on this computer from before this tool was set to keep nothing here.", { exact: false }).waitFor();
  await w.getByText(TAB_ONLY).waitFor();
  // Only keeping nothing is offered, and it is what applies.
  await openYourData(w);
  assert.equal(await w.locator("input[name='sw-privacy']").count(), 1);
  assert.equal(await w.getByLabel(NONE).isChecked(), true);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    w.getByRole("button", { name: "Download a copy of my data" }).click(),
  ]);
  assert.match(fs.readFileSync(await download.path(), "utf8"), new RegExp(PRIVATE_COMMENT));
  await w.getByRole("button", { name: "Delete them from this computer" }).click();
  await w.getByText("saved record is still on this computer", { exact: false }).waitFor({ state: "detached" });
  assert.deepEqual(await readStorage(page), {}, "nothing is left, and the page's floor needs no setting stored");
  assert.equal(await historyRows(widget(page)), 0);
  await session.check(allowed());
});

test("choosing to keep again moves this tab's work onto the computer, and another open tab follows each change", async () => {
  const session = await openSession(browser);
  const { page: tabA } = session;
  await tabA.goto(server.origin + "/");
  await waitForReady(tabA);
  const tabB = await anotherPage(session, server.origin + "/");
  // Nothing is saved yet, so keeping nothing asks nothing.
  await openYourData(widget(tabA));
  await widget(tabA).getByLabel(NONE).check();
  await widget(tabA).getByRole("button", { name: SAVE_CHOICE }).click();
  await widget(tabA).getByText("Saved. Nothing is kept on this computer now", { exact: false }).waitFor();
  await widget(tabB.page).getByText(TAB_ONLY).waitFor();

  await saveFeedback(widget(tabB.page), "Worked on in tab B");
  assert.equal(await readStorage(tabB.page)["supervision-widget:feedback-sessions"], undefined);
  assert.equal(await historyRows(widget(tabA)), 0, "tab A does not see tab B's tab-only work");

  await openYourData(widget(tabB.page));
  await widget(tabB.page).getByLabel("Keep everything until I clear it").check();
  await widget(tabB.page).getByRole("button", { name: SAVE_CHOICE }).click();
  await widget(tabB.page).getByText("Saved. Everything you save here is kept until you clear it.").waitFor();
  await widget(tabB.page).getByText(TAB_ONLY).waitFor({ state: "detached" });
  assert.match((await readStorage(tabB.page))["supervision-widget:feedback-sessions"], /Worked on in tab B/);
  assert.deepEqual(await readTab(tabB.page), {});
  // Tab A follows: it keeps on the computer again, and shows what tab B carried there.
  await widget(tabA).getByText(TAB_ONLY).waitFor({ state: "detached" });
  assert.equal(await historyRows(widget(tabA)), 1);
  assert.deepEqual(tabB.problems, []);
  await session.check(allowed());
});

test("first use asks 'Your own computer, or shared?' before anything is saved, until it is answered", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/");
  await waitForReady(page);
  const w = widget(page);
  const question = w.getByRole("heading", { name: "Your own computer, or shared?" });
  await question.waitFor();
  assert.deepEqual(await readStorage(page), {}, "asked before anything is saved");
  // Shared: Your data opens, with focus on the choice that applies now.
  await w.getByRole("button", { name: "Shared: choose what this computer keeps" }).click();
  assert.equal(await focusedText(page), "Keep everything until I clear it");
  // Not answered yet, so asked again at the next visit; answered, never again.
  await saveFeedback(w, "First");
  await page.reload();
  await waitForReady(page);
  await w.getByRole("heading", { name: "Saved on this computer already" }).waitFor();
  await w.getByRole("button", { name: "They're mine: keep them" }).click();
  await w.locator(".sw-privacy-offer").getByText("Saved. Everything you save here is kept until you clear it.").waitFor();
  assert.deepEqual(JSON.parse((await readStorage(page))["supervision-widget:privacy"]).data, { keep: "keep" });
  await page.reload();
  await waitForReady(page);
  assert.equal(await w.locator(".sw-privacy-offer").count(), 0);
  await session.check(allowed());
});

for (const lang of ["en", "cy"]) {
  const t = (en, cy) => (lang === "en" ? en : cy);
  test(`the next person at the desk is told what is saved and when, and can use it in this tab only, by keyboard (${lang})`, async () => {
    const session = await openSession(browser);
    const { page } = session;
    await seedStorage(page, server.origin, { "supervision-widget:feedback-sessions": envelope([PRIVATE_SESSION]) });
    const before = await readStorage(page);
    await page.goto(`${server.origin}/${lang === "cy" ? "cy" : ""}`);
    await waitForReady(page);
    const w = widget(page);
    // When it was saved, in this computer's time.
    const [day, time] = await page.evaluate((iso) => {
      const d = new Date(iso);
      const pad = (n) => String(n).padStart(2, "0");
      return [d.getDate(), `${pad(d.getHours())}:${pad(d.getMinutes())}`];
    }, PRIVATE_SESSION.saved_at);
    await w.getByText(t(`1 record is saved here, the last on ${day} January 2026 at ${time}.`, `Mae 1 cofnod wedi'i gadw yma, yr olaf ar ${day} Ionawr 2026 am ${time}.`)).waitFor();
    const tabOnly = t("Not yours? Use it in this tab only", "Nid chi piau nhw? Ei ddefnyddio yn y tab hwn yn unig");
    for (let i = 0; i < 10 && (await focusedText(page)) !== tabOnly; i++) await page.keyboard.press("Tab");
    assert.equal(await focusedText(page), tabOnly);
    await page.keyboard.press("Enter");
    await w.getByText(t("Nothing is kept on this computer: what you do here goes when you close or reload this tab.", "Nid oes dim yn cael ei gadw ar y cyfrifiadur hwn")).first().waitFor();
    // Nothing of theirs is shown, nor asked about; nothing of theirs is changed.
    assert.equal(await w.getByText(PRIVATE_COMMENT).count(), 0);
    if (lang === "en") {
      assert.equal(await historyRows(w), 0);
      await saveFeedback(w, "Mine, for this tab only");
      assert.equal(await historyRows(w), 1);
      await openYourData(w);
      await w.getByText("You are using this tool in this tab only", { exact: false }).waitFor();
      assert.equal(await w.locator("input[name='sw-privacy']").count(), 0, "their setting is not this person's to change");
      await w.getByRole("button", { name: "Clear my data" }).click();
      await w.getByRole("button", { name: "Yes, clear my data" }).click();
      assert.equal(await historyRows(w), 0);
    }
    assert.deepEqual(await readStorage(page), before, "nothing of theirs changed");
    await session.check(allowed());
  });
}

test("a time limit deletes what grows too old while the page stays open, within the hour", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.clock.install({ time: new Date("2026-12-02T09:00:00Z") });
  const almost = { ...storedSession("almost", "2026-11-25", [4, 4, 4, 4, 4, 4]), saved_at: "2026-11-25T10:00:00.000Z" };
  await seedStorage(page, server.origin, {
    "supervision-widget:privacy": envelope({ keep: "7d" }),
    "supervision-widget:feedback-sessions": envelope([almost]),
  });
  await page.goto(server.origin + "/");
  await waitForReady(page);
  const w = widget(page);
  assert.equal(await historyRows(w), 1, "not yet seven days old");
  await page.clock.fastForward("02:00:00");
  await w.getByText("1 saved record was older than 7 days, so it has been deleted from this computer, as this tool is set to do.").waitFor();
  assert.equal(await historyRows(w), 0);
  assert.deepEqual(JSON.parse((await readStorage(page))["supervision-widget:feedback-sessions"]).data, []);
  await session.check(allowed());
});
