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

// READY_AGAINST=<a dist folder of another build>: each run loads that build's bundle and this
// one's back to back, taking turns at going first, so a busy shared machine slows both alike.
const AGAINST = process.env.READY_AGAINST;
const demoPage = fs.readFileSync(path.join(DIST, "embed-example.html"), "utf8");
const bundleOf = (dir) => ({ body: fs.readFileSync(path.join(dir, "supervision-widget.js")), type: "text/javascript" });
const builds = AGAINST ? [["this build", DIST], [`against ${AGAINST}`, AGAINST]] : [["this build", DIST]];
const server = await serve(
  Object.fromEntries(builds.flatMap(([, dir], i) => [[`/${i}/embed-example.html`, demoPage], [`/${i}/supervision-widget.js`, bundleOf(dir)]]))
);
const browser = await launch();

/**
 * `RUNS` cold loads of the demo page with the CPU slowed `throttle` times (CDP; 4× stands for an
 * old shared desktop). Each: navigation to ready, and the start-up phases the loader marks.
 */
async function coldRuns(throttle) {
  const runs = builds.map(() => []);
  for (let turn = 0; turn < RUNS * builds.length; turn++) {
    const run = Math.floor(turn / builds.length);
    const build = (turn + run) % builds.length;
    // A fresh context each run: nothing cached, nothing stored, as on a first visit.
    const context = await browser.newContext({ serviceWorkers: "block" });
    await context.addInitScript(() => {
      window.addEventListener("supervision-widget:ready", () => {
        window.__readyAt = performance.now();
      });
    });
    const page = await context.newPage();
    if (throttle > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
    }
    await page.goto(`${server.origin}/${build}/embed-example.html`);
    await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 60000 });
    runs[build].push(
      await page.evaluate(() => {
        const at = (phase) => performance.getEntriesByName(`supervision-widget:${phase}`)[0]?.startTime ?? NaN;
        return { ready: window.__readyAt, start: at("start"), decoded: at("decoded"), instantiated: at("instantiated"), content: at("content") };
      })
    );
    await context.close();
  }
  return runs;
}

let results;
try {
  results = [[1, await coldRuns(1)], [4, await coldRuns(4)]];
} finally {
  await browser.close();
  await server.close();
}

const bundle = fs.statSync(path.join(DIST, "supervision-widget.js")).size;
for (const [throttle, byBuild] of results) for (const [b, runs] of byBuild.entries()) {
  const times = runs.map((r) => r.ready);
  const phase = (from, to) => median(runs.map((r) => r[to] - r[from])).toFixed(1);
  console.log(`\nNavigation to supervision-widget:ready on the demo page, ${builds[b][0]} (${RUNS} cold runs, headless Chromium, CPU ${throttle}×)`);
  console.log(`  median ${median(times).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`);
  console.log(`  phases (medians): until the wasm starts ${median(runs.map((r) => r.start)).toFixed(0)} ms, base64 decode ${phase("start", "decoded")} ms,`);
  console.log(`  inflate + compile + instantiate ${phase("decoded", "instantiated")} ms, settings and built-in questions ${phase("instantiated", "content")} ms,`);
  console.log(`  first render ${phase("content", "ready")} ms`);
}
console.log(`  bundle ${(bundle / 1024).toFixed(1)} KiB`);
