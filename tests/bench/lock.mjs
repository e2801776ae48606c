// `cargo xtask bench` (lock): with a store locked with a passphrase, the time from pressing
// Unlock to the unlocked widget (Argon2id at the cost new locks use, then the first render); the
// time to lock 1,000 saved sessions (the key, then every record sealed); and the main-thread
// time per keystroke in a comment, with the autosave it triggers sealed before it is written.
// Figures only; nothing here passes or fails.

import { envelope, hostPage, launch, serve, storedSession } from "../e2e/helpers.mjs";
import { autosaveCost, openFirstComment, perKeystroke } from "./measure.mjs";

const SESSIONS = 1000;
const KEYSTROKES = 200;
const PASSPHRASE = "correct horse battery staple";

const sessions = Array.from({ length: SESSIONS }, (_, i) => {
  const day = new Date(Date.UTC(2020, 0, 1) + i * 86400000).toISOString().slice(0, 10);
  return storedSession(`s${i}`, day, [3, 4, 5, 4, 3, 4], { comment: "A typical comment of a sentence or two about how the session went." });
});

const server = await serve({ "/": hostPage(`<supervision-widget mode="feedback"></supervision-widget>`) });
const browser = await launch();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ready = (page) => page.waitForFunction(() => document.querySelector("supervision-widget")?.shadowRoot?.querySelector(".sw-form, .sw-unlock"));
try {
  const context = await browser.newContext();
  // The wasm's memory, to read how much the key derivation leaves it holding (wasm memory
  // grows and never shrinks).
  await context.addInitScript(() => {
    const keep = (result) => {
      const instance = result.instance || result;
      window.__swMemory = instance.exports?.memory;
      return result;
    };
    for (const name of ["instantiate", "instantiateStreaming"]) {
      const original = WebAssembly[name];
      WebAssembly[name] = (...args) => original(...args).then(keep);
    }
  });
  const page = await context.newPage();
  await page.goto(`${server.origin}/blank`);
  await page.evaluate((value) => localStorage.setItem("supervision-widget:feedback-sessions", value), envelope(sessions, 1));
  await page.goto(`${server.origin}/`);
  await ready(page);
  const w = page.locator("supervision-widget");
  await w.getByText("Your data and privacy on a shared computer").click();
  await w.getByLabel("Keep, locked with a passphrase").check();
  await w.locator("#sw-lock-set-new").fill(PASSPHRASE);
  await w.locator("#sw-lock-set-again").fill(PASSPHRASE);
  const lockStart = Date.now();
  await w.getByRole("button", { name: "Lock with this passphrase" }).click();
  // The sessions already here: asked first whether they are this person's.
  await w.getByRole("button", { name: "They're mine: lock them with my passphrase" }).click();
  await w.getByText("Saved. What you keep here is locked with your passphrase.").waitFor({ timeout: 60000 });
  const lockTime = Date.now() - lockStart;
  const cost = await page.evaluate(() => JSON.parse(localStorage.getItem("supervision-widget:lock-check")).data);

  // Unlock: from the click to the feedback form, timed in the page.
  const unlock = [];
  const memory = [];
  const wasmBytes = () => page.evaluate(() => window.__swMemory?.buffer.byteLength ?? NaN);
  for (let run = 0; run < 5; run++) {
    await page.goto(`${server.origin}/`);
    await ready(page);
    const before = await wasmBytes();
    await w.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
    unlock.push(await page.evaluate(async () => {
      const root = document.querySelector("supervision-widget").shadowRoot;
      const button = [...root.querySelectorAll("button")].find((b) => b.textContent.trim() === "Unlock");
      const start = performance.now();
      button.click();
      while (!root.querySelector(".sw-form")) await new Promise((r) => setTimeout(r, 0));
      return performance.now() - start;
    }));
    memory.push([before, await wasmBytes()]);
  }

  // Keystrokes in a comment, unlocked.
  await w.getByLabel("I received supervision").check();
  await w.getByLabel("Clinical").check();
  await w.getByRole("button", { name: "Continue" }).click();
  await openFirstComment(w);
  const perKey = await perKeystroke(page, "#sw-fb-comment-0", KEYSTROKES);
  // The autosave after the pause, sealed: the timer task and the write inside the Web Lock.
  const saved = await autosaveCost(page, "#sw-fb-comment-0");
  const autosave = { spent: saved.spent, sealed: saved.draft.startsWith('{"sealed":2') };

  console.log(`\nPassphrase lock (Argon2id, ${cost.memory_kib / 1024} MiB, ${cost.passes} passes; XChaCha20-Poly1305; headless Chromium)`);
  console.log(`  unlock, click to form: ${median(unlock).toFixed(0)} ms (median of 5; runs: ${unlock.map((t) => t.toFixed(0)).join(", ")})`);
  const mib = (bytes) => (bytes / 1048576).toFixed(1);
  const [before, after] = memory[memory.length - 1];
  console.log(`  wasm memory: ${mib(before)} MiB before unlocking, ${mib(after)} MiB after (it grows by Argon2's blocks and never shrinks)`);
  console.log(`  lock ${SESSIONS} saved sessions, click to saved: ${lockTime} ms`);
  console.log(`  per keystroke in a comment: ${perKey.toFixed(2)} ms (mean of ${KEYSTROKES}, Yew render included)`);
  console.log(`  sealed autosave after the pause: ${autosave.spent.toFixed(2)} ms (draft stored sealed: ${autosave.sealed})`);
} finally {
  await browser.close();
  await server.close();
}
