// What both benches measure of typing in a comment box, in one place.

/** Main-thread time per keystroke in the field `selector` of the widget (mean of `keystrokes`):
 * each an input event, then a task for Yew to render it, less the bare tasks' time. */
export function perKeystroke(page, selector, keystrokes) {
  return page.evaluate(async ({ selector, keystrokes }) => {
    const area = document.querySelector("supervision-widget").shadowRoot.querySelector(selector);
    const tick = () => new Promise((r) => setTimeout(r, 0));
    const baselineStart = performance.now();
    for (let i = 0; i < keystrokes; i++) await tick();
    const baseline = performance.now() - baselineStart;
    const start = performance.now();
    for (let i = 0; i < keystrokes; i++) {
      area.value += "a";
      area.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true, data: "a", inputType: "insertText" }));
      await tick();
    }
    return (performance.now() - start - baseline) / keystrokes;
  }, { selector, keystrokes });
}

/** The autosave after typing pauses in `selector`: the whole timer task and the write it makes
 * inside the Web Lock (serialising the draft, sealing it when locked, the revision check and
 * setItem). Returns `{ spent, draft }` (the stored draft afterwards). */
export function autosaveCost(page, selector) {
  return page.evaluate(async (selector) => {
    const area = document.querySelector("supervision-widget").shadowRoot.querySelector(selector);
    const original = window.setTimeout;
    let spent = 0;
    window.setTimeout = (callback, delay, ...rest) =>
      original(() => {
        const start = performance.now();
        callback(...rest);
        if (delay >= 300) spent += performance.now() - start;
      }, delay);
    const locks = navigator.locks;
    const request = locks.request;
    locks.request = (name, granted) =>
      request.call(locks, name, (lock) => {
        const start = performance.now();
        const result = granted(lock);
        spent += performance.now() - start;
        return result;
      });
    area.value += "b";
    area.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true, data: "b", inputType: "insertText" }));
    await new Promise((r) => original(r, 700));
    window.setTimeout = original;
    locks.request = request;
    return { spent, draft: localStorage.getItem("supervision-widget:feedback-draft") || "" };
  }, selector);
}

/** Opens the first domain's comment, folded on the page of all six, and waits for it. */
export async function openFirstComment(widget) {
  await widget.locator("details:has(#sw-fb-comment-0) > summary").click();
  await widget.locator("#sw-fb-comment-0").waitFor();
}
