// The one list of named UI states of the shell. The accessibility tests (and any screenshot or
// visual test added later) loop over it, in both languages.

import { STRICT_CSP } from "./helpers.mjs";

const BLOCK_STORAGE = () => {
  Object.defineProperty(window, "localStorage", {
    get() {
      throw new DOMException("The user has blocked storage", "SecurityError");
    },
  });
};

/**
 * Each state: a name, the page to open (`page`: html attributes or options), an optional init
 * script, and `reach(widget, lang)`: what a user does to get there. `t(lang, en, cy)` picks text.
 */
export const STATES = [
  { name: "start", reach: async () => {} },
  {
    name: "feedback part",
    reach: async (widget, t) => widget.getByRole("button", { name: t("Supervision feedback", "Adborth ar oruchwyliaeth") }).click(),
  },
  {
    name: "clear my data: asking first",
    reach: async (widget, t) => {
      // Switching language and back saves a preference, so there is something to clear.
      await widget.getByRole("button", { name: t("Cymraeg", "English") }).click();
      await widget.getByRole("button", { name: t("English", "Cymraeg") }).click();
      await widget.getByRole("button", { name: t("Clear my data", "Clirio fy nata") }).click();
      await widget.getByRole("button", { name: t("Yes, clear my data", "Ie, clirio fy nata") }).waitFor();
    },
  },
  {
    name: "clear my data: done",
    reach: async (widget, t) => {
      // Switching language and back saves a preference, so there is something to clear.
      await widget.getByRole("button", { name: t("Cymraeg", "English") }).click();
      await widget.getByRole("button", { name: t("English", "Cymraeg") }).click();
      await widget.getByRole("button", { name: t("Clear my data", "Clirio fy nata") }).click();
      await widget.getByRole("button", { name: t("Yes, clear my data", "Ie, clirio fy nata") }).click();
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
    init: BLOCK_STORAGE,
    reach: async (widget, t) => widget.getByText(t("not letting this tool save", "Nid yw eich porwr yn gadael")).waitFor(),
  },
  {
    name: "unreadable data notice",
    seed: { "supervision-widget:prefs": "{not json" },
    reach: async (widget, t) => widget.getByText(t("could not be read", "Nid oedd modd darllen")).waitFor(),
  },
  {
    name: "start-up failed (CSP blocks WebAssembly)",
    csp: "default-src 'none'; script-src 'self'; style-src 'self'",
    startupFails: true,
    reach: async (widget) => widget.getByRole("alert").waitFor(),
  },
];

export { STRICT_CSP };
