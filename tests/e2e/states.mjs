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
 * Each state: a name; optionally `init` (a script run before the page's, to inject a fault),
 * `seed` (localStorage values set before loading) and `startupFails` with the `csp` that causes
 * it; and `reach(widget, t)`: what a user does to get there, where `t(en, cy)` picks the text.
 */
export const STATES = [
  { name: "start", reach: async () => {} },
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
