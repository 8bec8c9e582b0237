/**
 * Accessibility scans with axe-core against WCAG 2.2 AA (and the 2.0/2.1 A and AA rules it builds
 * on). A page passes with no violations at all: every one is a barrier to someone.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * `soft` records a failure and carries on, so one run names every page that fails, not the first.
 */
export async function expectNoAxeViolations(
  page: Page,
  state: string,
  { soft = false } = {},
): Promise<void> {
  // Legacy mode runs axe in the page itself instead of opening a blank page to combine the results
  // of cross-origin frames. Cymorth has no frames, and it makes each scan a second faster.
  const results = await new AxeBuilder({ page }).withTags(wcagTags).setLegacyMode(true).analyze();
  const violations = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
  const check = soft ? expect.soft : expect;
  check(violations, `axe violations on ${state} (${page.url()})`).toEqual([]);
}
