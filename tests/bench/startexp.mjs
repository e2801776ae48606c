import fs from "node:fs";
import path from "node:path";
import { DIST, launch, serve } from "../e2e/helpers.mjs";
const demo = fs.readFileSync(path.join(DIST, "embed-example.html"), "utf8");
const real = fs.readFileSync(path.join(DIST, "supervision-widget.js"), "utf8");
const m = real.match(/"H4sI[A-Za-z0-9+/=]+"/);
const empty = real.replace(m[0], '""');
const top = (x) => 'performance.mark("top");' + x;
const blank = `<!doctype html><html><body><script>performance.mark("supervision-widget:start")</script></body></html>`;
const server = await serve({
  "/0/embed-example.html": demo, "/0/supervision-widget.js": { body: top(real), type: "text/javascript" },
  "/1/embed-example.html": demo, "/1/supervision-widget.js": { body: top(empty), type: "text/javascript" },
  "/2/embed-example.html": blank,
});
const browser = await launch();
const res = [[], [], []];
for (let t = 0; t < 75; t++) {
  const b = t % 3;
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  page.on("pageerror", () => {});
  await page.goto(`${server.origin}/${b}/embed-example.html`);
  await page.waitForFunction(() => performance.getEntriesByName("supervision-widget:start").length > 0, null, { timeout: 60000 });
  const v = await page.evaluate(() => {
    const n = performance.getEntriesByType("navigation")[0];
    const sc = performance.getEntriesByType("resource").find((e) => e.name.endsWith(".js")); const top = performance.getEntriesByName("top")[0]; return { top: top ? top.startTime : NaN, scriptStart: sc ? sc.requestStart : NaN, scriptEnd: sc ? sc.responseEnd : NaN, start: performance.getEntriesByName("supervision-widget:start")[0].startTime, resp: n.responseEnd, dcl: n.domContentLoadedEventStart };
  });
  res[b].push(v);
  await context.close();
}
await browser.close(); await server.close();
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
for (const [i, name] of ["real", "empty wasm string", "blank page"].entries())
  console.log(name, "start", med(res[i].map((r) => r.start)).toFixed(0), "responseEnd", med(res[i].map((r) => r.resp)).toFixed(0), "dcl", med(res[i].map((r) => r.dcl)).toFixed(0), "scriptReq", med(res[i].map((r) => r.scriptStart)).toFixed(0), "scriptEnd", med(res[i].map((r) => r.scriptEnd)).toFixed(0), "top", med(res[i].map((r) => r.top)).toFixed(0));
