// Embedding: the host page's CSS cannot reach into the widget and the widget's never leaks out;
// several widgets run independently; attributes re-render; a blocked WebAssembly explains itself.

import assert from "node:assert/strict";
import { after, before, test, BUNDLE_NAME, STARTUP_FAILURE_ERRORS, NO_WASM_CSP, hostPage, launch, openSession, serve, waitForReady } from "./helpers.mjs";

const AGGRESSIVE_CSS = `<style>
  * { font-size: 30px !important; color: red !important; display: block !important;
      font-family: "Comic Sans MS", cursive !important; line-height: 3 !important;
      letter-spacing: 4px !important; text-transform: uppercase !important; margin: 17px !important; }
  button { all: unset !important; background: black !important; }
  h2, h3, p { padding: 40px !important; border: 5px dotted lime !important; }
  supervision-widget { padding: 50px !important; border: 9px solid purple !important; font-size: 8px !important; }
</style>`;
// A page translated into a right-to-left language (Arabic, Urdu) sets its direction everywhere.
const RTL_CSS = `<style>
  html, body, * { direction: rtl !important; unicode-bidi: bidi-override !important; text-align: right !important; }
</style>`;
const NHS_CSS = `<link rel="stylesheet" href="/nhsuk.css">`;
const HOST_ELEMENTS = `<p id="host-p">Host paragraph</p><button id="host-button">Host button</button>`;

let browser;
let server;

/** The navigation between the quiz and the feedback (the feedback part has a menu of its own). */
const sectionNav = (page) => page.getByRole("navigation", { name: /^(Parts of this tool|Rhannau'r offeryn hwn)$/ });

before(async () => {
  browser = await launch();
  const widget = `<supervision-widget></supervision-widget>`;
  server = await serve({
    "/plain": hostPage(widget),
    "/aggressive": hostPage(widget, { head: AGGRESSIVE_CSS }),
    "/rtl": hostPage(widget, { head: RTL_CSS, lang: "ar" }),
    "/nhsuk": hostPage(`<div class="nhsuk-width-container">${widget}</div>`, { head: NHS_CSS }),
    "/host-only": hostPage(HOST_ELEMENTS, { head: NHS_CSS, script: "none" }),
    "/host-with-widget": hostPage(HOST_ELEMENTS + widget, { head: NHS_CSS }),
    "/two": hostPage(
      `<supervision-widget mode="quiz" lang="en" storage-key="first"></supervision-widget>
       <supervision-widget mode="feedback" lang="cy" storage-key="second"></supervision-widget>`
    ),
    "/twice": hostPage(`<script src="/${BUNDLE_NAME}"></script><supervision-widget></supervision-widget>`, { script: "after" }),
    "/children": hostPage(`<supervision-widget><p>This tool needs JavaScript</p></supervision-widget>`),
    "/no-wasm-csp": {
      body: hostPage(`<supervision-widget lang="cy"><p>This tool needs JavaScript</p></supervision-widget>`),
      csp: NO_WASM_CSP,
    },
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const PROPERTIES = [
  "color", "background-color", "font-family", "font-size", "font-weight", "line-height", "display",
  "margin-top", "margin-left", "padding-top", "padding-left", "border-top-width", "border-top-style",
  "letter-spacing", "text-transform", "text-decoration-line", "visibility", "box-sizing",
  "direction", "unicode-bidi", "text-align",
];

/** The computed style of every element in the first widget's shadow root. */
function widgetStyles(page) {
  return page.locator("supervision-widget").first().evaluate((host, properties) => {
    return [...host.shadowRoot.querySelectorAll("*")].map((el) => {
      const style = getComputedStyle(el);
      return `${el.tagName}.${el.className}: ` + properties.map((p) => `${p}=${style.getPropertyValue(p)}`).join(" ");
    });
  }, PROPERTIES);
}

async function stylesOn(path) {
  const session = await openSession(browser);
  await session.page.goto(server.origin + path);
  await waitForReady(session.page);
  const styles = await widgetStyles(session.page);
  await session.check([server.origin + path, `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/nhsuk.css`]);
  return styles;
}

test("aggressive host CSS leaves the widget's rendering unchanged", async () => {
  const plain = await stylesOn("/plain");
  assert.ok(plain.length > 10, "the widget rendered elements");
  assert.deepEqual(await stylesOn("/aggressive"), plain);
});

test("a right-to-left host page leaves the widget left-to-right", async () => {
  const plain = await stylesOn("/plain");
  assert.ok(plain.some((line) => line.includes("direction=ltr")), "the widget reports its direction");
  assert.deepEqual(await stylesOn("/rtl"), plain);
});

test("the NHS.UK frontend stylesheet on the host leaves the widget's rendering unchanged", async () => {
  assert.deepEqual(await stylesOn("/nhsuk"), await stylesOn("/plain"));
});

test("the widget's CSS does not leak into the host page", async () => {
  const hostStyles = async (path) => {
    const session = await openSession(browser);
    await session.page.goto(server.origin + path);
    if (path.includes("widget")) await waitForReady(session.page);
    const styles = await session.page.evaluate((properties) =>
      ["host-p", "host-button"].map((id) => {
        const style = getComputedStyle(document.getElementById(id));
        return properties.map((p) => style.getPropertyValue(p)).join(" ");
      }), PROPERTIES);
    await session.check([server.origin + path, `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/nhsuk.css`]);
    return styles;
  };
  assert.deepEqual(await hostStyles("/host-with-widget"), await hostStyles("/host-only"));
});

test("two widgets in different modes and languages work independently", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/two");
  await waitForReady(page, 2);
  const [quiz, feedback] = [page.locator("supervision-widget").nth(0), page.locator("supervision-widget").nth(1)];
  await quiz.getByRole("heading", { name: "Self-check quiz" }).waitFor();
  await feedback.getByRole("heading", { name: "Adborth ar oruchwyliaeth" }).waitFor();
  // A single mode shows no navigation.
  assert.equal(await sectionNav(page).count(), 0);

  await quiz.getByRole("button", { name: "Cymraeg" }).click();
  await quiz.getByRole("heading", { name: "Cwis hunanwirio" }).waitFor();
  await feedback.getByRole("heading", { name: "Adborth ar oruchwyliaeth" }).waitFor();
  assert.equal(await feedback.getByRole("button", { name: "English" }).count(), 1, "the second widget is still Welsh");

  // Each keeps its own storage namespace.
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.deepEqual(keys, ["first:prefs"]);
  await session.check([server.origin + "/two", `${server.origin}/${BUNDLE_NAME}`]);
});

test("attribute changes re-render and removing the element tears it down", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/plain");
  await waitForReady(page);
  const widget = page.locator("supervision-widget");
  assert.equal(await sectionNav(page).count(), 1);

  await widget.evaluate((el) => el.setAttribute("mode", "feedback"));
  await widget.getByRole("heading", { name: "Supervision feedback" }).waitFor();
  assert.equal(await sectionNav(page).count(), 0);

  await widget.evaluate((el) => el.setAttribute("lang", "cy"));
  await widget.getByRole("heading", { name: "Adborth ar oruchwyliaeth" }).waitFor();

  // A new storage-key means that namespace's data: here, a remembered choice of English.
  await page.evaluate(() =>
    localStorage.setItem("team-b:prefs", JSON.stringify({ version: 1, rev: 1, saved_at: "2026-11-01T09:00:00.000Z", data: { lang: "en" } }))
  );
  await widget.evaluate((el) => el.setAttribute("storage-key", "team-b"));
  await widget.getByRole("heading", { name: "Supervision feedback" }).waitFor();
  assert.equal(await widget.locator(".sw").count(), 1, "one app, not two");
  await widget.evaluate((el) => el.setAttribute("storage-key", "supervision-widget"));
  await widget.getByRole("heading", { name: "Adborth ar oruchwyliaeth" }).waitFor();

  // Removed: its app is torn down (the shadow root empties); put back: it starts again.
  const emptied = await widget.evaluate(async (el) => {
    const parent = el.parentNode;
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const text = el.shadowRoot.textContent;
    parent.appendChild(el);
    return text;
  });
  assert.equal(emptied, "");
  await waitForReady(page, 2);
  await widget.getByRole("heading", { name: "Adborth ar oruchwyliaeth" }).waitFor();
  await session.check([server.origin + "/plain", `${server.origin}/${BUNDLE_NAME}`]);
});

test("loading the bundle twice is harmless and adds no global but the element", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/blank");
  const before = await page.evaluate(() => Object.getOwnPropertyNames(window));
  await page.goto(server.origin + "/twice");
  await waitForReady(page);
  assert.equal(await page.locator("supervision-widget").getByRole("heading", { name: "Supervision Hub" }).count(), 1);
  const added = await page.evaluate((names) => {
    const now = Object.getOwnPropertyNames(window).filter((n) => !names.includes(n) && n !== "__swReadyCount");
    // Top-level let/const would be global without being window properties.
    if (typeof wasm_bindgen !== "undefined") now.push("wasm_bindgen");
    return now;
  }, before);
  assert.deepEqual(added, []);
  assert.equal(await page.evaluate(() => typeof customElements.get("supervision-widget")), "function");
  await session.check([server.origin + "/blank", server.origin + "/twice", `${server.origin}/${BUNDLE_NAME}`]);
});

test("the element's own children are replaced on start", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/children");
  await waitForReady(page);
  await assert.rejects(page.getByText("This tool needs JavaScript").waitFor({ timeout: 500 }));
  await page.getByRole("heading", { name: "Supervision Hub" }).waitFor();
  await session.check([server.origin + "/children", `${server.origin}/${BUNDLE_NAME}`]);
});

test("a host CSP without 'wasm-unsafe-eval' shows a plain explanation in English and Welsh", async () => {
  const session = await openSession(browser, { allowedConsoleError: STARTUP_FAILURE_ERRORS });
  const { page } = session;
  await page.goto(server.origin + "/no-wasm-csp");
  const alert = page.locator("supervision-widget").getByRole("alert");
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /This tool could not start in your browser/);
  assert.match(text, /Nid oedd modd i'r offeryn hwn ddechrau/);
  await session.check([server.origin + "/no-wasm-csp", `${server.origin}/${BUNDLE_NAME}`]);
});

for (const [missing, remove] of [
  ["WebAssembly", () => delete window.WebAssembly],
  ["DecompressionStream", () => delete window.DecompressionStream],
]) {
  test(`a browser without ${missing} gets the explanation, not a blank box`, async () => {
    const session = await openSession(browser, { init: remove, allowedConsoleError: STARTUP_FAILURE_ERRORS });
    const { page } = session;
    await page.goto(server.origin + "/children");
    const alert = page.locator("supervision-widget").getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.textContent(), /This tool could not start in your browser/);
    await session.check([server.origin + "/children", `${server.origin}/${BUNDLE_NAME}`]);
  });
}
