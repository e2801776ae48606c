// Six-domain feedback in the built bundle: by keyboard in English and Welsh, resuming a draft
// after a reload, error links, history and trend, print, exports that keep markup as text, and
// bad stored data.

import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test,
  BUNDLE_NAME, rateAllSix, ROOT, envelope, focusedText, hostPage, launch, manySessions, openSession, readStorage, readStorageWhen, saveFeedback, seedStorage, serve, storedSession,
  waitForReady,
} from "./helpers.mjs";

let browser;
let server;

before(async () => {
  browser = await launch();
  server = await serve({
    "/en": hostPage(`<supervision-widget mode="feedback"></supervision-widget>`),
    "/cy": hostPage(`<supervision-widget mode="feedback"></supervision-widget>`, { lang: "cy" }),
    "/both": hostPage(`<supervision-widget></supervision-widget>`),
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const allowed = (path) => [server.origin + path, `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/blank`];
const widget = (page) => page.locator("supervision-widget");

/** Tabs on until the focused element's text is `label` (at most 40 presses). */
async function tabTo(page, label) {
  for (let i = 0; i < 40 && (await focusedText(page)) !== label; i++) await page.keyboard.press("Tab");
  assert.equal(await focusedText(page), label);
}

/** Tabs on until the focused element's id is `id` (at most 40 presses). */
async function tabToId(page, id) {
  const focused = () => widget(page).evaluate((host) => host.shadowRoot.activeElement?.id);
  for (let i = 0; i < 40 && (await focused()) !== id; i++) await page.keyboard.press("Tab");
  assert.equal(await focused(), id);
}

for (const lang of ["en", "cy"]) {
  const t = (en, cy) => (lang === "en" ? en : cy);
  test(`the feedback form can be completed and saved with the keyboard alone (${lang})`, async () => {
    const session = await openSession(browser);
    const { page } = session;
    await page.goto(`${server.origin}/${lang}`);
    await waitForReady(page);
    await tabTo(page, t("Give feedback on a session", "Rhoi adborth ar sesiwn"));
    await page.keyboard.press("Tab"); // your saved sessions
    await page.keyboard.press("Tab"); // trend
    await page.keyboard.press("Tab"); // your actions
    await page.keyboard.press("Tab"); // feedback on my supervision
    await page.keyboard.press("Tab"); // role: first radio
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab"); // type: first radio
    await page.keyboard.press("ArrowDown"); // Managerial
    await page.keyboard.press("Tab"); // day (today by default)
    await page.keyboard.press("Tab"); // month
    await page.keyboard.press("Tab"); // year
    await page.keyboard.press("Tab"); // label
    await page.keyboard.type("monthly one-to-one");
    await tabTo(page, t("Continue", "Parhau"));
    await page.keyboard.press("Enter");

    // All six on one page: each domain's scale is one tab stop, and arrows move its rating.
    await widget(page).getByRole("heading", { name: t("The six domains", "Y chwe pharth") }).waitFor();
    for (let domain = 1; domain <= 6; domain++) {
      await tabToId(page, `sw-fb-rating-${domain - 1}-1`);
      await page.keyboard.press("Space");
      for (let step = 1; step < (domain % 5) + 1; step++) await page.keyboard.press("ArrowDown");
      if (domain === 2) {
        // "Add a comment" opens with Enter; the box follows it.
        await tabTo(page, t("Add a comment on Timely", "Ychwanegu sylw ar y parth Amserol"));
        await page.keyboard.press("Enter");
        await page.keyboard.press("Tab");
        await page.keyboard.type("Good, timely <b>support</b>");
      }
    }
    // Domains 1 and 6 scored 2, domain 5 scored 1: their actions show under them (left empty).
    assert.equal(await widget(page).locator("#sw-fb-action-0, #sw-fb-action-4, #sw-fb-action-5").count(), 3);
    await tabTo(page, t("Continue", "Parhau"));
    await page.keyboard.press("Enter");
    await widget(page).getByRole("heading", { name: t("Check your answers", "Gwiriwch eich atebion") }).waitFor();
    await tabTo(page, t("Save feedback", "Cadw'r adborth"));
    await page.keyboard.press("Enter");
    await widget(page).getByText(t("Feedback saved", "Adborth wedi'i gadw")).waitFor();
    // Once storage has it, "Feedback saved" takes focus, so it is read out.
    assert.equal(await focusedText(page), t("Feedback saved", "Adborth wedi'i gadw"));
    // Focused from the keyboard, the panel keeps its look: white on NHS green, not white on white.
    const look = await widget(page).evaluate((host) => {
      const s = getComputedStyle(host.shadowRoot.activeElement);
      return `${s.color} on ${s.backgroundColor}`;
    });
    assert.equal(look, "rgb(255, 255, 255) on rgb(0, 127, 59)");
    await widget(page).getByText("Good, timely <b>support</b>").first().waitFor();
    assert.equal(await widget(page).locator("b").count(), 0);
    const stored = JSON.parse((await readStorage(page))["supervision-widget:feedback-sessions"]).data;
    assert.equal(stored.length, 1);
    assert.equal(stored[0].kind, "managerial");
    assert.equal(stored[0].label, "monthly one-to-one");
    await session.check(allowed(`/${lang}`));
  });
}

test("past the first page only the task shows; the widget opens where the person was, offering to carry on", async () => {
  const session = await openSession(browser, { viewport: { width: 1280, height: 800 } });
  const { page } = session;
  await page.goto(`${server.origin}/both`);
  await waitForReady(page);
  const w = widget(page);
  // A first visit opens on the quiz, and asks about this computer first.
  await w.getByRole("heading", { name: "Self-check quiz" }).waitFor();
  await w.getByRole("button", { name: "My own: keep what I save" }).click();
  await w.getByRole("button", { name: "Supervision feedback" }).click();
  await w.getByLabel("I received supervision").check();
  // The types the hub page defines say what they are, tied to their radio.
  const described = (label) => w.getByLabel(label, { exact: true }).evaluate((input) =>
    input.getRootNode().getElementById(input.getAttribute("aria-describedby"))?.textContent ?? null);
  assert.equal(await described("Mentoring"), "Someone with experience of the role helps you grow in it.");
  assert.equal(await described("Clinical"), null, "the page does not define clinical supervision");
  await w.getByLabel("Clinical").check();
  await w.getByRole("button", { name: "Continue" }).click();
  await w.getByRole("heading", { name: "The six domains" }).waitFor();
  // No menus above the task, and its heading is the first thing under the widget's title.
  assert.equal(await w.getByRole("navigation").count(), 0, "neither the parts' nor the feedback menu");
  const visibleHeadings = await w.evaluate((host) =>
    [...host.shadowRoot.querySelectorAll("h2, h3, h4")].filter((h) => h.getClientRects().length && h.getBoundingClientRect().width > 1).map((h) => h.textContent.trim()).slice(0, 2));
  assert.deepEqual(visibleHeadings, ["Supervision Hub", "The six domains"]);
  // Screen readers keep the part's heading.
  await w.getByRole("heading", { name: "Supervision feedback" }).waitFor({ state: "attached" });
  await w.locator("#sw-fb-rating-0-4").check();
  await w.locator("#sw-fb-rating-1-3").check();
  await w.locator("#sw-fb-rating-2-5").check();
  await readStorageWhen(page, "supervision-widget:feedback-draft", '"score":5');

  // Next visit: the feedback part, where they were, offering the draft with how far it got.
  await page.reload();
  await waitForReady(page);
  await w.getByRole("heading", { name: "The six domains" }).waitFor();
  await w.getByRole("button", { name: "Back", exact: true }).click();
  await w.getByRole("button", { name: "Carry on with your feedback (3 of 6 rated)" }).waitFor();
  await session.check(allowed("/both"));
});

/** The session date the form offers, as [day, month, year]. */
const offeredDate = (page) =>
  Promise.all(["day", "month", "year"].map((part) => widget(page).locator(`#sw-fb-date-${part}`).inputValue()));

test("a new session is dated the day the form opens, not the day the last one was saved", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.clock.install({ time: new Date("2026-12-02T09:00:00") });
  await page.goto(`${server.origin}/en`);
  await waitForReady(page);
  await saveFeedback(widget(page), "December");
  // A month later, in a new visit: the form offers that day, and the first session is the previous one.
  await page.clock.setSystemTime(new Date("2027-01-05T09:00:00"));
  await page.reload();
  await waitForReady(page);
  await widget(page).getByRole("button", { name: "Give feedback on a session" }).click();
  assert.deepEqual(await offeredDate(page), ["5", "1", "2027"]);
  await saveFeedback(widget(page), "January");
  await widget(page).getByText("The lighter, dashed shape is your previous session (2 December 2026).").waitFor();
  const dates = JSON.parse((await readStorage(page))["supervision-widget:feedback-sessions"]).data.map((s) => s.date);
  assert.deepEqual(dates, ["2026-12-02", "2027-01-05"]);
  // The tab left open until the next month: the form works out the day as it opens.
  await page.clock.setSystemTime(new Date("2027-02-09T09:00:00"));
  await widget(page).getByRole("button", { name: "Give feedback on a session" }).click();
  assert.deepEqual(await offeredDate(page), ["9", "2", "2027"]);
  // A draft begun that day and finished the next keeps its date, and Check your answers says so.
  await widget(page).getByLabel("I received supervision").check();
  await readStorageWhen(page, "supervision-widget:feedback-draft", '"received"');
  await page.clock.setSystemTime(new Date("2027-02-10T09:00:00"));
  await page.reload();
  await waitForReady(page);
  assert.deepEqual(await offeredDate(page), ["9", "2", "2027"]);
  await widget(page).getByLabel("Clinical").check();
  await widget(page).getByRole("button", { name: "Continue" }).click();
  await rateAllSix(widget(page), Array(6).fill(4));
  await widget(page).getByRole("button", { name: "Continue" }).click();
  await widget(page).getByRole("heading", { name: "Check your answers" }).waitFor();
  await widget(page).getByText("9 February 2027", { exact: true }).waitFor();
  await widget(page).getByText("This is not today's date. If the session was today, change it.").waitFor();
  await session.check(allowed("/en"));
});

test("a half-filled form is restored after a reload, one domain a page as chosen", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(`${server.origin}/en`);
  await waitForReady(page);
  await widget(page).getByLabel("I gave supervision").check();
  await widget(page).getByLabel("Coaching").check();
  await widget(page).getByLabel("Show one domain a page, with its questions, to reflect slowly").check();
  await widget(page).getByRole("button", { name: "Continue" }).click();
  await widget(page).getByLabel("4 Mostly").check();
  await widget(page).getByLabel("Comment on Safe (optional)").fill("Typed before the reload");
  await page.waitForTimeout(800); // the autosave waits for typing to pause
  await page.reload();
  await waitForReady(page);
  assert.match(await widget(page).locator(".sw-caption").textContent(), /Domain 1 of 6/);
  assert.equal(await widget(page).getByLabel("4 Mostly").isChecked(), true);
  assert.equal(await widget(page).getByLabel("Comment on Safe (optional)").inputValue(), "Typed before the reload");
  // The supervisor's prompts, because the role was "gave".
  await widget(page).getByText("Did you make room for your supervisee to raise concerns and risks?").waitFor();
  await session.check(allowed("/en"));
});

/** Fills the about page (received, clinical), asks for one domain a page, and continues to domain 1. */
async function toFirstDomain(page) {
  await widget(page).getByLabel("I received supervision").check();
  await widget(page).getByLabel("Clinical").check();
  await widget(page).locator("#sw-fb-one-at-a-time").check();
  await widget(page).getByRole("button", { name: "Continue" }).click();
  await widget(page).locator("#sw-fb-rating-0-1").waitFor();
}

test("every domain page shows its rating and comment, forward and back", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(`${server.origin}/en`);
  await waitForReady(page);
  await toFirstDomain(page);
  const ratings = ["4", "2", "5", "1", "na", "3"];
  const expectPage = async (i) => {
    assert.match(await widget(page).locator(".sw-caption").textContent(), new RegExp(`Domain ${i + 1} of 6`));
    const checked = await widget(page).locator(`input[id^="sw-fb-rating-${i}-"]:checked`).evaluateAll((inputs) => inputs.map((input) => input.id));
    assert.deepEqual(checked, [`sw-fb-rating-${i}-${ratings[i]}`], `domain ${i + 1} shows its rating`);
    assert.equal(await widget(page).locator(`#sw-fb-comment-${i}`).inputValue(), `Comment on domain ${i + 1}`);
  };
  for (let i = 0; i < 6; i++) {
    await widget(page).locator(`#sw-fb-rating-${i}-${ratings[i]}`).check();
    await widget(page).locator(`#sw-fb-comment-${i}`).fill(`Comment on domain ${i + 1}`);
    await expectPage(i);
    if (i < 5) await widget(page).getByRole("button", { name: "Continue" }).click();
  }
  for (let i = 4; i >= 0; i--) {
    await widget(page).getByRole("button", { name: "Back", exact: true }).click();
    await expectPage(i);
  }
  for (let i = 1; i < 6; i++) {
    await widget(page).getByRole("button", { name: "Continue" }).click();
    await expectPage(i);
  }
  await session.check(allowed("/en"));
});

/** On domain 1: picks a rating and types a comment, then does `leave` at once (within 400 ms). */
async function typeThenLeave(page, comment, leave) {
  await widget(page).getByLabel("3 Partly").check();
  await widget(page).getByLabel("Comment on Safe (optional)").fill(comment);
  await leave();
}

/** Opens the form again and checks domain 1 shows the rating and the comment. */
async function expectKept(page, comment) {
  await page.goto(`${server.origin}/en`);
  await waitForReady(page);
  assert.equal(await widget(page).getByLabel("3 Partly").isChecked(), true);
  assert.equal(await widget(page).getByLabel("Comment on Safe (optional)").inputValue(), comment);
}

test("a comment typed just before navigating away is kept", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(`${server.origin}/en`);
  await waitForReady(page);
  await toFirstDomain(page);
  await typeThenLeave(page, "A last sentence, then off", () => page.goto(`${server.origin}/blank`));
  await expectKept(page, "A last sentence, then off");
  await session.check(allowed("/en"));
});

test("a comment typed just before closing the tab is kept", async () => {
  const session = await openSession(browser);
  const { page, context } = session;
  await page.goto(`${server.origin}/en`);
  await waitForReady(page);
  await toFirstDomain(page);
  await typeThenLeave(page, "Typed, then the tab closed", () => page.close({ runBeforeUnload: true }));
  const again = await context.newPage();
  again.on("pageerror", (error) => session.problems.push(`page error: ${error.message}`));
  again.on("console", (message) => message.type() === "error" && session.problems.push(`console error: ${message.text()}`));
  await expectKept(again, "Typed, then the tab closed");
  await session.check(allowed("/en"));
});

test("a comment is saved at once when the page is hidden (a phone switching apps)", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(`${server.origin}/en`);
  await waitForReady(page);
  await toFirstDomain(page);
  await widget(page).getByLabel("Comment on Safe (optional)").fill("Before switching apps");
  // As a mobile browser does before discarding a tab: hidden, and nothing after it.
  const stored = await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
    return localStorage.getItem("supervision-widget:feedback-draft");
  });
  assert.equal(JSON.parse(stored).data.draft.domains[0].comment, "Before switching apps", "written before the event returned");
  await session.check(allowed("/en"));
});

test("the error summary's links move focus to the field, and nothing typed is lost", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(`${server.origin}/en`);
  await waitForReady(page);
  await widget(page).getByLabel("A short label (optional)").fill("kept");
  await widget(page).locator("#sw-fb-date-day").fill("31");
  await widget(page).locator("#sw-fb-date-month").fill("2");
  await widget(page).getByRole("button", { name: "Continue" }).click();
  const summary = widget(page).getByRole("alert");
  await summary.waitFor();
  assert.equal(await page.evaluate(() => document.querySelector("supervision-widget").shadowRoot.activeElement.className), "sw-error-summary");
  const messages = await summary.locator("li").allTextContents();
  assert.deepEqual(messages, [
    "Select whether you received or gave the supervision",
    "Select the type of supervision",
    "The date of the session must be a real date",
  ]);
  await summary.getByRole("link", { name: "Select the type of supervision" }).click();
  assert.equal(await page.evaluate(() => document.querySelector("supervision-widget").shadowRoot.activeElement.id), "sw-fb-kind-professional");
  await summary.getByRole("link", { name: "The date of the session must be a real date" }).click();
  assert.equal(await page.evaluate(() => document.querySelector("supervision-widget").shadowRoot.activeElement.id), "sw-fb-date-day");
  assert.equal(await widget(page).getByLabel("A short label (optional)").inputValue(), "kept");
  assert.equal(page.url(), `${server.origin}/en`, "the host page's address is untouched");
  await session.check(allowed("/en"));
});

test("history, filters, the previous shape and the trend after three sessions", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await seedStorage(page, server.origin, {
    "supervision-widget:feedback-sessions": envelope([
      storedSession("a", "2026-09-01", [3, 3, 3, 3, 3, 3]),
      storedSession("b", "2026-10-01", [4, null, 4, 2, 5, 4], { kind: "coaching" }),
      storedSession("c", "2026-11-01", [5, 4, 4, 3, null, 5]),
    ]),
  });
  await page.goto(`${server.origin}/en`);
  await waitForReady(page);
  await widget(page).getByRole("button", { name: "Your saved sessions" }).click();
  const rows = widget(page).getByRole("table").locator("tbody tr");
  assert.equal(await rows.count(), 3);
  assert.match(await rows.first().textContent(), /1 November 2026/, "newest first");
  await widget(page).getByLabel("Type of supervision").selectOption({ label: "Coaching" });
  assert.equal(await rows.count(), 1);
  await widget(page).getByLabel("Type of supervision").selectOption({ label: "Any" });
  // The history's CSV gives every session: a header and one row each.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    widget(page).getByRole("button", { name: "Download all as CSV" }).click(),
  ]);
  const lines = fs.readFileSync(await download.path(), "utf8").trim().split("\r\n");
  assert.equal(lines.length, 4, lines.join("\n"));
  assert.deepEqual(lines.slice(1).map((line) => line.slice(0, 10)).sort(), ["2026-09-01", "2026-10-01", "2026-11-01"]);
  await widget(page).getByRole("button", { name: "Open 1 November 2026" }).click();
  await widget(page).getByRole("columnheader", { name: "Previous session" }).waitFor();
  assert.equal(await widget(page).locator(".sw-radar__previous .sw-radar__point").count(), 5, "N/A is a gap in the previous shape");
  assert.equal(await widget(page).locator(".sw-radar__current .sw-radar__point").count(), 5);
  await widget(page).getByRole("button", { name: "See your ratings over time" }).click();
  assert.equal(await widget(page).locator(".sw-trend__svg").count(), 6);
  assert.equal(await widget(page).locator("details tbody tr").count(), 3);
  await session.check(allowed("/en"));
});

test("a long history shows twenty sessions a page, with NHS.UK pagination that keeps the filters", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await seedStorage(page, server.origin, { "supervision-widget:feedback-sessions": envelope(manySessions(45)) });
  await page.goto(`${server.origin}/en`);
  await waitForReady(page);
  const w = widget(page);
  await w.getByRole("button", { name: "Your saved sessions" }).click();
  const rows = w.getByRole("table").locator("tbody tr");
  const pages = w.getByRole("navigation", { name: "Pages of saved sessions" });
  const status = w.getByRole("status").filter({ hasText: "sessions" });
  assert.equal(await rows.count(), 20);
  assert.match(await rows.first().textContent(), /1 November 2026/, "newest first");
  assert.match(await status.textContent(), /^45 saved sessions shown, page 1 of 3$/);
  assert.equal(await pages.getByRole("button", { name: "Page 1" }).getAttribute("aria-current"), "page");
  assert.equal(await pages.getByRole("button", { name: "Previous page" }).count(), 0, "no Previous on the first page");

  // Next page by keyboard: twenty more, and focus on the table to read them.
  await pages.getByRole("button", { name: "Next page" }).focus();
  await page.keyboard.press("Enter");
  await w.getByRole("button", { name: "Page 2" }).and(w.locator("[aria-current=page]")).waitFor();
  assert.match(await rows.first().textContent(), /12 October 2026/, "the 21st newest");
  assert.equal(await focusedText(page).then((t) => t.startsWith("Saved sessions, newest first")), true, "focus on the table");
  assert.match(await status.textContent(), /, page 2 of 3$/);

  await pages.getByRole("button", { name: "Page 3" }).click();
  assert.equal(await rows.count(), 5, "the last page holds the rest");
  assert.equal(await pages.getByRole("button", { name: "Next page" }).count(), 0, "no Next on the last page");
  assert.match(await rows.last().textContent(), /18 September 2026/, "the oldest last");

  // A filter starts again at page 1 and stays while paging; with one page there is no navigation.
  await w.getByLabel("Type of supervision").selectOption({ label: "Clinical" });
  assert.match(await status.textContent(), /^30 saved sessions shown, page 1 of 2$/);
  await pages.getByRole("button", { name: "Page 2" }).click();
  assert.equal(await rows.count(), 10);
  assert.equal(await w.getByLabel("Type of supervision").evaluate((s) => s.selectedOptions[0].textContent), "Clinical", "the filter stays");
  for (const text of await rows.allTextContents()) assert.match(text, /Clinical/);
  await w.getByLabel("Type of supervision").selectOption({ label: "Coaching" });
  assert.equal(await rows.count(), 15);
  assert.equal(await pages.count(), 0, "one page: no pagination");

  // Download all gives every session the filters let through, not just the page.
  await w.getByLabel("Type of supervision").selectOption({ label: "Any" });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    w.getByRole("button", { name: "Download all as CSV" }).click(),
  ]);
  assert.equal(fs.readFileSync(await download.path(), "utf8").trim().split("\r\n").length, 46);

  // Welsh names the same navigation in Welsh.
  await w.getByRole("button", { name: "Cymraeg" }).click();
  const tudalennau = w.getByRole("navigation", { name: "Tudalennau o sesiynau a gadwyd" });
  await tudalennau.getByRole("button", { name: "Tudalen nesaf" }).click();
  assert.equal(await tudalennau.getByRole("button", { name: "Tudalen 2" }).getAttribute("aria-current"), "page");
  await session.check(allowed("/en"));
});

test("deleting a session asks first", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await seedStorage(page, server.origin, {
    "supervision-widget:feedback-sessions": envelope([storedSession("a", "2026-09-01", [3, 3, 3, 3, 3, 3])]),
  });
  await page.goto(`${server.origin}/en`);
  await waitForReady(page);
  await widget(page).getByRole("button", { name: "Your saved sessions" }).click();
  await widget(page).getByRole("button", { name: "Delete 1 September 2026" }).click();
  assert.match(await focusedText(page), /Delete the feedback on the session of 1 September 2026\?/);
  await widget(page).getByRole("button", { name: "Cancel" }).click();
  assert.equal(await widget(page).getByRole("table").locator("tbody tr").count(), 1);
  await widget(page).getByRole("button", { name: "Delete 1 September 2026" }).click();
  await widget(page).getByRole("button", { name: "Yes, delete it" }).click();
  await widget(page).getByText("You have not saved any feedback yet.").waitFor();
  assert.deepEqual(JSON.parse((await readStorage(page))["supervision-widget:feedback-sessions"]).data, []);
  await session.check(allowed("/en"));
});

test("printing shows the summary and chart without navigation or buttons", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await seedStorage(page, server.origin, {
    "supervision-widget:feedback-sessions": envelope([storedSession("a", "2026-09-01", [3, 4, 5, 2, 1, 3])]),
  });
  await page.goto(`${server.origin}/en`);
  await waitForReady(page);
  await widget(page).getByRole("button", { name: "Your saved sessions" }).click();
  await widget(page).getByRole("button", { name: "Open 1 September 2026" }).click();
  await page.emulateMedia({ media: "print" });
  const shown = (selector) => widget(page).locator(selector).first().evaluate((el) => getComputedStyle(el).display !== "none");
  assert.equal(await shown(".sw-header"), false);
  assert.equal(await shown(".sw-subnav"), false);
  assert.equal(await shown(".sw-button"), false);
  assert.equal(await shown(".sw-footer"), false);
  assert.equal(await shown(".sw-radar"), true);
  assert.equal(await shown(".sw-table"), true);
  await session.check(allowed("/en"));
});

test("markup and formulas in comments stay text in the page, the CSV and the copied summary", async () => {
  const session = await openSession(browser);
  const { page, context } = session;
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
  const comment = "=HYPERLINK(\"x\") <img src=x onerror=alert(1)>";
  await seedStorage(page, server.origin, {
    "supervision-widget:feedback-sessions": envelope([storedSession("a", "2026-09-01", [3, 4, 5, 2, 1, 3], { comment })]),
  });
  await page.goto(`${server.origin}/en`);
  await waitForReady(page);
  await widget(page).getByRole("button", { name: "Your saved sessions" }).click();
  await widget(page).getByRole("button", { name: "Open 1 September 2026" }).click();
  // Shown in the session, and in what would be sent to a supervisor: as text in both.
  await widget(page).getByText(comment).first().waitFor();
  assert.equal(await widget(page).getByText(comment).count(), 2);
  assert.equal(await widget(page).locator("img").count(), 0);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    widget(page).getByRole("button", { name: "Download as CSV" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "supervision-feedback-2026-09-01.csv");
  const csv = fs.readFileSync(await download.path(), "utf8");
  assert.ok(csv.includes(`"'=HYPERLINK(""x"") <img src=x onerror=alert(1)>"`), csv);

  await widget(page).getByRole("button", { name: "Copy summary" }).click();
  await widget(page).getByText("Summary copied.").waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.includes(`Comment: ${comment}`), copied);
  await session.check(allowed("/en"));
});

for (const [name, stored] of [["unreadable", "[[not json"]]) {
  test(`a stored draft and history that are ${name} are kept aside and never overwritten`, async () => {
    const session = await openSession(browser);
    const { page } = session;
    await seedStorage(page, server.origin, {
      "supervision-widget:feedback-draft": stored,
      "supervision-widget:feedback-sessions": stored,
    });
    await page.goto(`${server.origin}/en`);
    await waitForReady(page);
    await widget(page).getByText("could not be read").waitFor();
    await widget(page).getByLabel("I received supervision").check();
    await widget(page).getByLabel("A short label (optional)").fill("new typing");
    await page.waitForTimeout(800);
    const storage = await readStorage(page);
    assert.equal(storage["supervision-widget:feedback-draft"], stored);
    assert.equal(storage["supervision-widget:feedback-sessions"], stored);
    await session.check(allowed("/en"));
  });
}

test("a reflective account for revalidation, by keyboard alone: written into the session, kept after a reload, in the CSV", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await seedStorage(page, server.origin, {
    "supervision-widget:feedback-sessions": envelope([storedSession("a", "2026-10-01", [4, null, 4, 2, 5, 4])]),
  });
  await page.goto(`${server.origin}/en`);
  await waitForReady(page);
  const w = widget(page);
  await w.getByRole("button", { name: "Your saved sessions" }).focus();
  await page.keyboard.press("Enter");
  await tabTo(page, "Open 1 October 2026, Clinical, I received supervision");
  await page.keyboard.press("Enter");
  await tabTo(page, "Write a reflective account for revalidation");
  await page.keyboard.press("Enter");
  assert.equal(await focusedText(page), "A reflective account for revalidation");
  // The four headings, the first filled in from the session.
  for (const name of ["What was the nature of the supervision and the feedback?", "What did you learn?",
    "How did you change or improve your practice as a result?", "How is this relevant to your professional standards?"]) {
    await w.getByRole("heading", { name }).waitFor();
  }
  await w.getByText("Not applicable").first().waitFor();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.querySelector("supervision-widget").shadowRoot.activeElement.id), "sw-fb-account-learned");
  await page.keyboard.type("To raise risks early.");
  await page.keyboard.press("Tab");
  await page.keyboard.type("I bring a list of cases, each time.");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space"); // Prioritise people
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space"); // Preserve safety
  // Saved after a pause in typing, and said so politely.
  await w.getByRole("status").filter({ hasText: "Your notes are saved on this computer." }).waitFor();
  await page.reload();
  await waitForReady(page);
  await w.getByRole("button", { name: "Your saved sessions" }).click();
  await w.getByRole("button", { name: "Open 1 October 2026" }).click();
  await w.getByRole("button", { name: "Write a reflective account for revalidation" }).click();
  assert.equal(await w.getByLabel("What did you learn?").inputValue(), "To raise risks early.");
  assert.equal(await w.getByLabel("How did you change or improve your practice as a result?").inputValue(), "I bring a list of cases, each time.");
  assert.equal(await w.getByLabel("Prioritise people").isChecked(), true);
  assert.equal(await w.getByLabel("Preserve safety").isChecked(), true);
  assert.equal(await w.getByLabel("Practise effectively").isChecked(), false);
  const stored = JSON.parse((await readStorage(page))["supervision-widget:feedback-sessions"]);
  assert.equal(stored.version, 3, "written as version 3");
  assert.deepEqual(stored.data[0].reflection, { learned: "To raise risks early.", changed: "I bring a list of cases, each time.", themes: [true, false, true, false], other: "" });
  await w.getByRole("button", { name: "Back to the session" }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), w.getByRole("button", { name: "Download as CSV" }).click()]);
  const csv = fs.readFileSync(await download.path(), "utf8");
  assert.match(csv, /,To raise risks early\.,"I bring a list of cases, each time\.",Prioritise people; Preserve safety,\r\n/);
  await session.check(allowed("/en"));
});

for (const version of [1, 2]) {
  test(`a browser holding version ${version} sessions opens them with nothing lost, and the next save writes version 3`, async () => {
    const session = await openSession(browser);
    const { page } = session;
    const older = fs.readFileSync(path.join(ROOT, `tests/fixtures/v${version}/feedback-sessions.json`), "utf8");
    await seedStorage(page, server.origin, { "supervision-widget:feedback-sessions": older });
    await page.goto(`${server.origin}/en`);
    await waitForReady(page);
    const w = widget(page);
    const before = JSON.parse(older).data;
    await w.getByRole("button", { name: "Your saved sessions" }).click();
    assert.equal(await w.locator("tbody tr").count(), before.length, `every version ${version} session is listed`);
    // Nothing is written just by reading.
    assert.equal(JSON.parse((await readStorage(page))["supervision-widget:feedback-sessions"]).version, version);
    await w.locator(".sw-table__actions .sw-link-button").first().click();
    await w.getByRole("button", { name: "Write a reflective account for revalidation" }).click();
    await w.getByLabel("What did you learn?").fill("Written after the upgrade");
    const sessions = "supervision-widget:feedback-sessions";
    const stored = JSON.parse((await readStorageWhen(page, sessions, "Written after the upgrade"))[sessions]);
    assert.equal(stored.version, 3);
    assert.equal(stored.data.length, before.length);
    for (const [i, old] of before.entries()) {
      const now = stored.data.find((s) => s.id === old.id);
      const { reflection, actions, follow_ups, ...rest } = now;
      const { reflection: oldReflection, ...oldRest } = old;
      assert.deepEqual(rest, oldRest, `session ${i + 1} kept as it was`);
      assert.deepEqual([actions, follow_ups], [[], []], "no actions yet");
      if (oldReflection && reflection.learned !== "Written after the upgrade") assert.deepEqual(reflection, oldReflection);
    }
    assert.ok(stored.data.some((s) => s.reflection.learned === "Written after the upgrade"));
    await session.check(allowed("/en"));
  });
}
