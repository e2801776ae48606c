// Private on a shared computer: keep, locked with a passphrase (issue 15). Records are stored
// sealed; the key lives in a tab's memory only; the next person at the desk sees only the
// unlock screen; wrong tries are refused and then slowed; idle tabs lock again.

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test,
  BUNDLE_NAME, anotherPage, envelope, focusedText, historyRows, saveFeedback, hostPage, launch, openSession, openWithAPrivateSession, openYourData, PRIVATE_COMMENT, readStorage, seedStorage, serve,
  waitForReady,
} from "./helpers.mjs";

let browser;
let server;
let elsewhere;

before(async () => {
  browser = await launch();
  server = await serve({
    "/": hostPage(`<supervision-widget mode="feedback"></supervision-widget>`),
    "/ward": hostPage(`<supervision-widget mode="feedback" privacy="locked"></supervision-widget>`),
  });
  elsewhere = await serve({ "/": hostPage(`<supervision-widget mode="feedback"></supervision-widget>`) });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await elsewhere?.close();
});

const allowed = () => [server.origin + "/", server.origin + "/ward", `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/blank`,
  elsewhere.origin + "/", `${elsewhere.origin}/${BUNDLE_NAME}`];
const widget = (page) => page.locator("supervision-widget");
const PASSPHRASE = "correct horse battery";
const LOCKED = "Keep, locked with a passphrase";
const UNLOCK = "Unlock your saved feedback";

/** Fails if any stored value holds one of `secrets` as plain text. */
async function assertNoPlainText(page, secrets) {
  for (const [key, value] of Object.entries(await readStorage(page))) {
    for (const secret of secrets) assert.ok(!value.includes(secret), `${key} holds "${secret}" as plain text`);
  }
}

/** Chooses the lock in Your data and sets `passphrase`. */
async function lockWith(page, passphrase = PASSPHRASE) {
  const w = widget(page);
  await openYourData(w);
  await w.getByLabel(LOCKED).check();
  await w.locator("#sw-lock-set-new").fill(passphrase);
  await w.locator("#sw-lock-set-again").fill(passphrase);
  await w.getByRole("button", { name: "Lock with this passphrase" }).click();
  // Over records already here, it asks first (they may be someone else's).
  const saved = w.getByText("Saved. What you keep here is locked with your passphrase.");
  const mine = w.getByRole("button", { name: "They're mine: lock them with my passphrase" });
  await saved.or(mine).waitFor();
  if (await mine.isVisible()) await mine.click();
  await saved.waitFor();
}

/** Types `passphrase` on the unlock screen and presses Unlock. */
async function tryToUnlock(page, passphrase) {
  const w = widget(page);
  await w.getByRole("heading", { name: UNLOCK }).waitFor();
  await w.getByLabel("Passphrase", { exact: true }).fill(passphrase);
  await w.getByRole("button", { name: "Unlock", exact: true }).click();
}

test("a passphrase seals every record; the next person sees only the unlock screen, and only the passphrase opens it", async () => {
  const session = await openSession(browser);
  const { page } = session;
  const w = await openWithAPrivateSession(page, server.origin, "/");
  await openYourData(w);
  await w.getByLabel(LOCKED).check();
  // No recovery, said before the passphrase is set.
  await w.getByText("There is no way to recover a forgotten passphrase.", { exact: false }).waitFor();
  await w.locator("#sw-lock-set-new").fill("short");
  await w.getByRole("button", { name: "Lock with this passphrase" }).click();
  // Errors are summarised, with focus on the summary; its link goes to the field.
  const summary = w.locator(".sw-error-summary");
  await summary.getByText("The passphrase must be at least 12 characters").waitFor();
  assert.equal(await summary.evaluate((el) => el.getRootNode().activeElement === el), true);
  await summary.getByRole("link").click();
  assert.equal(await w.locator("#sw-lock-set-new").evaluate((el) => el.getRootNode().activeElement === el), true);
  // Long enough, but a common password with digits around it.
  await w.locator("#sw-lock-set-new").fill("Password2026!");
  await w.getByRole("button", { name: "Lock with this passphrase" }).click();
  await summary.getByText("This is a common password, so it would be among the first guessed.", { exact: false }).waitFor();
  await w.locator("#sw-lock-set-new").fill(PASSPHRASE);
  await w.locator("#sw-lock-set-again").fill(PASSPHRASE + "!");
  // A real form: Enter submits.
  await w.locator("#sw-lock-set-again").press("Enter");
  await summary.getByText("The two passphrases are not the same").waitFor();
  // The browser is told not to keep, suggest or spell-check a passphrase.
  for (const id of ["#sw-lock-set-new", "#sw-lock-set-again"]) {
    const field = w.locator(id);
    assert.deepEqual([await field.getAttribute("autocomplete"), await field.getAttribute("spellcheck")], ["off", "false"], id);
  }
  // "Show passphrase" shows what was typed.
  await w.getByLabel("Show passphrase").first().check();
  assert.equal(await w.locator("#sw-lock-set-new").getAttribute("type"), "text");
  await w.getByLabel("Show passphrase").first().uncheck();
  await w.locator("#sw-lock-set-again").fill(PASSPHRASE);
  await w.getByRole("button", { name: "Lock with this passphrase" }).click();
  // The session already here may be someone else's: asked first, and Cancel locks nothing.
  const question = w.getByRole("heading", { name: "Lock the 1 record already saved on this computer?" });
  await question.waitFor();
  await w.getByText("They may not be yours: whoever saved them would then need your passphrase to see them.", { exact: false }).waitFor();
  await w.getByRole("button", { name: "Cancel" }).click();
  await question.waitFor({ state: "detached" });
  assert.equal((await readStorage(page))["supervision-widget:lock-check"], undefined, "nothing locked on Cancel");
  await w.getByLabel(LOCKED).check();
  await w.locator("#sw-lock-set-new").fill(PASSPHRASE);
  await w.locator("#sw-lock-set-again").fill(PASSPHRASE);
  await w.getByRole("button", { name: "Lock with this passphrase" }).click();
  await w.getByRole("button", { name: "They're mine: lock them with my passphrase" }).click();
  await w.getByText("Saved. What you keep here is locked with your passphrase.").waitFor();
  await w.getByRole("button", { name: "Lock now" }).waitFor();

  const stored = await readStorage(page);
  assert.deepEqual(JSON.parse(stored["supervision-widget:privacy"]).data, { keep: "locked" });
  assert.match(stored["supervision-widget:feedback-sessions"], /^\{"sealed":2,"data":"[A-Za-z0-9+/=]+"\}$/);
  await assertNoPlainText(page, [PRIVATE_COMMENT, PASSPHRASE]);
  // Still open in this tab: new work is kept, sealed.
  await saveFeedback(widget(page), "Written while locked");
  assert.equal(await historyRows(widget(page)), 2);
  await assertNoPlainText(page, [PRIVATE_COMMENT, "Written while locked", PASSPHRASE]);

  // The next person at this computer sees only the unlock screen.
  const next = await anotherPage(session, server.origin + "/");
  const n = widget(next.page);
  await n.getByRole("heading", { name: UNLOCK }).waitFor();
  assert.equal(await n.getByRole("button", { name: "Your saved sessions" }).count(), 0);
  assert.equal(await n.getByText(PRIVATE_COMMENT).count(), 0);
  await tryToUnlock(next.page, "not the passphrase");
  await n.locator(".sw-error-summary").getByText("That passphrase does not unlock your saved feedback").waitFor();
  await tryToUnlock(next.page, PASSPHRASE);
  await n.getByRole("heading", { name: UNLOCK }).waitFor({ state: "detached" });
  assert.equal(await historyRows(widget(next.page)), 2);
  assert.deepEqual(next.problems, []);

  // The key lives in memory only: a reload locks again.
  await page.reload();
  await waitForReady(page);
  await w.getByRole("heading", { name: UNLOCK }).waitFor();
  await session.check(allowed());
});

test("feedback received and what I will change are sealed too, and open again with the passphrase", async () => {
  const session = await openSession(browser);
  const { page } = session;
  const date = new Date(Date.now() - 5 * 86400000).toISOString().slice(0, 10);
  await seedStorage(page, server.origin, {
    "supervision-widget:privacy": envelope({ keep: "keep" }),
    "supervision-widget:feedback-received": envelope([{ id: "p1", received_at: `${date}T10:00:00.000Z`, label: "LABEL-SECRET",
      piece: { date, kind: "clinical", ratings: [4, 4, 4, 4, 4, 4], comments: ["PIECE-SECRET", "", "", "", "", ""], actions: [] } }]),
    "supervision-widget:feedback-received-plan": envelope({ changes: [{ domain: 2, text: "PLAN-SECRET", outcome: null, note: "" }],
      reflection: { learned: "ACCOUNT-SECRET", changed: "", themes: [false, false, false, false], other: "" } }),
  });
  await page.goto(server.origin + "/");
  await waitForReady(page);
  await lockWith(page);
  const stored = await readStorage(page);
  for (const key of ["supervision-widget:feedback-received", "supervision-widget:feedback-received-plan"]) {
    assert.match(stored[key], /^\{"sealed":2,"data":"[A-Za-z0-9+/=]+"\}$/, key);
  }
  await assertNoPlainText(page, ["PIECE-SECRET", "LABEL-SECRET", "PLAN-SECRET", "ACCOUNT-SECRET", PASSPHRASE]);
  await page.reload();
  await waitForReady(page);
  await tryToUnlock(page, PASSPHRASE);
  const w = widget(page);
  await w.getByRole("button", { name: "Feedback on my supervision" }).click();
  await w.getByRole("cell", { name: "LABEL-SECRET", exact: true }).waitFor();
  assert.equal(await w.locator("#sw-recv-change-2").inputValue(), "PLAN-SECRET");
  assert.equal(await w.locator("#sw-recv-account-learned").inputValue(), "ACCOUNT-SECRET");
  await session.check(allowed());
});

test("five wrong tries in a row make the next wait, and a forgotten passphrase's data can be deleted after asking", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.clock.install();
  await page.goto(server.origin + "/");
  await waitForReady(page);
  await saveFeedback(widget(page), "Before the lock");
  await lockWith(page);
  await page.reload();
  await waitForReady(page);
  const w = widget(page);
  // Said before any wait begins.
  await w.getByText("After 5 wrong tries in a row, you will have to wait before each new try", { exact: false }).waitFor();
  // A real form: Enter submits. Errors are summarised, with focus on the summary.
  await w.getByLabel("Passphrase", { exact: true }).press("Enter");
  await w.locator(".sw-error-summary").getByText("Enter your passphrase").waitFor();
  assert.equal(await focusedText(page), "There is a problemEnter your passphrase");
  for (let i = 1; i <= 4; i++) {
    await tryToUnlock(page, `wrong ${i}`);
    // What was typed is cleared once it has been tried.
    await page.waitForFunction(() => document.querySelector("supervision-widget").shadowRoot.querySelector("#sw-unlock-passphrase").value === "");
    await w.locator(".sw-error-summary").getByText("That passphrase does not unlock your saved feedback").waitFor();
    assert.equal(JSON.parse((await readStorage(page))["supervision-widget:lock-check"]).data.failed, i);
  }
  // The fifth: the wait says until when, counts down, and the button says why it waits.
  await tryToUnlock(page, "wrong 5");
  await w.locator(".sw-error-summary").getByText(/Too many wrong tries\. You can try again at \d\d:\d\d:\d\d/).waitFor();
  await w.getByText(/^Too many wrong tries\. Wait (30|29|28) seconds before trying again$/).waitFor();
  const waiting = w.getByRole("button", { name: /^Unlock \(you can try again at \d\d:\d\d:\d\d\)$/ });
  await waiting.waitFor();
  assert.equal(await waiting.getAttribute("aria-disabled"), "true");
  await w.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
  await w.getByLabel("Passphrase", { exact: true }).press("Enter");
  await page.clock.runFor(2_000);
  await w.getByRole("heading", { name: UNLOCK }).waitFor(); // nothing tried while it waits
  // The count is kept on this computer: a reload does not reset it.
  assert.equal(JSON.parse((await readStorage(page))["supervision-widget:lock-check"]).data.failed, 5);
  await page.clock.runFor(30_000);
  await w.getByText("You can try again now.").waitFor();
  await w.getByRole("button", { name: "Unlock", exact: true }).waitFor();

  const forgot = w.getByRole("button", { name: "Forgot it? Delete the locked data" });
  await forgot.click();
  await w.getByRole("heading", { name: "Delete everything locked on this computer?" }).waitFor();
  // Cancel goes back, with focus on "Forgot it?"; asked again, it deletes.
  await w.getByRole("button", { name: "Cancel" }).click();
  await w.getByRole("heading", { name: "Delete everything locked on this computer?" }).waitFor({ state: "detached" });
  assert.equal(await forgot.evaluate((el) => el.getRootNode().activeElement === el), true);
  await forgot.click();
  await w.getByRole("heading", { name: "Delete everything locked on this computer?" }).waitFor();
  await w.getByRole("button", { name: "Delete the locked data", exact: true }).click();
  await w.getByRole("heading", { name: UNLOCK }).waitFor({ state: "detached" });
  assert.equal(await focusedText(page), "The locked data has been deleted from this computer. Nothing is locked now.");
  // The choice to lock stays; until a new passphrase is set, nothing is kept.
  await w.getByText("What you keep here is to be locked with a passphrase.", { exact: false }).waitFor();
  const stored = await readStorage(page);
  assert.deepEqual(Object.keys(stored), ["supervision-widget:privacy"]);
  assert.equal(await historyRows(widget(page)), 0);
  await session.check(allowed());
});

test("an unlocked tab locks again after 15 minutes without use, or at once with Lock now", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.clock.install();
  await page.goto(server.origin + "/");
  await waitForReady(page);
  await lockWith(page);
  const w = widget(page);
  // Setting the lock: what it did takes focus.
  assert.equal(await focusedText(page), "Saved. What you keep here is locked with your passphrase.");
  await w.getByRole("button", { name: "Lock now" }).click();
  await w.getByRole("heading", { name: UNLOCK }).waitFor();
  await w.getByText("Locked. Nothing kept here can be read until it is unlocked.").waitFor();
  assert.equal(await focusedText(page), UNLOCK, "Lock now moves focus to the unlock screen's heading");
  await tryToUnlock(page, PASSPHRASE);
  await w.getByRole("heading", { name: UNLOCK }).waitFor({ state: "detached" });
  await w.getByText("Unlocked. What is kept here is open in this tab", { exact: false }).waitFor();
  assert.match(await focusedText(page), /^Unlocked\. /, "unlocking moves focus to what it did");
  // Use keeps it open: a click, and scrolling (reading counts as use too).
  await page.clock.fastForward("12:00");
  await w.getByRole("button", { name: "Your saved sessions" }).click();
  await page.clock.fastForward("12:00");
  const box = await w.locator(".sw").boundingBox();
  await page.mouse.move(box.x + 40, box.y + 40);
  await page.mouse.wheel(0, 200);
  // Two minutes before it locks, it warns and offers to stay unlocked.
  await page.clock.fastForward("13:05");
  const warning = w.getByRole("alert").filter({ hasText: /this tool will lock at \d\d:\d\d unless you use it/ });
  await warning.waitFor();
  await w.getByRole("button", { name: "Stay unlocked" }).click();
  await warning.waitFor({ state: "detached" });
  await page.clock.fastForward("14:00");
  assert.equal(await w.getByRole("heading", { name: UNLOCK }).count(), 0);
  // Unused for 15 minutes by the wall clock: locked, said, focus on the unlock screen's heading.
  await page.clock.fastForward("01:05");
  await w.getByRole("heading", { name: UNLOCK }).waitFor();
  await w.getByText("Locked after 15 minutes without use, to protect what is kept here.").waitFor();
  assert.equal(await focusedText(page), UNLOCK);

  // Clear my data empties the locked store but keeps the lock: what is saved next is locked.
  await tryToUnlock(page, PASSPHRASE);
  await w.getByRole("button", { name: "Clear my data" }).click();
  await w.getByRole("button", { name: "Yes, clear my data" }).click();
  const kept = await readStorage(page);
  assert.deepEqual(Object.keys(kept).sort(), ["supervision-widget:lock-check", "supervision-widget:privacy"]);
  await saveFeedback(widget(page), "After clearing");
  await assertNoPlainText(page, ["After clearing"]);
  await session.check(allowed());
});

test("two tabs: locking in one shuts the other, which opens with the passphrase; a new passphrase shuts it again", async () => {
  const session = await openSession(browser);
  const { page: tabA } = session;
  await tabA.goto(server.origin + "/");
  await waitForReady(tabA);
  const tabB = await anotherPage(session, server.origin + "/");
  await lockWith(tabA);
  await widget(tabB.page).getByRole("heading", { name: UNLOCK }).waitFor();
  await tryToUnlock(tabB.page, PASSPHRASE);
  await widget(tabB.page).getByRole("heading", { name: UNLOCK }).waitFor({ state: "detached" });
  // A's save reaches B, which holds the key too.
  await saveFeedback(widget(tabA), "Saved in tab A");
  assert.equal(await historyRows(widget(tabB.page)), 1);
  await assertNoPlainText(tabA, ["Saved in tab A"]);

  // A changes the passphrase: B's key no longer opens anything, so B locks.
  const w = widget(tabA);
  await w.getByText("Change your passphrase").click();
  // The passphrase in use first: a tab left open cannot be used to change it.
  await w.locator("#sw-lock-current").fill("not the one in use");
  await w.getByRole("button", { name: "Continue" }).click();
  await w.locator(".sw-error-summary").getByText("That passphrase does not unlock your saved feedback").waitFor();
  assert.equal(await w.locator("#sw-lock-change-new").count(), 0);
  await w.locator("#sw-lock-current").fill(PASSPHRASE);
  await w.getByRole("button", { name: "Continue" }).click();
  await w.locator("#sw-lock-change-new").waitFor();
  assert.equal(await tabA.evaluate(() => document.querySelector("supervision-widget").shadowRoot.activeElement?.id), "sw-lock-change-new",
    "the new passphrase's field takes focus");
  // Folded away and opened again, it asks for the passphrase in use again.
  await w.getByText("Change your passphrase").click();
  await w.getByText("Change your passphrase").click();
  await w.locator("#sw-lock-current").fill(PASSPHRASE);
  await w.getByRole("button", { name: "Continue" }).click();
  await w.locator("#sw-lock-change-new").waitFor();
  await w.locator("#sw-lock-change-new").fill("a brand new passphrase");
  await w.locator("#sw-lock-change-again").fill("a brand new passphrase");
  await w.getByRole("button", { name: "Change passphrase" }).click();
  await w.getByText("Your passphrase is changed.").waitFor();
  await widget(tabB.page).getByRole("heading", { name: UNLOCK }).waitFor();
  await tryToUnlock(tabB.page, PASSPHRASE);
  await widget(tabB.page).locator(".sw-error-summary").getByText("That passphrase does not unlock your saved feedback").waitFor();
  await tryToUnlock(tabB.page, "a brand new passphrase");
  await widget(tabB.page).getByRole("heading", { name: UNLOCK }).waitFor({ state: "detached" });
  assert.equal(await historyRows(widget(tabB.page)), 1);

  // An arrow key off the lock changes nothing (it used to take the lock off every record).
  const sealed = await readStorage(tabA);
  await w.getByLabel(LOCKED).focus();
  await tabA.keyboard.press("ArrowUp");
  assert.equal(await w.getByLabel("Keep for 1 day").isChecked(), true);
  assert.deepEqual(await readStorage(tabA), sealed);
  // Taking the lock off stores everything plain again, in every tab, once the person agrees.
  await w.getByLabel("Keep everything until I clear it").check();
  await w.getByRole("button", { name: "Save this choice" }).click();
  await w.getByRole("heading", { name: "Take the lock off what is kept here?" }).waitFor();
  assert.deepEqual(await readStorage(tabA), sealed, "nothing unsealed before Yes");
  // Yes asks for the passphrase again (now the new one).
  await w.getByRole("button", { name: "Yes, take the lock off" }).click();
  await w.locator(".sw-error-summary").getByText("Enter your passphrase").waitFor();
  assert.deepEqual(await readStorage(tabA), sealed, "nothing unsealed without the passphrase");
  await w.locator("#sw-unlock-again").fill("a brand new passphrase");
  await w.getByRole("button", { name: "Yes, take the lock off" }).click();
  await w.getByText("Saved. Everything you save here is kept until you clear it.").waitFor();
  assert.match((await readStorage(tabA))["supervision-widget:feedback-sessions"], /Saved in tab A/);
  assert.equal((await readStorage(tabA))["supervision-widget:lock-check"], undefined);
  await widget(tabB.page).getByRole("button", { name: "Lock now" }).waitFor({ state: "detached" });
  assert.equal(await historyRows(widget(tabB.page)), 1);
  assert.deepEqual(tabB.problems, []);
  await session.check(allowed());
});

test("an export from a locked store is locked too, and imports on another origin with its passphrase, not without it", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/");
  await waitForReady(page);
  await saveFeedback(widget(page), "Carried in a locked file");
  await lockWith(page);
  const w = widget(page);
  const [download] = await Promise.all([page.waitForEvent("download"), w.getByRole("button", { name: "Export all my data" }).click()]);
  assert.match(download.suggestedFilename(), /-locked\.json$/);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sw-lock-")), "locked.json");
  fs.copyFileSync(await download.path(), file);
  const text = fs.readFileSync(file, "utf8");
  assert.equal(JSON.parse(text).format, "supervision-widget-export-locked");
  assert.ok(!text.includes("Carried in a locked file"), "the file holds no plain text");
  // A plain export, when asked for, with the passphrase typed again: a wrong one gives nothing.
  await w.getByLabel("Export without the lock: anyone with the file can read it").check();
  let downloads = 0;
  page.on("download", () => downloads++);
  await w.locator("#sw-export-again").fill("someone else's guess");
  await w.getByRole("button", { name: "Export all my data" }).click();
  await w.locator(".sw-error-summary").getByText("That passphrase does not unlock your saved feedback").waitFor();
  assert.equal(downloads, 0, "no plain copy without the passphrase");
  await w.locator("#sw-export-again").fill(PASSPHRASE);
  const [plain] = await Promise.all([page.waitForEvent("download"), w.getByRole("button", { name: "Export all my data" }).click()]);
  assert.match(fs.readFileSync(await plain.path(), "utf8"), /Carried in a locked file/);

  // Another origin (the saved offline copy, say): the file asks for its passphrase.
  const { page: other, problems } = await anotherPage(session, elsewhere.origin + "/");
  const o = widget(other);
  await openYourData(o);
  // A crafted copy whose lock asks for 4 GiB and 4,000,000,000 passes: refused at once, before
  // any passphrase, and the page lives on (trying one would abort the wasm or hang the tab).
  const crafted = JSON.parse(text);
  Object.assign(crafted.lock, { memory_kib: 4 * 1024 * 1024, passes: 4_000_000_000 });
  await o.getByLabel("Import data from an export file").setInputFiles({ name: "crafted.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(crafted)) });
  await o.getByRole("button", { name: "Import", exact: true }).click();
  await o.getByText("This file's lock asks for far more memory or time than this tool ever uses", { exact: false }).waitFor();
  await o.getByLabel("Import data from an export file").setInputFiles(file);
  await o.getByRole("button", { name: "Import", exact: true }).click();
  await o.getByText("This file is locked with a passphrase. Type its passphrase below, then import it again.").waitFor();
  await o.getByLabel("Passphrase for this file").fill("not it at all");
  await o.getByRole("button", { name: "Import", exact: true }).click();
  await o.getByText("That passphrase does not open this file").waitFor();
  await o.getByLabel("Passphrase for this file").fill(PASSPHRASE);
  await o.getByRole("button", { name: "Import", exact: true }).click();
  await o.getByText("Import finished: 1 added", { exact: false }).waitFor();
  assert.equal(await historyRows(widget(other)), 1);
  assert.deepEqual(problems, []);
  await session.check(allowed());
});

test("without the lock, an export can be locked with a passphrase of its own, and opens only with it", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/");
  await waitForReady(page);
  await saveFeedback(widget(page), "Sent locked by choice");
  const w = widget(page);
  await openYourData(w);
  await w.getByLabel("Lock the file with a passphrase, so that only someone who knows it can open it").check();
  await w.getByText("Whoever opens the file will need this passphrase.", { exact: false }).waitFor();
  // The same rules as the lock's own passphrase.
  await w.locator("#sw-export-lock-new").fill("password1234");
  await w.locator("#sw-export-lock-again").fill("password1234");
  await w.getByRole("button", { name: "Export all my data" }).click();
  await w.locator(".sw-error-summary").getByText("This is a common password", { exact: false }).waitFor();
  await w.locator("#sw-export-lock-new").fill("kettle ward seven blue");
  await w.locator("#sw-export-lock-again").fill("kettle ward seven blue");
  const [download] = await Promise.all([page.waitForEvent("download"), w.getByRole("button", { name: "Export all my data" }).click()]);
  assert.match(download.suggestedFilename(), /-locked\.json$/);
  const text = fs.readFileSync(await download.path(), "utf8");
  assert.equal(JSON.parse(text).format, "supervision-widget-export-locked");
  assert.ok(!text.includes("Sent locked by choice"), "the file holds no plain text");
  // What is kept here stays as it was: not locked.
  assert.match((await readStorage(page))["supervision-widget:feedback-sessions"], /Sent locked by choice/);

  const { page: other, problems } = await anotherPage(session, elsewhere.origin + "/");
  const o = widget(other);
  await openYourData(o);
  await o.getByLabel("Import data from an export file").setInputFiles({ name: "locked.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await o.getByRole("button", { name: "Import", exact: true }).click();
  await o.getByLabel("Passphrase for this file").fill("kettle ward seven blue");
  await o.getByRole("button", { name: "Import", exact: true }).click();
  await o.getByText("Import finished: 1 added", { exact: false }).waitFor();
  assert.deepEqual(problems, []);
  await session.check(allowed());
});

test("a page that asks for the lock keeps nothing until a passphrase is set, then keeps this tab's work locked", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/ward");
  await waitForReady(page);
  const w = widget(page);
  await w.getByText("What you keep here is to be locked with a passphrase.", { exact: false }).waitFor();
  await saveFeedback(w, "Before the passphrase");
  assert.deepEqual(Object.keys(await readStorage(page)), [], "nothing on the computer yet");
  // Only the lock, or keeping nothing, is offered; the lock is what applies.
  await openYourData(w);
  assert.equal(await w.locator("input[name='sw-privacy']").count(), 2);
  await w.locator("#sw-lock-set-new").fill(PASSPHRASE);
  await w.locator("#sw-lock-set-again").fill(PASSPHRASE);
  await w.getByRole("button", { name: "Lock with this passphrase" }).click();
  await w.getByText("Saved. What you keep here is locked with your passphrase.").waitFor();
  await w.getByRole("button", { name: "Lock now" }).waitFor();
  assert.match((await readStorage(page))["supervision-widget:feedback-sessions"], /^\{"sealed":2/);
  await assertNoPlainText(page, ["Before the passphrase"]);
  assert.equal(await historyRows(w), 1);
  await session.check(allowed());
});

test("in a browser without secure random numbers the lock is not offered, and nothing falls back to Math.random", async () => {
  const session = await openSession(browser, {
    init: () => Object.defineProperty(Crypto.prototype, "getRandomValues", { value: undefined }),
  });
  const { page } = session;
  await page.goto(server.origin + "/");
  await waitForReady(page);
  const w = widget(page);
  await openYourData(w);
  await w.getByLabel("Keep everything until I clear it").waitFor();
  assert.equal(await w.getByLabel(LOCKED).count(), 0);
  assert.equal(await w.locator("#sw-export-lock").count(), 0, "nor is a locked export");
  await w.getByRole("button", { name: "Export all my data" }).waitFor();
  await session.check(allowed());
});

test("the next person can use the tool without unlocking: nothing kept, the locked data untouched", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/");
  await waitForReady(page);
  await saveFeedback(widget(page), "Locked away");
  await lockWith(page);
  const locked = await readStorage(page);
  const next = await anotherPage(session, server.origin + "/");
  const n = widget(next.page);
  await n.getByRole("heading", { name: UNLOCK }).waitFor();
  await n.getByText("Not yours? You can use this tool without unlocking", { exact: false }).waitFor();
  await n.getByRole("button", { name: "Use without unlocking" }).click();
  await n.getByRole("heading", { name: UNLOCK }).waitFor({ state: "detached" });
  assert.equal(await historyRows(n), 0);
  await saveFeedback(n, "Not kept anywhere");
  assert.equal(await historyRows(n), 1);
  assert.deepEqual(await readStorage(next.page), locked, "the locked data untouched, nothing new kept");
  await assertNoPlainText(next.page, ["Not kept anywhere", "Locked away"]);
  assert.deepEqual(next.problems, []);
  await session.check(allowed());
});
