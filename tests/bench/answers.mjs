// How the bench gives a page its answers and times each one: from the click to the summary's
// text changed (a MutationObserver) and the new state laid out. bench.mjs times both pages so;
// profile.mjs profiles the county page's answers the same way.

/**
 * Clicks the first `count` buttons matching `answers` in `page`, one after another, each
 * once the page has painted the last; returns the time of each, in ms.
 */
export function timeAnswers(page, { summary, answers, count }) {
  return page.evaluate(async ({ summarySelector, answersSelector, count }) => {
    const summary = document.querySelector(summarySelector);
    const buttons = [...document.querySelectorAll(answersSelector)].slice(0, count);
    const times = [];
    for (const button of buttons) {
      const before = summary.textContent;
      const changed = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (summary.textContent !== before) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(summary, { childList: true, characterData: true, subtree: true });
      });
      const t0 = performance.now();
      button.click();
      await changed;
      void document.body.offsetHeight; // style and layout of the new state
      times.push(performance.now() - t0);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return times;
  }, { summarySelector: summary, answersSelector: answers, count });
}
