// A short smoke test of the built bundle in Firefox and in WebKit (Safari's engine), driven over
// W3C WebDriver: it renders and says it is ready, a quiz answer is checked, a feedback draft
// comes back after leaving the page at once, the Welsh toggle works, and the offline file works
// from file://. No page error, no console error, no request but the page and the bundle.
// Everything else is tested in depth in Chromium (tests/e2e).

import assert from "node:assert/strict";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, test, BUNDLE_NAME, DIST, hostPage, serve } from "../e2e/helpers.mjs";
import { newSession, startDriver } from "./webdriver.mjs";
import { ENGINES } from "./engines.mjs";

// Runs first in the host page: records errors (in the page, as WebKit's driver has no console
// channel) and ready events.
const WATCH = `<script>
  window.__errors = [];
  window.__ready = 0;
  addEventListener("error", (e) => __errors.push("error: " + e.message));
  addEventListener("unhandledrejection", (e) => __errors.push("rejection: " + e.reason));
  const consoleError = console.error;
  console.error = function () { __errors.push("console: " + [].join.call(arguments, " ")); return consoleError.apply(this, arguments); };
  addEventListener("supervision-widget:ready", () => __ready++);
</script>`;

let server;

before(async () => {
  server = await serve({ "/": hostPage(`<supervision-widget questions="2" shuffle="false"></supervision-widget>`, { head: WATCH }) });
});

after(async () => {
  await server?.close();
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `fn` in the page until it returns a truthy value (up to 30 s); returns that value. */
async function waitFor(browser, what, fn, ...args) {
  for (let tries = 0; tries < 150; tries++) {
    const value = await browser.run(fn, ...args).catch(() => null);
    if (value) return value;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}

// Page-side helpers, sent as source: each finds things inside the widget's shadow root.
const clickButton = (label) => {
  const root = document.querySelector("supervision-widget").shadowRoot;
  const button = [...root.querySelectorAll("button")].find((b) => b.textContent.trim() === label);
  if (!button) return false;
  button.click();
  return true;
};
const clickId = (id) => {
  const el = document.querySelector("supervision-widget").shadowRoot.getElementById(id);
  if (!el) return false;
  el.click();
  return true;
};
const shadowText = (selector) => {
  const host = document.querySelector("supervision-widget");
  const el = host && host.shadowRoot && host.shadowRoot.querySelector(selector);
  return el ? el.textContent.trim() : null;
};

for (const engine of ENGINES) {
  test(`smoke test in ${engine.name}`, async () => {
    const driver = await startDriver(engine.driver, engine.driverArgs);
    let browser;
    try {
      browser = await newSession(driver.url, engine.capabilities);
      const page = `${server.origin}/`;
      await browser.goto(page);
      await waitFor(browser, "the ready event", () => window.__ready >= 1);
      assert.equal(await browser.run(shadowText, ".sw-header__title"), "Supervision Hub");

      // A quiz answer (fixed order: the first option of the first question is right).
      await waitFor(browser, "Start the quiz", clickButton, "Start the quiz");
      await waitFor(browser, "the first option", () => {
        const input = document.querySelector("supervision-widget").shadowRoot.querySelector(".sw-quiz input");
        if (input) input.click();
        return input && input.checked;
      });
      assert.ok(await browser.run(clickButton, "Check answer"));
      const feedback = await waitFor(browser, "the answer's explanation", shadowText, ".sw-feedback");
      assert.match(feedback, /Source/);

      // A feedback draft, typed and left at once: it is there after coming back.
      assert.ok(await browser.run(clickButton, "Supervision feedback"));
      await waitFor(browser, "the about page", clickId, "sw-fb-role-received");
      assert.ok(await browser.run(clickId, "sw-fb-kind-clinical"));
      assert.ok(await browser.run(clickButton, "Continue"));
      await waitFor(browser, "domain 1", clickId, "sw-fb-rating-0-4");
      await browser.run(() => {
        const comment = document.querySelector("supervision-widget").shadowRoot.getElementById("sw-fb-comment-0");
        comment.value = "Typed in another engine";
        comment.dispatchEvent(new Event("input", { bubbles: true }));
      });
      // Errors so far, before leaving clears the page's record of them.
      assert.deepEqual(await browser.run(() => window.__errors), []);
      await browser.goto(page);
      await waitFor(browser, "the ready event after coming back", () => window.__ready >= 1);
      await waitFor(browser, "the feedback part", clickButton, "Supervision feedback");
      const restored = await waitFor(browser, "the restored draft", () => {
        const root = document.querySelector("supervision-widget").shadowRoot;
        const [rating, comment] = [root.getElementById("sw-fb-rating-0-4"), root.getElementById("sw-fb-comment-0")];
        return rating && comment && { rating: rating.checked, comment: comment.value };
      });
      assert.deepEqual(restored, { rating: true, comment: "Typed in another engine" });

      // Welsh.
      assert.ok(await browser.run(clickButton, "Cymraeg"));
      await waitFor(browser, "the Welsh heading", () => {
        const root = document.querySelector("supervision-widget").shadowRoot;
        return root.querySelector(".sw-header__title").textContent === "Hwb Goruchwylio";
      });
      assert.deepEqual(await browser.run(() => window.__errors), []);

      // The standalone offline file, from file://.
      await browser.goto(pathToFileURL(path.join(DIST, "supervision-widget.html")).href);
      const title = await waitFor(browser, "the offline file to render", shadowText, ".sw-header__title");
      assert.match(title, /Supervision Hub|Hwb Goruchwylio/);

      const unexpected = server.requests.filter((p) => !["/", `/${BUNDLE_NAME}`, "/favicon.ico"].includes(p));
      assert.deepEqual(unexpected, [], "no request but the page and the bundle");
    } catch (error) {
      error.message += `\n--- ${engine.name} driver log (last 3000 characters) ---\n${driver.log().slice(-3000)}`;
      throw error;
    } finally {
      await browser?.close();
      await driver.stop();
    }
  });
}
