// Accessibility checks for the end-to-end tests: runs axe-core (npm) in a page against
// WCAG 2.1 level A and AA, and describes what it finds so a failing assertion says which
// rule, on which elements.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axe = require('axe-core');

/** The WCAG 2.1 A and AA rules. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe on the whole document of `page` and returns its violations as short lines
 * (`rule: target, target…`); an empty array when there are none.
 * @param {import('playwright-core').Page} page
 */
export async function axeViolations(page) {
  // The pages' Content-Security-Policy refuses inline scripts (as it should), so the script
  // is evaluated through the driver, which the policy does not govern.
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.evaluate(`${axe.source}\n;undefined`);
  }
  const violations = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }).then((r) => r.violations),
    TAGS,
  );
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
