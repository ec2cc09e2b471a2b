// axe-core (npm, nothing fetched from the network) for the e2e tests: inject it into a page
// and list the WCAG 2.1 A/AA violations. Shared by the county's and the review's tests.
//
// The pages' Content-Security-Policy forbids inline scripts, which is how axe is injected:
// open the page in a context made by `axeContext` (CSP bypassed for the test only).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** axe-core's source, injected with page.addScriptTag({ content }). */
export const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.1 A and AA rules. */
export const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Rules of those levels that axe marks experimental and leaves off unless asked: WCAG 2.5.3
 * (a control's accessible name contains its visible text) is one the pages must pass.
 */
export const EXPERIMENTAL_RULES = ['label-content-name-mismatch'];

/** A browser context whose pages accept the injected axe script despite the page's CSP. */
export function axeContext(browser, options = {}) {
  return browser.newContext({ bypassCSP: true, ...options });
}

/**
 * The WCAG 2.1 A/AA violations axe finds on `page` as it is now: `[{ id, impact, help, nodes }]`
 * with up to five offending elements each (their selector and HTML), empty when there are none.
 */
export async function axeViolations(page, { tags = WCAG21_AA, experimental = EXPERIMENTAL_RULES, context = 'html' } = {}) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ content: axeSource });
  }
  return page.evaluate(
    async ({ tags, experimental, context }) => {
      const result = await window.axe.run(context, {
        runOnly: { type: 'tag', values: tags },
        rules: Object.fromEntries(experimental.map((id) => [id, { enabled: true }])),
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.html.slice(0, 160)}`),
      }));
    },
    { tags, experimental, context },
  );
}

/** Violations as readable lines, for an assertion's message. */
export function describeViolations(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n');
}
