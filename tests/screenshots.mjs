// Screenshots of the feedback form's page of all six domains, at 1280×800 and 375×700, in
// English and Welsh, for docs/screenshots/. Run by hand after `cargo xtask dist`:
//   CHROMIUM=/usr/bin/chromium node tests/screenshots.mjs
// (Not part of the test command: it writes into the repository.)

import fs from "node:fs";
import path from "node:path";

import { ROOT, hostPage, launch, openSession, serve, waitForReady } from "./e2e/helpers.mjs";

const OUT = path.join(ROOT, "docs/screenshots");
const SIZES = { desk: { width: 1280, height: 800 }, phone: { width: 375, height: 700 } };
const WORDS = {
  en: { mine: "My own: keep what I save", received: "I received supervision", clinical: "Clinical", next: "Continue" },
  cy: { mine: "Fy nghyfrifiadur i: cadw'r hyn rwy'n ei gadw", received: "Cefais oruchwyliaeth", clinical: "Clinigol", next: "Parhau" },
};

fs.mkdirSync(OUT, { recursive: true });
const browser = await launch();
const server = await serve({
  "/en": hostPage(`<supervision-widget mode="feedback"></supervision-widget>`),
  "/cy": hostPage(`<supervision-widget mode="feedback" lang="cy"></supervision-widget>`, { lang: "cy" }),
});
try {
  for (const lang of ["en", "cy"]) {
    for (const [size, viewport] of Object.entries(SIZES)) {
      const { page, context } = await openSession(browser, { viewport });
      await page.goto(`${server.origin}/${lang}`);
      await waitForReady(page);
      const w = page.locator("supervision-widget");
      const t = WORDS[lang];
      await w.getByRole("button", { name: t.mine }).click();
      await w.getByLabel(t.received).check();
      await w.getByLabel(t.clinical, { exact: true }).check();
      await w.getByRole("button", { name: t.next, exact: true }).click();
      // Safe rated 4; Timely rated 2, so its action shows under it.
      await w.locator("#sw-fb-rating-0-4").check();
      await w.locator("#sw-fb-rating-1-2").check();
      await page.evaluate(() => window.scrollTo(0, 0));
      const file = path.join(OUT, `feedback-domains-${size}-${lang}.jpeg`);
      await page.screenshot({ path: file, fullPage: true, type: "jpeg", quality: 50 });
      console.log(`${path.relative(ROOT, file)}: ${Math.round(fs.statSync(file).size / 1024)} KiB`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
