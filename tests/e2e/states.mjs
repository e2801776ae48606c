// The one list of named UI states of the shell. The accessibility tests (and any screenshot or
// visual test added later) loop over it, in both languages.

import { NO_WASM_CSP, blockStorage } from "./helpers.mjs";

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
 * run before the page's, to inject a fault),
 * `seed` (localStorage values set before loading) and `startupFails` with the `csp` that causes
 * it; and `reach(widget, t)`: what a user does to get there, where `t(en, cy)` picks the text.
 */
/** Starts the quiz and picks its first option (shuffle="false": the first option is right). */
async function startQuizAndPick(widget, t, index) {
  await widget.getByRole("button", { name: t("Start the quiz", "Dechrau'r cwis") }).click();
  await widget.locator("input").nth(index).check();
  await widget.getByRole("button", { name: t("Check answer", "Gwirio'r ateb") }).click();
  await widget.locator(".sw-feedback").waitFor();
}

/** Answers a one-question quiz rightly and opens the results. */
async function finishOneQuestion(widget, t) {
  await startQuizAndPick(widget, t, 0);
  await widget.getByRole("button", { name: t("See your results", "Gweld eich canlyniadau") }).click();
  await widget.locator(".sw-quiz-results").waitFor();
}

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
    name: "quiz: a host question set with problems",
    children: `<script type="application/json">${BROKEN_SET}</script>`,
    allowedConsoleError: /question set cannot be used/,
    reach: async (widget) => widget.locator(".sw-quiz-problems").waitFor(),
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
    name: "start-up failed (CSP blocks WebAssembly)",
    csp: NO_WASM_CSP,
    startupFails: true,
    reach: async (widget) => widget.getByRole("alert").waitFor(),
  },
];
