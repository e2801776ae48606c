// The one list of named UI states of the shell. The accessibility tests (and any screenshot or
// visual test added later) loop over it, in both languages.

import fs from "node:fs";
import path from "node:path";
import { NO_WASM_CSP, ROOT, blockStorage, envelope, fillStorage, manySessions, openYourData, rateAllSix, storedSession } from "./helpers.mjs";

/** A finished attempt with its questions and notes, as version 2 keeps it (the golden fixture). */
const V2_QUIZ_HISTORY = fs.readFileSync(path.join(ROOT, "tests/fixtures/v2/quiz-history.json"), "utf8");
/** A store locked with the passphrase "correct horse battery staple" (the golden fixture). */
const LOCKED = {
  "supervision-widget:privacy": JSON.stringify({ version: 1, rev: 1, saved_at: "2026-11-26T10:00:00.000Z", data: { keep: "locked" } }),
  "supervision-widget:lock-check": fs.readFileSync(path.join(ROOT, "tests/fixtures/locked/lock-check.json"), "utf8").trim(),
  "supervision-widget:feedback-sessions": fs.readFileSync(path.join(ROOT, "tests/fixtures/locked/feedback-sessions.json"), "utf8").trim(),
};
/** Unlocks the LOCKED fixture with its passphrase and waits for the form behind it. */
async function unlockTheFixture(widget, t) {
  await widget.locator("#sw-unlock-passphrase").fill("correct horse battery staple");
  await widget.getByRole("button", { name: t("Unlock", "Datgloi"), exact: true }).click();
  await widget.locator(".sw-form").waitFor();
}

/** A piece of feedback a supervisor kept, its first rating `safe`. */
const RECEIVED_PIECE = (id, safe) => ({
  id, received_at: "2026-11-30T10:00:00.000Z", label: `Team ${id}`,
  piece: { date: "2026-11-20", kind: "clinical", ratings: [safe, 4, null, 3, 5, 4], comments: ["", "", "", "", "", ""], actions: [] },
});

/** Three actions: one done, one carried forward, one open. */
const V3_SESSIONS = { "supervision-widget:feedback-sessions": fs.readFileSync(path.join(ROOT, "tests/fixtures/v3/feedback-sessions.json"), "utf8") };

/** Saves something (switching language and back), presses Clear my data; returns the Yes button. */
async function askToClear(widget, t) {
  await widget.getByRole("button", { name: t("Cymraeg", "English") }).click();
  await widget.getByRole("button", { name: t("English", "Cymraeg") }).click();
  await widget.getByRole("button", { name: t("Clear my data", "Clirio fy nata") }).click();
  const yes = widget.getByRole("button", { name: t("Yes, clear my data", "Ie, clirio fy nata") });
  await yes.waitFor();
  return yes;
}

/**
 * Each state: a name; optionally `attributes` and `children` of the element, `init` (a script
 * run before the page's, to inject a fault), `clock` (Playwright's clock installed first, for
 * what comes after a while),
 * `seed` (localStorage values set before loading) and `startupFails` with the `csp` that causes
 * it; and `reach(widget, t)`: what a user does to get there, where `t(en, cy)` picks the text.
 */
/** Starts the quiz and picks its first option (shuffle="false": the first option is right). */
async function startQuizAndPick(widget, t, index) {
  await widget.getByRole("button", { name: t("Start the quiz", "Dechrau'r cwis") }).click();
  await widget.locator(".sw-quiz input").nth(index).check();
  await widget.getByRole("button", { name: t("Check answer", "Gwirio'r ateb") }).click();
  await widget.locator(".sw-feedback").waitFor();
}

/** Answers a one-question quiz rightly and opens the results. */
async function finishOneQuestion(widget, t) {
  await startQuizAndPick(widget, t, 0);
  await widget.getByRole("button", { name: t("See your results", "Gweld eich canlyniadau") }).click();
  await widget.locator(".sw-quiz-results").waitFor();
}

const THREE_SESSIONS = {
  "supervision-widget:feedback-sessions": envelope([
    storedSession("a", "2026-09-01", [3, 3, 3, 3, 3, 3]),
    storedSession("b", "2026-10-01", [4, null, 4, 2, 5, 4], { kind: "coaching", role: "gave" }),
    storedSession("c", "2026-11-01", [5, 4, 4, 3, null, 5]),
  ]),
};

/** Fills the about page (received, clinical), one domain a page if asked, and continues. */
async function aboutTheSession(widget, t, oneAtATime = false) {
  await widget.getByLabel(t("I received supervision", "Cefais oruchwyliaeth")).check();
  await widget.getByLabel(t("Clinical", "Clinigol")).check();
  if (oneAtATime) await widget.locator("#sw-fb-one-at-a-time").check();
  await widget.getByRole("button", { name: t("Continue", "Parhau"), exact: true }).click();
}

/** One domain a page: rates the six (domain 1 scores 2, so it asks for an action) and arrives at the actions page. */
async function sixDomains(widget, t) {
  await aboutTheSession(widget, t, true);
  for (let i = 0; i < 6; i++) {
    await widget.locator(i === 2 ? "#sw-fb-rating-2-na" : `#sw-fb-rating-${i}-${i === 0 ? 2 : 4}`).check();
    await widget.getByRole("button", { name: t("Continue", "Parhau"), exact: true }).click();
  }
  await widget.locator("#sw-fb-action-0").waitFor();
}

/** Fills the whole form on the page of all six, with an action, and arrives at Check your answers. */
async function wholeForm(widget, t) {
  await aboutTheSession(widget, t);
  await rateAllSix(widget, [2, 4, "na", 4, 4, 4]);
  await widget.locator("#sw-fb-action-0").fill("I will ask for ten minutes on risks.");
  await widget.getByRole("button", { name: t("Continue", "Parhau"), exact: true }).click();
  await widget.locator(".sw-summary-list").first().waitFor();
}

/** A session of 1 October 2026 whose two actions are still open (stored as version 3). */
const OPEN_ACTIONS = {
  "supervision-widget:feedback-sessions": envelope([
    {
      ...storedSession("a", "2026-10-01", [2, 4, 4, 1, 4, 4]),
      reflection: { learned: "", changed: "", themes: [false, false, false, false], other: "" },
      actions: [
        { domain: 0, text: "I will ask for ten minutes on risks.", by: "2026-10-15" },
        { domain: 3, text: "I will ask for the rota earlier." },
      ],
      follow_ups: [],
    },
  ], 3),
};

const FEEDBACK = 'mode="feedback"';

const BROKEN_SET = JSON.stringify({ language: "en", topics: [], references: [], questions: [] });

export const STATES = [
  { name: "start (the quiz's start page)", reach: async () => {} },
  {
    name: "quiz: a question",
    reach: async (widget, t) => {
      await widget.getByRole("button", { name: t("Start the quiz", "Dechrau'r cwis") }).click();
      await widget.locator(".sw-caption").waitFor();
    },
  },
  {
    name: "quiz: error (checked with nothing chosen)",
    reach: async (widget, t) => {
      await widget.getByRole("button", { name: t("Start the quiz", "Dechrau'r cwis") }).click();
      await widget.getByRole("button", { name: t("Check answer", "Gwirio'r ateb") }).click();
      await widget.locator(".sw-error-summary").waitFor();
    },
  },
  { name: "quiz: answered right", attributes: 'shuffle="false"', reach: (widget, t) => startQuizAndPick(widget, t, 0) },
  { name: "quiz: answered wrong", attributes: 'shuffle="false"', reach: (widget, t) => startQuizAndPick(widget, t, 1) },
  {
    name: "quiz: results",
    attributes: 'shuffle="false" questions="1" pass-mark="50"',
    reach: (widget, t) => finishOneQuestion(widget, t),
  },
  {
    name: "quiz: start page with a history of attempts",
    attributes: 'shuffle="false" questions="1" pass-mark="50"',
    reach: async (widget, t) => {
      await finishOneQuestion(widget, t);
      await widget.getByRole("button", { name: t("Back to the start of the quiz", "Yn ôl i ddechrau'r cwis") }).click();
      await widget.getByRole("table").waitFor();
    },
  },
  {
    name: "quiz: start again with answers given, asking first",
    attributes: 'shuffle="false"',
    reach: async (widget, t) => {
      await startQuizAndPick(widget, t, 0);
      await widget.getByRole("button", { name: t("Supervision feedback", "Adborth ar oruchwyliaeth") }).click();
      await widget.getByRole("button", { name: t("Self-check quiz", "Cwis hunanwirio") }).click();
      await widget.getByRole("button", { name: t("Start again", "Dechrau eto") }).click();
      await widget.locator(".sw-confirm").waitFor();
    },
  },
  {
    name: "quiz: review",
    attributes: 'shuffle="false" questions="1"',
    reach: async (widget, t) => {
      await startQuizAndPick(widget, t, 1);
      await widget.getByRole("button", { name: t("See your results", "Gweld eich canlyniadau") }).click();
      await widget.getByRole("button", { name: t("Review your answers", "Adolygu eich atebion") }).click();
      await widget.locator(".sw-review").waitFor();
    },
  },
  {
    name: "quiz: settings changed during an attempt",
    attributes: 'questions="3"',
    reach: async (widget, t) => {
      await widget.getByRole("button", { name: t("Start the quiz", "Dechrau'r cwis") }).click();
      await widget.evaluate((el) => el.setAttribute("pass-mark", "80"));
      await widget.getByText(t("The settings of this quiz have changed", "Mae gosodiadau'r cwis hwn wedi newid")).waitFor();
    },
  },
  {
    name: "quiz: a learning record, with notes",
    attributes: 'mode="quiz"',
    seed: { "supervision-widget:quiz-history": V2_QUIZ_HISTORY },
    reach: async (widget, t) => {
      await widget.getByRole("button", { name: new RegExp(`^${t("Learning record", "Cofnod dysgu")} `) }).click();
      await widget.locator(".sw-quiz-record .sw-review__item").first().waitFor();
    },
  },
  {
    name: "quiz: a host question set with problems",
    children: `<script type="application/json">${BROKEN_SET}</script>`,
    allowedConsoleError: /question set cannot be used/,
    reach: async (widget) => widget.locator(".sw-quiz-problems").waitFor(),
  },
  { name: "feedback: about the session", attributes: FEEDBACK, reach: async (widget) => widget.locator("#sw-fb-role-received").waitFor() },
  {
    name: "feedback: errors on a page",
    attributes: FEEDBACK,
    reach: async (widget, t) => {
      await widget.getByRole("button", { name: t("Continue", "Parhau"), exact: true }).click();
      await widget.locator(".sw-error-summary").waitFor();
    },
  },
  {
    name: "feedback: all six domains on one page, a low rating's action, an error and a long comment",
    attributes: FEEDBACK,
    reach: async (widget, t) => {
      await aboutTheSession(widget, t);
      await widget.locator("#sw-fb-rating-0-2").check();
      await widget.locator("#sw-fb-action-0").fill("x".repeat(210));
      await widget.locator("details:has(#sw-fb-comment-1) > summary").click();
      await widget.locator("#sw-fb-comment-1").fill("x".repeat(1010));
      await widget.locator("#sw-fb-action-3-chosen").check();
      await widget.getByRole("button", { name: t("Continue", "Parhau"), exact: true }).click();
      await widget.locator(".sw-error-summary").waitFor();
    },
  },
  { name: "feedback: a domain page", attributes: FEEDBACK, reach: (widget, t) => aboutTheSession(widget, t, true) },
  {
    name: "feedback: a domain page with an error and a long comment",
    attributes: FEEDBACK,
    reach: async (widget, t) => {
      await aboutTheSession(widget, t, true);
      await widget.locator("#sw-fb-comment-0").fill("x".repeat(1010));
      await widget.getByRole("button", { name: t("Continue", "Parhau"), exact: true }).click();
      await widget.locator(".sw-error-summary").waitFor();
    },
  },
  {
    name: "feedback: actions, one asked for and one picked",
    attributes: FEEDBACK,
    reach: async (widget, t) => {
      await sixDomains(widget, t);
      await widget.locator("#sw-fb-action-4-chosen").check();
      await widget.locator("#sw-fb-action-4").waitFor();
    },
  },
  {
    name: "feedback: actions, a date in the past and an action too long",
    attributes: FEEDBACK,
    reach: async (widget, t) => {
      await sixDomains(widget, t);
      await widget.locator("#sw-fb-action-0").fill("x".repeat(210));
      await widget.locator("#sw-fb-action-0-by-day").fill("1");
      await widget.locator("#sw-fb-action-0-by-month").fill("1");
      await widget.locator("#sw-fb-action-0-by-year").fill("2020");
      await widget.getByRole("button", { name: t("Continue", "Parhau"), exact: true }).click();
      await widget.locator(".sw-error-summary").waitFor();
    },
  },
  {
    name: "feedback: last time you planned, one overdue, one not yet",
    attributes: FEEDBACK,
    seed: OPEN_ACTIONS,
    reach: async (widget, t) => {
      await aboutTheSession(widget, t);
      await widget.locator("#sw-fb-fu-1-not-yet").check();
      await widget.locator("#sw-fb-fu-1-carry").waitFor();
    },
  },
  { name: "feedback: check your answers", attributes: FEEDBACK, reach: wholeForm },
  {
    name: "your data: keep for 7 days, just chosen",
    attributes: FEEDBACK,
    reach: async (widget, t) => {
      await openYourData(widget);
      await widget.locator("#sw-privacy-7d").check();
      await widget.getByRole("button", { name: t("Save this choice", "Cadw'r dewis hwn") }).click();
      await widget.locator(".sw-privacy [role=status]").filter({ hasText: /7/ }).waitFor();
    },
  },
  {
    name: "your data: keeping nothing asks before deleting what is saved",
    attributes: FEEDBACK,
    seed: THREE_SESSIONS,
    reach: async (widget, t) => {
      await openYourData(widget);
      await widget.locator("#sw-privacy-none").check();
      await widget.getByRole("button", { name: t("Save this choice", "Cadw'r dewis hwn") }).click();
      await widget.locator("#sw-privacy-question").waitFor();
    },
  },
  {
    name: "keeping nothing: records left from before, said so",
    attributes: `${FEEDBACK} privacy="none"`,
    seed: THREE_SESSIONS,
    reach: async (widget) => widget.locator(".sw-notices .sw-callout").waitFor(),
  },
  {
    name: "your data: the passphrase form with an error",
    attributes: FEEDBACK,
    reach: async (widget, t) => {
      await openYourData(widget);
      await widget.locator("#sw-privacy-locked").check();
      await widget.getByRole("button", { name: t("Lock with this passphrase", "Cloi â'r cyfrinymadrodd hwn") }).click();
      await widget.locator("#sw-lock-set-new-error").waitFor();
    },
  },
  {
    name: "locked: the unlock screen after a wrong passphrase",
    attributes: FEEDBACK,
    seed: LOCKED,
    reach: async (widget, t) => {
      await widget.locator("#sw-unlock-passphrase").fill("not the passphrase");
      await widget.getByRole("button", { name: t("Unlock", "Datgloi"), exact: true }).click();
      await widget.locator("#sw-unlock-passphrase-error").waitFor();
    },
  },
  {
    name: "locked: asking before deleting the locked data",
    attributes: FEEDBACK,
    seed: LOCKED,
    reach: async (widget) => {
      await widget.locator("#sw-unlock-forgot").click();
      await widget.locator("#sw-unlock-delete-question").waitFor();
    },
  },
  {
    name: "locked and open: Lock now, and the passphrase asked again to change it or export without it",
    attributes: FEEDBACK,
    seed: LOCKED,
    reach: async (widget, t) => {
      await unlockTheFixture(widget, t);
      await openYourData(widget);
      await widget.getByText(t("Change your passphrase", "Newid eich cyfrinymadrodd")).click();
      await widget.locator("#sw-lock-current").waitFor();
      await widget.locator("#sw-export-plain").check();
      await widget.locator("#sw-export-again").waitFor();
    },
  },
  {
    name: "locked and open: taking the lock off asks for the passphrase again",
    attributes: FEEDBACK,
    seed: LOCKED,
    reach: async (widget, t) => {
      await unlockTheFixture(widget, t);
      await openYourData(widget);
      await widget.locator("#sw-privacy-keep").check();
      await widget.getByRole("button", { name: t("Save this choice", "Cadw'r dewis hwn") }).click();
      await widget.locator("#sw-unlock-again").waitFor();
    },
  },
  {
    name: "locked and open: the warning before the idle lock",
    attributes: FEEDBACK,
    seed: LOCKED,
    clock: true,
    reach: async (widget, t) => {
      await unlockTheFixture(widget, t);
      await widget.page().clock.fastForward("13:05");
      await widget.getByRole("button", { name: t("Stay unlocked", "Aros heb ei gloi") }).waitFor();
    },
  },
  {
    name: "start-up: records older than the time limit deleted, said so",
    attributes: FEEDBACK,
    seed: {
      "supervision-widget:privacy": envelope({ keep: "1d" }),
      "supervision-widget:feedback-sessions": envelope([{ ...storedSession("old", "2026-01-01", [3, 3, 3, 3, 3, 3]), saved_at: "2026-01-01T12:00:00.000Z" }]),
    },
    reach: async (widget) => widget.locator(".sw-notices .sw-callout").waitFor(),
  },
  {
    name: "feedback: start again, asking first",
    attributes: FEEDBACK,
    reach: async (widget, t) => {
      await widget.locator("#sw-fb-role-received").check();
      await widget.getByRole("button", { name: t("Start again", "Dechrau eto") }).click();
      await widget.locator(".sw-confirm").waitFor();
    },
  },
  {
    name: "feedback: saved, with the previous session behind it, and what would be sent opened",
    attributes: FEEDBACK,
    seed: THREE_SESSIONS,
    reach: async (widget, t) => {
      await wholeForm(widget, t);
      await widget.getByRole("button", { name: t("Save feedback", "Cadw'r adborth") }).click();
      await widget.locator(".sw-radar__previous").waitFor();
      await widget.locator(".sw-send > summary").click();
      await widget.locator("#sw-send-comments").waitFor();
    },
  },
  {
    // The deepest headings stop at h6.
    name: "feedback: saved, at heading-level 5",
    attributes: `${FEEDBACK} heading-level="5"`,
    seed: THREE_SESSIONS,
    reach: async (widget, t) => {
      await wholeForm(widget, t);
      await widget.getByRole("button", { name: t("Save feedback", "Cadw'r adborth") }).click();
      await widget.locator(".sw-radar__previous").waitFor();
    },
  },
  {
    name: "feedback: not saved (storage full)",
    attributes: FEEDBACK,
    init: fillStorage,
    reach: async (widget, t) => {
      await wholeForm(widget, t);
      await widget.getByRole("button", { name: t("Save feedback", "Cadw'r adborth") }).click();
      await widget.getByText(t("Not saved on this computer", "Heb ei gadw ar y cyfrifiadur hwn")).waitFor();
    },
  },
  {
    name: "feedback received: a pasted text refused",
    attributes: FEEDBACK,
    reach: async (widget, t) => {
      await widget.getByRole("button", { name: t("Feedback on my supervision", "Adborth ar fy ngoruchwyliaeth") }).click();
      await widget.locator("#sw-recv-paste").fill("Hi, here is my feedback.");
      await widget.getByRole("button", { name: t("Show it", "Ei ddangos") }).click();
      await widget.locator("#sw-recv-error").waitFor();
    },
  },
  {
    name: "feedback received: two kept, summed up, and a third shown before keeping it",
    attributes: FEEDBACK,
    seed: { "supervision-widget:feedback-received": envelope([RECEIVED_PIECE("a", 4), RECEIVED_PIECE("b", 2)]) },
    reach: async (widget, t) => {
      await widget.getByRole("button", { name: t("Feedback on my supervision", "Adborth ar fy ngoruchwyliaeth") }).click();
      await widget.locator("#sw-recv-paste").fill(JSON.stringify({ format: "supervision-widget-feedback", version: 1, sent_at: "2026-11-30T10:00:00.000Z",
        role: "received", piece: { ...RECEIVED_PIECE("c", 5).piece, comments: ["More time for cases, please.", "", "", "", "", ""] } }));
      await widget.getByRole("button", { name: t("Show it", "Ei ddangos") }).click();
      await widget.locator(".sw-received__preview").waitFor();
    },
  },
  {
    name: "feedback received: comments and quarters open, a change followed up, 21 pieces on two pages, one opened",
    attributes: FEEDBACK,
    seed: {
      "supervision-widget:feedback-received": envelope(Array.from({ length: 21 }, (_, i) => ({
        ...RECEIVED_PIECE(`p${i}`, (i % 5) + 1),
        piece: { ...RECEIVED_PIECE(`p${i}`, (i % 5) + 1).piece, date: `2026-${String((i % 11) + 1).padStart(2, "0")}-15`, comments: [`Comment ${i}`, "", "", "", "", ""] },
      }))),
      "supervision-widget:feedback-received-plan": envelope({ changes: [{ domain: 1, text: "Start on time", outcome: "partly", note: "Most weeks" }],
        reflection: { learned: "", changed: "", themes: [false, false, false, false], other: "" } }),
    },
    reach: async (widget, t) => {
      await widget.getByRole("button", { name: t("Feedback on my supervision", "Adborth ar fy ngoruchwyliaeth") }).click();
      await widget.getByRole("combobox").selectOption({ index: 3 });
      for (const summary of await widget.locator(".sw-received .sw-details__summary").all()) await summary.click();
      await widget.locator(".sw-received .sw-trend__svg").first().waitFor();
      await widget.locator(".sw-pagination").waitFor();
      await widget.locator(".sw-received .sw-table__actions .sw-link-button").first().click();
      await widget.locator(".sw-received__preview").waitFor();
    },
  },
  {
    name: "feedback received: the revalidation record",
    attributes: FEEDBACK,
    seed: {
      "supervision-widget:feedback-received": envelope([RECEIVED_PIECE("a", 4), RECEIVED_PIECE("b", 2)]),
      "supervision-widget:feedback-received-plan": envelope({ changes: [{ domain: 0, text: "Ask about risks first", outcome: "done", note: "" }],
        reflection: { learned: "Supervisees want time.", changed: "", themes: [true, false, false, false], other: "" } }),
    },
    reach: async (widget, t) => {
      await widget.getByRole("button", { name: t("Feedback on my supervision", "Adborth ar fy ngoruchwyliaeth") }).click();
      await widget.getByRole("button", { name: t("Show the revalidation record", "Dangos y cofnod ailddilysu") }).click();
      await widget.locator(".sw-recv-record").waitFor();
    },
  },
  {
    name: "feedback: empty history",
    attributes: FEEDBACK,
    reach: async (widget, t) => widget.getByRole("button", { name: t("Your saved sessions", "Eich sesiynau a gadwyd") }).click(),
  },
  {
    name: "feedback: history, asking before a delete",
    attributes: FEEDBACK,
    seed: THREE_SESSIONS,
    reach: async (widget, t) => {
      await widget.getByRole("button", { name: t("Your saved sessions", "Eich sesiynau a gadwyd") }).click();
      await widget.locator(".sw-table__actions .sw-link-button").nth(1).click();
      await widget.locator(".sw-confirm").waitFor();
    },
  },
  {
    name: "feedback: a long history, on its second page",
    attributes: FEEDBACK,
    seed: { "supervision-widget:feedback-sessions": envelope(manySessions(45)) },
    reach: async (widget, t) => {
      await widget.getByRole("button", { name: t("Your saved sessions", "Eich sesiynau a gadwyd") }).click();
      await widget.getByRole("button", { name: t("Next page", "Tudalen nesaf") }).click();
      await widget.locator("[aria-current=page]").filter({ hasText: "2" }).waitFor();
    },
  },
  {
    name: "feedback: trend, with its table open",
    attributes: FEEDBACK,
    seed: THREE_SESSIONS,
    reach: async (widget, t) => {
      await widget.getByRole("button", { name: t("See your ratings over time", "Gweld eich sgoriau dros amser") }).click();
      await widget.locator(".sw-fb-trend details summary").click();
    },
  },
  {
    name: "feedback: trend with an action done, its table open",
    attributes: FEEDBACK,
    seed: V3_SESSIONS,
    reach: async (widget, t) => {
      await widget.getByRole("button", { name: t("See your ratings over time", "Gweld eich sgoriau dros amser") }).click();
      await widget.locator(".sw-trend__done").first().waitFor({ state: "attached" });
      await widget.locator(".sw-fb-trend details summary").click();
    },
  },
  {
    name: "feedback: history with an open action",
    attributes: FEEDBACK,
    seed: V3_SESSIONS,
    reach: async (widget, t) => {
      await widget.getByRole("button", { name: t("Your saved sessions", "Eich sesiynau a gadwyd") }).click();
      await widget.locator(".sw-fb__open-actions").waitFor();
    },
  },
  {
    name: "feedback: your actions, open only",
    attributes: FEEDBACK,
    seed: V3_SESSIONS,
    reach: async (widget, t) => {
      await widget.getByRole("button", { name: t("Your actions", "Eich camau gweithredu"), exact: true }).click();
      await widget.locator("#sw-fb-actions-show").selectOption({ index: 1 });
      await widget.locator("tbody tr").first().waitFor();
    },
  },
  {
    name: "feedback: your actions, none planned yet",
    attributes: FEEDBACK,
    reach: async (widget, t) => {
      await widget.getByRole("button", { name: t("Your actions", "Eich camau gweithredu"), exact: true }).click();
      await widget.locator(".sw-fb-actions p").first().waitFor();
    },
  },
  {
    name: "feedback: two views of a session compared",
    attributes: FEEDBACK,
    seed: THREE_SESSIONS,
    reach: async (widget, t) => {
      await widget.getByRole("button", { name: t("Your saved sessions", "Eich sesiynau a gadwyd") }).click();
      await widget.locator(".sw-table__actions .sw-link-button").first().click();
      const theirs = storedSession("t", "2026-11-01", [2, 3, null, 4, 5, 1], { role: "gave", comment: "Their comment" });
      const file = JSON.stringify({ format: "supervision-widget-export", version: 1, exported_at: "x", data: { quiz_history: [], feedback_sessions: [theirs] } });
      await widget.locator("#sw-compare-file").setInputFiles({ name: "shared.json", mimeType: "application/json", buffer: Buffer.from(file) });
      await widget.getByRole("button", { name: t("Compare", "Cymharu"), exact: true }).click();
      await widget.locator(".sw-compare__result").waitFor();
    },
  },
  {
    name: "feedback: a reflective account for revalidation, partly written",
    attributes: FEEDBACK,
    seed: THREE_SESSIONS,
    reach: async (widget, t) => {
      await widget.getByRole("button", { name: t("Your saved sessions", "Eich sesiynau a gadwyd") }).click();
      await widget.locator(".sw-table__actions .sw-link-button").first().click();
      await widget.getByRole("button", { name: t("Write a reflective account for revalidation", "Ysgrifennu cyfrif myfyriol ar gyfer ailddilysu") }).click();
      await widget.locator("#sw-fb-account-learned").fill("To raise risks early.");
      await widget.locator("#sw-fb-theme-2").check();
    },
  },
  {
    name: "your data: replace asks first",
    reach: async (widget, t) => {
      await openYourData(widget);
      await widget.getByLabel(t("Replace it with the file's data", "Rhoi data'r ffeil yn ei le")).check();
      await widget.getByRole("button", { name: t("Import", "Mewnforio"), exact: true }).click();
      await widget.locator(".sw-data .sw-confirm").waitFor();
    },
  },
  {
    name: "your data: data kept aside",
    seed: { "supervision-widget:copy:prefs:2026-11-01T00:00:00.000Z": "{\"version\":1}" },
    reach: async (widget, t) => {
      await openYourData(widget);
      await widget.getByRole("button", { name: t("Download the data kept aside", "Llwytho'r data a gadwyd o'r neilltu i lawr") }).waitFor();
    },
  },
  {
    name: "your data: import with no file chosen, and an export to lock with a passphrase",
    reach: async (widget, t) => {
      await openYourData(widget);
      await widget.locator("#sw-export-lock").check();
      await widget.locator("#sw-export-lock-new").waitFor();
      await widget.getByRole("button", { name: t("Import", "Mewnforio"), exact: true }).click();
      await widget.locator(".sw-data__outcome p").waitFor();
    },
  },
  {
    name: "feedback part",
    reach: async (widget, t) => widget.getByRole("button", { name: t("Supervision feedback", "Adborth ar oruchwyliaeth") }).click(),
  },
  {
    name: "clear my data: asking first",
    reach: async (widget, t) => askToClear(widget, t),
  },
  {
    name: "clear my data: done",
    reach: async (widget, t) => {
      await (await askToClear(widget, t)).click();
      await widget.getByText(t("Your data has been cleared", "Mae eich data wedi'i glirio")).waitFor();
    },
  },
  {
    name: "clear my data: nothing saved",
    reach: async (widget, t) => {
      await widget.getByRole("button", { name: t("Clear my data", "Clirio fy nata") }).click();
      await widget.getByText(t("nothing saved", "ddim wedi'i gadw")).waitFor();
    },
  },
  {
    name: "storage blocked notice",
    init: blockStorage,
    reach: async (widget, t) => widget.getByText(t("not letting this tool save", "Nid yw eich porwr yn gadael")).waitFor(),
  },
  {
    name: "unreadable data notice",
    seed: { "supervision-widget:prefs": "{not json" },
    reach: async (widget, t) => widget.getByText(t("could not be read", "Nid oedd modd darllen")).waitFor(),
  },
  {
    name: "part read-only (data from a newer version)",
    seed: { "supervision-widget:quiz": JSON.stringify({ version: 9, rev: 1, saved_at: "2030-01-01T00:00:00Z", data: {} }) },
    reach: async (widget, t) => widget.getByText(t("This part cannot be changed here", "Ni ellir newid y rhan hon yma")).waitFor(),
  },
  {
    name: "the next person: someone's records here and no setting chosen",
    attributes: FEEDBACK,
    seed: THREE_SESSIONS,
    reach: async (widget, t) => widget.getByRole("heading", { name: t("Saved on this computer already", "Wedi'u cadw ar y cyfrifiadur hwn yn barod") }).waitFor(),
  },
  {
    name: "the next person: using it in this tab only, Your data open",
    attributes: FEEDBACK,
    seed: THREE_SESSIONS,
    reach: async (widget, t) => {
      await widget.getByRole("button", { name: t("Not yours? Use it in this tab only", "Nid chi piau nhw? Ei ddefnyddio yn y tab hwn yn unig") }).click();
      await openYourData(widget);
      await widget.locator(".sw-data .sw-inset-text").waitFor();
    },
  },
  {
    name: "your data: a time limit asks before it deletes older records",
    attributes: FEEDBACK,
    seed: THREE_SESSIONS,
    reach: async (widget, t) => {
      await openYourData(widget);
      await widget.locator("#sw-privacy-1d").check();
      await widget.getByRole("button", { name: t("Save this choice", "Cadw'r dewis hwn") }).click();
      await widget.locator("#sw-privacy-question").waitFor();
    },
  },
  {
    name: "your data: a passphrase over records already here asks first",
    attributes: FEEDBACK,
    seed: THREE_SESSIONS,
    reach: async (widget, t) => {
      await openYourData(widget);
      await widget.locator("#sw-privacy-locked").check();
      await widget.locator("#sw-lock-set-new").fill("ward seven kettle");
      await widget.locator("#sw-lock-set-again").fill("ward seven kettle");
      await widget.getByRole("button", { name: t("Lock with this passphrase", "Cloi â'r cyfrinymadrodd hwn") }).click();
      await widget.locator("#sw-privacy-question").waitFor();
    },
  },
  {
    name: "start-up failed (CSP blocks WebAssembly)",
    csp: NO_WASM_CSP,
    startupFails: true,
    reach: async (widget) => widget.getByRole("alert").waitFor(),
  },
];
