// `cargo xtask bench` (feedback received, issue 25): with 500 pieces kept, the time to render
// Feedback on my supervision (the period's summary, What I thought beside it, and the first page
// of pieces) and each keystroke in a change typed there; the time from Show it to the piece shown for the largest text a supervisee can send
// (six 1,000-character comments, made by the widget's own Copy), and that text's length against
// a Teams message's 28,000; and the stored bytes per piece. Figures only; nothing passes or fails.

import { envelope, hostPage, launch, serve, storedSession } from "../e2e/helpers.mjs";
import { perKeystroke } from "./measure.mjs";

const PIECES = 500;
const daysAgo = (days) => new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);
const COMMENT = "A typical comment of a sentence or two about how the supervision went.";
const pieces = Array.from({ length: PIECES }, (_, i) => ({
  id: i.toString(16).padStart(16, "0"),
  received_at: `${daysAgo(i * 2)}T10:00:00.000Z`,
  label: i % 3 ? "" : "Ward 7",
  piece: {
    date: daysAgo(i * 2),
    kind: ["clinical", "coaching", "managerial"][i % 3],
    ratings: Array.from({ length: 6 }, (_, d) => ((i + d) % 7 === 0 ? null : ((i * (d + 1)) % 5) + 1)),
    comments: Array.from({ length: 6 }, (_, d) => ((i + d) % 2 ? COMMENT : "")),
    actions: [],
  },
}));
const gave = Array.from({ length: 100 }, (_, i) => storedSession(`g${i}`, daysAgo(i * 7), [3, 4, 3, 4, 3, 4], { role: "gave" }));

const server = await serve({ "/": hostPage(`<supervision-widget mode="feedback"></supervision-widget>`) });
const browser = await launch();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const runs = (values) => values.map((t) => t.toFixed(0)).join(", ");
try {
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
  const page = await context.newPage();
  await page.goto(`${server.origin}/blank`);
  const raw = envelope(pieces);
  await page.evaluate(([pieces, sessions]) => {
    localStorage.setItem("supervision-widget:privacy", JSON.stringify({ version: 1, rev: 1, saved_at: "2026-11-01T00:00:00.000Z", data: { keep: "keep" } }));
    localStorage.setItem("supervision-widget:feedback-received", pieces);
    localStorage.setItem("supervision-widget:feedback-sessions", sessions);
  }, [raw, envelope(gave, 3)]);

  const summary = [];
  for (let run = 0; run < 5; run++) {
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => document.querySelector("supervision-widget")?.shadowRoot?.querySelector(".sw-form"));
    summary.push(await page.evaluate(async () => {
      const root = document.querySelector("supervision-widget").shadowRoot;
      const button = [...root.querySelectorAll("button")].find((b) => b.textContent.trim() === "Feedback on my supervision");
      const start = performance.now();
      button.click();
      // The summary's six rows and a page of twenty pieces.
      while (root.querySelectorAll(".sw-received tbody tr").length < 26) await new Promise((r) => setTimeout(r, 0));
      return performance.now() - start;
    }));
  }

  // Typing a change with 500 pieces kept: each keystroke renders the screen again.
  await page.goto(`${server.origin}/`);
  const screen = page.locator("supervision-widget");
  await screen.getByRole("button", { name: "Feedback on my supervision" }).click();
  await screen.getByText("What will I change in my supervision?", { exact: true }).click();
  const perKey = await perKeystroke(page, "#sw-recv-change-0", 100);

  // The largest text to send: a supervisee's session with six 1,000-character comments.
  const supervisee = await browser.newContext();
  await supervisee.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
  const sender = await supervisee.newPage();
  await sender.goto(`${server.origin}/blank`);
  const long = storedSession("m", daysAgo(1), [1, 2, 3, 4, 5, null]);
  long.comments = Array.from({ length: 6 }, (_, d) => `Domain ${d}: ` + "é“quoted” text, ".repeat(70).slice(0, 1000 - 10));
  const short = storedSession("n", daysAgo(2), [1, 2, 3, 4, 5, null]);
  await sender.evaluate((sessions) => localStorage.setItem("supervision-widget:feedback-sessions", sessions), envelope([long, short], 3));
  const textOf = async (index) => {
    await sender.goto(`${server.origin}/`);
    const w = sender.locator("supervision-widget");
    await w.getByRole("button", { name: "Your saved sessions" }).click();
    await w.getByRole("button", { name: /^Open / }).nth(index).click();
    await w.getByText("Send this feedback to your supervisor", { exact: true }).click();
    await w.getByRole("button", { name: "Copy the text to send" }).click();
    await w.getByText("Copied. Paste it into a message to your supervisor.").waitFor();
    return sender.evaluate(() => navigator.clipboard.readText());
  };
  const text = await textOf(0);
  const small = await textOf(1);

  // Show it to the piece shown: decoding, checking and rendering the preview. The smallest
  // piece's time is the rendering; the difference is what decoding the largest costs.
  const showIt = async (pasted) => {
    const times = [];
    for (let run = 0; run < 7; run++) {
      await page.goto(`${server.origin}/`);
      const r = page.locator("supervision-widget");
      await r.getByRole("button", { name: "Feedback on my supervision" }).click();
      await r.locator("#sw-recv-paste").fill(pasted);
      times.push(await page.evaluate(async () => {
        const root = document.querySelector("supervision-widget").shadowRoot;
        const button = [...root.querySelectorAll("button")].find((b) => b.textContent.trim() === "Show it");
        const start = performance.now();
        button.click();
        while (!root.querySelector(".sw-received__preview")) await new Promise((r) => setTimeout(r, 0));
        return performance.now() - start;
      }));
    }
    return times;
  };
  const decode = await showIt(text);
  const baseline = await showIt(small);

  console.log(`\nFeedback received: ${PIECES} pieces kept, 100 sessions given (headless Chromium, medians of 5 and 7)`);
  console.log(`  Feedback on my supervision render: ${median(summary).toFixed(1)} ms (runs: ${runs(summary)})`);
  console.log(`  per keystroke in a change: ${perKey.toFixed(2)} ms (mean of 100, Yew render included)`);
  console.log(`  largest text to send: ${text.length} characters (a Teams message holds 28,000)`);
  console.log(`  Show it to the piece shown, largest text: ${median(decode).toFixed(1)} ms (runs: ${runs(decode)}; decoding, checking and rendering)`);
  console.log(`  the same, smallest text (${small.length} characters): ${median(baseline).toFixed(1)} ms (runs: ${runs(baseline)})`);
  const difference = median(decode) - median(baseline);
  console.log(difference > 0
    ? `  so decoding and checking the largest text: about ${difference.toFixed(1)} ms`
    : "  so decoding and checking the largest text costs less than the runs vary (the whole is its upper bound)");
  console.log(`  stored bytes per piece: ${(new TextEncoder().encode(raw).length / PIECES).toFixed(0)} (UTF-8 of the JSON; comments on half the domains)`);
  const largest = JSON.stringify({ ...pieces[0], piece: { ...pieces[0].piece, comments: long.comments } });
  console.log(`  stored bytes of the largest piece (six 1,000-character comments): ${new TextEncoder().encode(largest).length}`);
} finally {
  await browser.close();
  await server.close();
}
