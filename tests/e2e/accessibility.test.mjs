// Accessibility: axe-core (WCAG 2.0 A/AA, 2.1 AA, 2.2 AA) finds nothing in any state of the
// shell, in English and Welsh, and the shell can be used with the keyboard alone.

import assert from "node:assert/strict";
import { AxeBuilder } from "@axe-core/playwright";
import { after, before, test, BUNDLE_NAME, STARTUP_FAILURE_ERRORS, focusedText, hostPage, launch, openSession, seedStorage, serve, waitForReady } from "./helpers.mjs";
import { STATES } from "./states.mjs";

const TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"];
const LANGS = ["en", "cy"];

let browser;
let server;

/** The path of a state's host page in a language. */
const pathOf = (lang, index) => `/${lang}/${index}`;

before(async () => {
  browser = await launch();
  const pages = {};
  for (const lang of LANGS) {
    pages[`/${lang}`] = hostPage(`<supervision-widget></supervision-widget>`, { lang });
    STATES.forEach((state, index) => {
      const body = hostPage(`<supervision-widget ${state.attributes || ""}>${state.children || ""}</supervision-widget>`, { lang });
      pages[pathOf(lang, index)] = state.csp ? { body, csp: state.csp } : body;
    });
  }
  server = await serve(pages);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs axe over the page and fails on any problem, or if axe did not see into the widget. */
async function audit(page, label) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`);
  // axe leaves text the colour of its background (1:1) undecided, taking it for hidden on
  // purpose; in the widget it is text nobody can see (the header's link once was).
  for (const node of results.incomplete.filter((r) => r.id === "color-contrast").flatMap((r) => r.nodes)) {
    if (node.any.some((check) => / 1:1 contrast/.test(check.message))) found.push(`unseen text: ${JSON.stringify(node.target)}`);
  }
  assert.deepEqual(found, [], `axe problems (${label})`);
  // axe writes a target inside a shadow root as [host selector, inner selector].
  const insideWidget = results.passes
    .flatMap((p) => p.nodes)
    .filter((n) => Array.isArray(n.target[0]) && n.target[0][0] === "supervision-widget");
  assert.ok(insideWidget.length > 0, `axe checked elements inside the widget's shadow root (${label})`);
}

/**
 * What a sighted person sees that axe does not judge: every heading looks like one (bold, at
 * least the body's size, whatever its level: past h6 it is a `role="heading"` div), and whatever
 * focus was moved to (tabindex="-1": a heading, "Feedback saved", a message) keeps the colours it
 * has without focus (a rule for focus once made the green panel white on white).
 */
async function assertLooks(widget, label) {
  const found = await widget.evaluate((host) => {
    const root = host.shadowRoot;
    const frame = root?.querySelector(".sw");
    if (!frame) return []; // the start-up failure message
    const body = parseFloat(getComputedStyle(frame).fontSize);
    const problems = [...root.querySelectorAll("h1, h2, h3, h4, h5, h6, [role=heading]")]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => [el, getComputedStyle(el)])
      .filter(([, s]) => Number(s.fontWeight) < 600 || parseFloat(s.fontSize) < body)
      .map(([el, s]) => `heading "${el.textContent.trim()}": ${s.fontWeight} ${s.fontSize}`);
    const focused = root.activeElement;
    if (focused?.getAttribute("tabindex") === "-1") {
      const look = () => { const s = getComputedStyle(focused); return `${s.color} on ${s.backgroundColor}`; };
      const withFocus = look();
      focused.blur();
      const without = look();
      focused.focus({ preventScroll: true });
      if (withFocus !== without) problems.push(`focused "${focused.textContent.trim().slice(0, 40)}": ${withFocus}, ${without} without focus`);
    }
    return problems;
  });
  assert.deepEqual(found, [], `how it looks (${label})`);
}

/** The shape of the widget's markup without its words: each element's tag, id and classes. */
const skeleton = (widget) =>
  widget.evaluate((host) => [...host.shadowRoot.querySelectorAll("*")]
    // A title left in English inside Welsh text is marked by a span of its own, in Welsh only.
    .filter((el) => !el.classList.contains("sw-lang-mark"))
    .map((el) => `${el.tagName}#${el.id}.${el.getAttribute("class") || ""}`));

// Each state is reached once, in English, and audited; then the language toggle shows the very
// same state in Welsh (checked: the same markup, element for element, now marked Welsh) and it
// is audited again. A start-up failure has no toggle: its Welsh page is loaded and audited too.
STATES.forEach((state, index) => {
  test(`axe finds no WCAG 2.2 AA problem, in English and Welsh: ${state.name}`, async () => {
    const session = await openSession(browser, {
      init: state.init,
      allowedConsoleError: state.startupFails ? STARTUP_FAILURE_ERRORS : state.allowedConsoleError,
    });
    const { page } = session;
    if (state.seed) await seedStorage(page, server.origin, state.seed);
    if (state.clock) await page.clock.install();
    const widget = page.locator("supervision-widget");
    const visited = [];
    const open = async (lang) => {
      const path = pathOf(lang, index);
      visited.push(server.origin + path);
      await page.goto(server.origin + path);
      if (!state.startupFails) await waitForReady(page);
    };
    await open("en");
    await state.reach(widget, (en) => en);
    await audit(page, "en");
    await assertLooks(widget, "en");
    if (state.startupFails) {
      await open("cy");
      await state.reach(widget, (en, cy) => cy);
    } else {
      const english = await skeleton(widget);
      await widget.getByRole("button", { name: "Cymraeg" }).click();
      await widget.locator(".sw[lang=cy]").waitFor();
      assert.deepEqual(await skeleton(widget), english, "the toggle shows the same state in Welsh");
    }
    await audit(page, "cy");
    await assertLooks(widget, "cy");
    await session.check([...visited, `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/blank`]);
  });
});

test("the shell can be used with the keyboard alone", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/en");
  await waitForReady(page);

  await page.keyboard.press("Tab");
  assert.equal(await focusedText(page), "Cymraeg");
  await page.keyboard.press("Enter");
  assert.equal(await focusedText(page), "English", "focus stays on the toggle, now labelled English");
  await page.getByRole("heading", { name: "Hwb Goruchwylio" }).waitFor();

  // The way to privacy, where people look for it; then, on first use, "Your own computer, or
  // shared?" before anything is saved.
  await page.keyboard.press("Tab");
  assert.equal(await focusedText(page), "Eich data a'ch preifatrwydd");
  await page.keyboard.press("Tab");
  assert.equal(await focusedText(page), "Fy nghyfrifiadur i: cadw'r hyn rwy'n ei gadw");
  await page.keyboard.press("Tab");
  assert.equal(await focusedText(page), "Un a rennir: dewis beth mae'r cyfrifiadur hwn yn ei gadw");
  await page.keyboard.press("Tab");
  assert.equal(await focusedText(page), "Cwis hunanwirio");
  await page.keyboard.press("Tab");
  assert.equal(await focusedText(page), "Adborth ar oruchwyliaeth");
  await page.keyboard.press("Enter");
  assert.equal(await focusedText(page), "Adborth ar oruchwyliaeth", "focus moves to the part's heading");
  assert.equal(await page.evaluate(() => document.querySelector("supervision-widget").shadowRoot.activeElement.tagName), "H3");

  // On through the part's own controls to the footer.
  for (let i = 0; i < 80 && (await focusedText(page)) !== "Clirio fy nata"; i++) {
    await page.keyboard.press("Tab");
  }
  assert.equal(await focusedText(page), "Clirio fy nata");
  await page.keyboard.press("Space");
  assert.equal(await focusedText(page), "Clirio eich data o'r cyfrifiadur hwn?", "focus moves to the question");
  await page.getByText("Bydd hyn yn dileu 1 eitem").waitFor();
  await page.keyboard.press("Tab");
  assert.equal(await focusedText(page), "Ie, clirio fy nata");
  await page.keyboard.press("Tab");
  assert.equal(await focusedText(page), "Canslo");
  await page.keyboard.press("Enter");
  assert.equal(await focusedText(page), "Clirio fy nata", "cancel returns focus to the button");

  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  assert.equal(await focusedText(page), "Mae eich data wedi'i glirio o'r cyfrifiadur hwn.");
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
  await session.check([server.origin + "/en", `${server.origin}/${BUNDLE_NAME}`]);
});

for (const lang of LANGS) {
  test(`reflows at 320 CSS pixels (as 1280 px at 400% zoom) with no sideways scrolling (${lang})`, async () => {
    const session = await openSession(browser, { viewport: { width: 320, height: 640 } });
    const { page } = session;
    await page.goto(`${server.origin}/${lang}`);
    await waitForReady(page);
    await page.locator("supervision-widget").getByRole("button", { name: lang === "en" ? "Clear my data" : "Clirio fy nata" }).click();
    const overflowing = await page.locator("supervision-widget").evaluate((host) =>
      [host, ...host.shadowRoot.querySelectorAll("*")]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "hidden")
        .map((el) => `${el.tagName}.${el.className}`)
    );
    assert.deepEqual(overflowing, []);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), "the page does not scroll sideways");
    await session.check([`${server.origin}/${lang}`, `${server.origin}/${BUNDLE_NAME}`]);
  });
}

test("with reduced motion asked for, nothing in the widget animates or transitions", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto(`${server.origin}/en`);
  await waitForReady(page);
  await page.locator("supervision-widget").getByRole("button", { name: "Start the quiz" }).click();
  const moving = await page.locator("supervision-widget").evaluate((host) =>
    [...host.shadowRoot.querySelectorAll("*")]
      .map((el) => [el, getComputedStyle(el)])
      .filter(([, style]) => style.animationName !== "none" || style.transitionDuration.split(",").some((d) => parseFloat(d) > 0))
      .map(([el]) => `${el.tagName}.${el.getAttribute("class")}`)
  );
  assert.deepEqual(moving, []);
  await session.check([`${server.origin}/en`, `${server.origin}/${BUNDLE_NAME}`]);
});

test("in forced-colours mode the focused control keeps a visible outline", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.emulateMedia({ forcedColors: "active" });
  await page.goto(`${server.origin}/en`);
  await waitForReady(page);
  await page.keyboard.press("Tab");
  const outline = await page.locator("supervision-widget").evaluate((host) => {
    const style = getComputedStyle(host.shadowRoot.activeElement);
    return { width: parseFloat(style.outlineWidth), style: style.outlineStyle };
  });
  assert.ok(outline.width >= 3 && outline.style !== "none", JSON.stringify(outline));
  await session.check([`${server.origin}/en`, `${server.origin}/${BUNDLE_NAME}`]);
});

test("in a dark forced-colours theme the trend's axis numbers and the charts' lines take the system's colours", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.emulateMedia({ forcedColors: "active", colorScheme: "dark" });
  const state = STATES.find((s) => s.name === "feedback: trend, with its table open");
  await seedStorage(page, server.origin, state.seed);
  await page.goto(`${server.origin}/en`);
  await waitForReady(page);
  const w = page.locator("supervision-widget");
  await w.getByRole("button", { name: "Supervision feedback" }).click();
  await w.getByRole("button", { name: "See your ratings over time" }).click();
  await w.locator(".sw-trend__axis").first().waitFor();
  const colours = await w.evaluate((host) => {
    const root = host.shadowRoot;
    const text = getComputedStyle(root.querySelector(".sw")).color;
    return { text, axis: getComputedStyle(root.querySelector(".sw-trend__axis")).fill, line: getComputedStyle(root.querySelector(".sw-trend__line")).stroke };
  });
  assert.equal(colours.axis, colours.text, "the numbers are the theme's text colour");
  assert.equal(colours.line, colours.text, "so is the line");
  await session.check([`${server.origin}/en`, `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/blank`]);
});

// Every state that shows a table, at 320 CSS pixels in English and then Welsh: the page never
// scrolls sideways (a wide table scrolls in its own box), and each table's box is a named region
// the keyboard can reach.
const TABLE_STATES = [
  "quiz: results",
  "quiz: start page with a history of attempts",
  "feedback: saved, with the previous session behind it, and what would be sent opened",
  "feedback received: two kept, summed up, and a third shown before keeping it",
  "feedback received: comments and quarters open, a change followed up, 21 pieces on two pages, one opened",
  "feedback received: the revalidation record",
  "feedback: history, asking before a delete",
  "feedback: trend, with its table open",
  "feedback: two views of a session compared",
];
test("at 320 CSS pixels no state with a table scrolls the page sideways, in English and Welsh", async () => {
  for (const name of TABLE_STATES) {
    const index = STATES.findIndex((state) => state.name === name);
    const state = STATES[index];
    assert.ok(state, `${name} is a named state`);
    const session = await openSession(browser, { init: state.init, viewport: { width: 320, height: 640 } });
    const { page } = session;
    if (state.seed) await seedStorage(page, server.origin, state.seed);
    await page.goto(server.origin + pathOf("en", index));
    await waitForReady(page);
    const widget = page.locator("supervision-widget");
    await state.reach(widget, (en) => en);
    for (const lang of LANGS) {
      if (lang === "cy") {
        await widget.getByRole("button", { name: "Cymraeg" }).click();
        await widget.locator(".sw[lang=cy]").waitFor();
      }
      const tables = await widget.evaluate((host) =>
        [...host.shadowRoot.querySelectorAll("table")].map((table) => {
          const box = table.parentElement;
          return { region: box.getAttribute("role"), tabindex: box.getAttribute("tabindex"), name: box.getAttribute("aria-label"), caption: table.caption?.textContent };
        })
      );
      assert.ok(tables.length > 0, `${name} (${lang}) shows a table`);
      for (const table of tables) {
        assert.deepEqual(table, { region: "region", tabindex: "0", name: table.caption, caption: table.caption }, `${name} (${lang})`);
        assert.ok(table.caption, `${name} (${lang}): the region is named by the caption`);
      }
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(pageWidth <= 320, `${name} (${lang}): the page is ${pageWidth} px wide at 320`);
    }
    await session.check([server.origin + pathOf("en", index), `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/blank`]);
  }
});
