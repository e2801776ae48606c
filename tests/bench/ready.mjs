// `cargo xtask bench`: time from navigation to the widget's ready event on the demo page, in
// headless Chromium. A measurement, not a test: it prints figures and never fails on them.

import fs from "node:fs";
import path from "node:path";
import { DIST, launch, serve } from "../e2e/helpers.mjs";

const RUNS = 15;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const server = await serve({ "/embed-example.html": fs.readFileSync(path.join(DIST, "embed-example.html"), "utf8") });
const browser = await launch();
const times = [];
try {
  for (let run = 0; run < RUNS; run++) {
    // A fresh context each run: nothing cached, nothing stored, as on a first visit.
    const context = await browser.newContext({ serviceWorkers: "block" });
    await context.addInitScript(() => {
      window.addEventListener("supervision-widget:ready", () => {
        window.__readyAt = performance.now();
      });
    });
    const page = await context.newPage();
    await page.goto(`${server.origin}/embed-example.html`);
    await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 30000 });
    times.push(await page.evaluate(() => window.__readyAt));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const bundle = fs.statSync(path.join(DIST, "supervision-widget.js")).size;
console.log(`\nNavigation to supervision-widget:ready on the demo page (${RUNS} cold runs, headless Chromium)`);
console.log(`  median ${median(times).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`);
console.log(`  bundle ${(bundle / 1024).toFixed(1)} KiB`);
