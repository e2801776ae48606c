// The task-cost report's recorder: a person's walk through the built bundle, counted as issue
// 24 counts it. Every click, every key typed, every scroll (a control to be used that is outside
// the viewport costs one), every new screen (the headings shown change: a new page, or a panel
// with a heading of its own, such as a quiz answer's feedback), the words each new screen adds,
// and the words shown before the first answer. The estimate is a keystroke-level model: a click
// 1.2 s, a key 0.3 s, a scroll 1 s, a new screen 1.5 s, reading 230 words a minute on a desk and
// 200 on a phone, and 3 s to decide a rating. SCREENS=1 prints each screen's words and each
// scroll, to see where a task's cost goes.

export const SIZES = {
  desk: { viewport: { width: 1280, height: 800 }, wordsPerMinute: 230 },
  phone: { viewport: { width: 375, height: 700 }, wordsPerMinute: 200 },
};

const SECONDS = { click: 1.2, key: 0.3, scroll: 1, screen: 1.5, rating: 3 };

export class Walk {
  constructor(page, size) {
    this.page = page;
    this.widget = page.locator("supervision-widget");
    this.size = SIZES[size];
    this.counts = { screens: 0, clicks: 0, keys: 0, scrolls: 0, ratings: 0, words: 0 };
    this.wordsBeforeAnswer = null;
    this.screen = null;
    this.shown = [];
  }

  /** Notes a new screen, and its words, when the first heading under the title has changed. */
  async look() {
    const { name, words } = await this.widget.evaluate((host) => {
      const root = host.shadowRoot;
      // The first-use question at the top is not a screen of the task.
      const shown = [...root.querySelectorAll("h1, h2, h3, h4, h5, h6, [role=heading]")]
        .filter((h) => h.getClientRects().length > 0 && !h.closest(".sw-privacy-offer"));
      const text = root.querySelector(".sw")?.innerText ?? "";
      return { name: shown.map((h) => h.textContent.trim()).join(" / "), words: text.split(/\s+/).filter(Boolean) };
    });
    if (name !== this.screen) {
      this.screen = name;
      this.counts.screens += 1;
      // What is read on a new screen is what it adds: the words the last screen did not show
      // (as many times as they are new), not the header read again.
      const before = new Map();
      for (const word of this.shown) before.set(word, (before.get(word) ?? 0) + 1);
      let added = 0;
      for (const word of words) {
        const left = before.get(word) ?? 0;
        if (left > 0) before.set(word, left - 1);
        else added += 1;
      }
      this.counts.words += added;
      if (process.env.SCREENS) console.log(`  ${added} words: ${name}`);
      this.shown = words;
    }
  }

  /** Brings `locator` into view as a person would, counting a scroll when it is not in view. */
  async reach(locator) {
    await locator.waitFor();
    const box = await locator.boundingBox();
    const { height } = this.page.viewportSize();
    if (!box || box.y < 0 || box.y + Math.min(box.height, 40) > height) {
      this.counts.scrolls += 1;
      if (process.env.SCREENS) console.log(`  scroll to ${locator}`);
      await locator.scrollIntoViewIfNeeded();
    }
  }

  answered() {
    if (this.wordsBeforeAnswer === null) this.wordsBeforeAnswer = this.counts.words;
  }

  async click(locator) {
    await this.reach(locator);
    await locator.click();
    this.counts.clicks += 1;
    await this.look();
  }

  /** A radio or checkbox that answers a question. */
  async choose(locator) {
    this.answered();
    await this.click(locator);
  }

  /** A rating: a choice, and the moment to decide it. */
  async rate(locator) {
    this.counts.ratings += 1;
    await this.choose(locator);
  }

  /** Clicks into a field and types `text`. */
  async type(locator, text) {
    this.answered();
    await this.reach(locator);
    await locator.click();
    this.counts.clicks += 1;
    await locator.fill(text);
    this.counts.keys += [...text].length;
    await this.look();
  }

  /** Chooses a file (a click, and a click in the browser's own chooser). */
  async file(locator, file) {
    await this.reach(locator);
    await locator.setInputFiles(file);
    this.counts.clicks += 2;
    await this.look();
  }

  seconds() {
    const c = this.counts;
    return (
      c.clicks * SECONDS.click + c.keys * SECONDS.key + c.scrolls * SECONDS.scroll + c.screens * SECONDS.screen +
      c.ratings * SECONDS.rating + (c.words / this.size.wordsPerMinute) * 60
    );
  }

  row(task, size) {
    const c = this.counts;
    const s = Math.round(this.seconds());
    const time = `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
    return `| ${task} | ${size} | ${c.screens} | ${c.clicks} | ${c.keys} | ${c.scrolls} | ${this.wordsBeforeAnswer ?? c.words} | ${c.words} | ${time} |`;
  }
}

export const HEADER =
  "| task | size | screens | clicks | keys | scrolls | words before the first answer | words read | estimate |\n|---|---|---|---|---|---|---|---|---|";
