// Closing the improvement loop in the built bundle: a session with two actions, typed with the
// keyboard alone; a reload; and the next session in the same role following both up (one done,
// one not yet and carried forward into the new session).

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test,
  BUNDLE_NAME, ROOT, rateAllSix, hostPage, launch, openSession, openYourData, readStorage, seedStorage, serve, tabTo, waitForReady,
} from "./helpers.mjs";

let browser;
let server;
/** A second origin, as another computer's browser would be. */
let elsewhere;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "widget-actions-"));

before(async () => {
  browser = await launch();
  server = await serve({ "/en": hostPage(`<supervision-widget mode="feedback"></supervision-widget>`) });
  elsewhere = await serve({ "/en": hostPage(`<supervision-widget mode="feedback"></supervision-widget>`) });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await elsewhere?.close();
});

const allowed = (origin) => [`${origin}/en`, `${origin}/${BUNDLE_NAME}`, `${origin}/blank`];

const widget = (page) => page.locator("supervision-widget");
const continueButton = (page) => widget(page).getByRole("button", { name: "Continue" });

const stored = async (page) => JSON.parse((await readStorage(page))["supervision-widget:feedback-sessions"]).data;

test("two actions typed with the keyboard are saved, and followed up at the next session", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(`${server.origin}/en`);
  await waitForReady(page);

  // First session, keyboard only: received, clinical; Safe scores 2 and Effective 1.
  await tabTo(page, "sw-fb-role-received");
  await page.keyboard.press("Space");
  await tabTo(page, "sw-fb-kind-professional");
  await page.keyboard.press("ArrowDown"); // Managerial
  await tabTo(page, "Continue");
  await page.keyboard.press("Enter");
  // All six on one page: the action of each low rating appears under it.
  const scores = [2, 4, 1, 4, 4, 4];
  for (const [i, score] of scores.entries()) {
    await tabTo(page, `sw-fb-rating-${i}-1`); // the scale's first point
    await page.keyboard.press("Space");
    for (let step = 1; step < score; step++) await page.keyboard.press("ArrowDown");
    if (i === 0) {
      assert.match(await widget(page).locator("#sw-fb-action-0-hint").textContent(), /I will ask for/);
      await tabTo(page, "sw-fb-action-0");
      await page.keyboard.type("I will ask for ten minutes on risks.");
      await tabTo(page, "sw-fb-action-0-by-day");
      await page.keyboard.type("1");
      await page.keyboard.press("Tab");
      await page.keyboard.type("12");
      await page.keyboard.press("Tab");
      await page.keyboard.type("2099");
    }
    if (i === 2) {
      await tabTo(page, "sw-fb-action-2");
      await page.keyboard.type("I will read the escalation policy.");
    }
  }
  await tabTo(page, "Continue");
  await page.keyboard.press("Enter");
  await widget(page).getByRole("heading", { name: "Check your answers" }).waitFor();
  await widget(page).getByText("I will ask for ten minutes on risks.").waitFor();
  await widget(page).getByText("To do by 1 December 2099.").waitFor();
  await widget(page).getByText("I will read the escalation policy.").waitFor();
  await tabTo(page, "Save feedback");
  await page.keyboard.press("Enter");
  await widget(page).getByText("Feedback saved").waitFor();
  // The saved record shows its actions, and they print with it.
  await page.emulateMedia({ media: "print" });
  assert.equal(await widget(page).getByText("I will read the escalation policy.").isVisible(), true);
  assert.equal(await widget(page).getByText("To do by 1 December 2099.").isVisible(), true);
  await page.emulateMedia({ media: "screen" });
  let sessions = await stored(page);
  assert.deepEqual(sessions[0].actions, [
    { domain: 0, text: "I will ask for ten minutes on risks.", by: "2099-12-01" },
    { domain: 2, text: "I will read the escalation policy." },
  ]);

  // After a reload, the next session in the same role follows both up.
  await page.reload();
  await waitForReady(page);
  await widget(page).getByRole("button", { name: "Give feedback on a session" }).click();
  await widget(page).getByLabel("I received supervision").check();
  await widget(page).getByLabel("Clinical").check();
  await continueButton(page).click();
  await widget(page).getByRole("heading", { name: "Last time you planned" }).waitFor();
  const legends = await widget(page).locator(".sw-fb__follow-up legend").allTextContents();
  assert.deepEqual(legends.map((l) => l.trim()), [
    "How did ‘I will ask for ten minutes on risks.’ go?",
    "How did ‘I will read the escalation policy.’ go?",
  ]);
  await widget(page).locator("#sw-fb-fu-0-done").check();
  await widget(page).locator("#sw-fb-fu-0-note").fill("We start with risks now.");
  await widget(page).locator("#sw-fb-fu-1-not-yet").check();
  await widget(page).locator("#sw-fb-fu-1-carry").check();
  await continueButton(page).click();
  await rateAllSix(widget(page), Array(6).fill(4));
  // Carried forward: the Effective action is there, picked, with its words.
  assert.equal(await widget(page).locator("#sw-fb-action-2-chosen").isChecked(), true);
  assert.equal(await widget(page).locator("#sw-fb-action-2").inputValue(), "I will read the escalation policy.");
  await continueButton(page).click();
  await widget(page).getByRole("heading", { name: "Actions from earlier sessions" }).waitFor();
  await widget(page).getByText("Not yet. Carried forward.").waitFor();
  await widget(page).getByRole("button", { name: "Save feedback" }).click();
  await widget(page).getByText("Feedback saved").waitFor();
  sessions = await stored(page);
  assert.equal(sessions.length, 2);
  assert.deepEqual(sessions[1].follow_ups.map((f) => [f.domain, f.outcome, f.carried]), [
    [0, "done", false],
    [2, "not-yet", true],
  ]);
  assert.deepEqual(sessions[1].actions.map((a) => a.text), ["I will read the escalation policy."]);
  // The saved view says how the earlier actions went.
  await widget(page).getByText("We start with risks now.").waitFor();

  // A third session: only the carried-forward action is left to follow up.
  await widget(page).getByRole("button", { name: "Give feedback on a session" }).click();
  await widget(page).getByLabel("I received supervision").check();
  await widget(page).getByLabel("Clinical").check();
  await continueButton(page).click();
  await widget(page).getByRole("heading", { name: "Last time you planned" }).waitFor();
  assert.equal(await widget(page).locator(".sw-fb__follow-up").count(), 1);
  await session.check(allowed(server.origin));
});

/** The version 3 golden fixture: three actions, one done, one carried forward, one open. */
const V3 = fs.readFileSync(path.join(ROOT, "tests/fixtures/v3/feedback-sessions.json"), "utf8");

/** Opens "Your actions" and returns the rows' cells, for each filter. */
async function yourActions(page) {
  await widget(page).getByRole("button", { name: "Your actions", exact: true }).click();
  await widget(page).getByRole("heading", { name: "Your actions" }).waitFor();
  const rows = {};
  for (const show of ["All actions", "Open", "Done"]) {
    await widget(page).getByLabel("Show").selectOption({ label: show });
    await widget(page).getByRole("status").filter({ hasText: "shown" }).waitFor();
    rows[show] = await widget(page).locator("tbody tr").evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent.trim())));
  }
  return rows;
}

test("Your actions counts open and done, the history and trend show them, and an export carries them to another origin", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await seedStorage(page, server.origin, { "supervision-widget:feedback-sessions": V3 });
  await page.goto(`${server.origin}/en`);
  await waitForReady(page);
  await widget(page).getByRole("button", { name: "Your saved sessions" }).click();
  await widget(page).getByText("You have 1 open action.").waitFor();
  const here = await yourActions(page);
  assert.equal(here["All actions"].length, 3);
  assert.deepEqual(here["Open"].map((cells) => cells[0]), ["I will ask for the rota to be shared earlier."]);
  assert.deepEqual(here["Done"].map((cells) => [cells[0], cells[1], cells[4], cells[5]]), [
    ["I will ask for ten minutes on risks at the start.", "Safe", "Done (followed up on 10 December 2026)", "We start with risks now."],
  ]);
  assert.ok(here["All actions"].some((cells) => cells[4] === "Carried forward"));
  await widget(page).getByRole("status").filter({ hasText: "1 action shown" }).waitFor();
  // On the trend, Safe's chart marks the session where its action was done, in words too.
  await widget(page).getByRole("button", { name: "See your ratings over time" }).click();
  assert.match(await widget(page).locator("#sw-trend-0-desc").textContent(), /An action for this domain was done by the session of 10 December 2026\./);
  assert.equal(await widget(page).locator(".sw-trend__done").count(), 1);

  // Export, then import on another origin: the actions and their outcomes come too.
  await openYourData(widget(page));
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    widget(page).getByRole("button", { name: "Export all my data" }).click(),
  ]);
  const file = path.join(folder, "export.json");
  fs.copyFileSync(await download.path(), file);
  assert.equal(JSON.parse(fs.readFileSync(file, "utf8")).version, 4);
  const storedHere = JSON.parse((await readStorage(page))["supervision-widget:feedback-sessions"]).data;
  await session.check(allowed(server.origin));

  const other = await openSession(browser);
  await other.page.goto(`${elsewhere.origin}/en`);
  await waitForReady(other.page);
  await openYourData(widget(other.page));
  await widget(other.page).getByLabel("Import data from an export file").setInputFiles(file);
  await widget(other.page).getByLabel("Keep it, and add what is new in the file").check();
  await widget(other.page).getByRole("button", { name: "Import", exact: true }).click();
  await widget(other.page).getByText("Import finished: 2 added, 0 already here and left as they were.").waitFor();
  const storedThere = JSON.parse((await readStorage(other.page))["supervision-widget:feedback-sessions"]).data;
  assert.deepEqual(storedThere, storedHere);
  assert.deepEqual(await yourActions(other.page), here);
  await other.check(allowed(elsewhere.origin));
});

test("an action's errors say whose they are and link to the field", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(`${server.origin}/en`);
  await waitForReady(page);
  await widget(page).getByLabel("I received supervision").check();
  await widget(page).getByLabel("Clinical").check();
  await continueButton(page).click();
  await rateAllSix(widget(page), [4, 1, 4, 4, 4, 4]);
  await widget(page).locator("#sw-fb-action-1").fill("x".repeat(201));
  await widget(page).locator("#sw-fb-action-1-by-day").fill("31");
  await widget(page).locator("#sw-fb-action-1-by-month").fill("2");
  await widget(page).locator("#sw-fb-action-1-by-year").fill("2030");
  await continueButton(page).click();
  const summary = widget(page).locator(".sw-error-summary");
  await summary.waitFor();
  assert.deepEqual((await summary.locator("a").allTextContents()).map((t) => t.trim()), [
    "Timely: Actions must be 200 characters or fewer",
    "Timely: The date to do it by must be a real date",
  ]);
  await summary.getByRole("link", { name: "Timely: The date to do it by must be a real date" }).click();
  assert.equal(await page.evaluate(() => document.querySelector("supervision-widget").shadowRoot.activeElement?.id), "sw-fb-action-1-by-day");
  // Nothing typed is lost; a past date is refused too.
  assert.equal((await widget(page).locator("#sw-fb-action-1").inputValue()).length, 201);
  await widget(page).locator("#sw-fb-action-1").fill("I will ask for time.");
  await widget(page).locator("#sw-fb-action-1-by-day").fill("1");
  await widget(page).locator("#sw-fb-action-1-by-year").fill("2020");
  await continueButton(page).click();
  await widget(page).getByRole("link", { name: "Timely: The date to do it by must be today or in the future" }).waitFor();
  await session.check(allowed(server.origin));
});
