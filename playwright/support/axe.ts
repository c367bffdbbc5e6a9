import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { applyTheme } from './screenshots';

const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** One violation as a reviewer wants to read it: rule, impact, what is wrong, and where. */
function describe(violation: Violation): string {
  const nodes = violation.nodes.slice(0, 5).map((node) => `    at ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`);
  const more = violation.nodes.length > 5 ? [`    … and ${violation.nodes.length - 5} more`] : [];
  return [`${violation.id} (${violation.impact}): ${violation.help}`, ...nodes, ...more].join('\n');
}

/**
 * Runs axe on the page as it is now, in the light theme (every rule) and the dark one (the
 * colour rules), and records (softly, so one run lists every page) each serious or critical
 * violation.
 */
export async function expectAccessible(page: Page, name: string, options: { exclude?: string[] } = {}): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await applyTheme(page, theme);
    // Next.js's route announcer lives in a shadow root the app does not style.
    const axe = (options.exclude ?? []).reduce((builder, selector) => builder.exclude(selector), new AxeBuilder({ page }).exclude('next-route-announcer'));
    // The themes differ only in colour: the dark pass runs the colour rules (halves the time).
    const results = await (theme === 'dark' ? axe.withRules(COLOUR_RULES) : axe).analyze();
    const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect.soft(blocking.map(describe).join('\n\n'), `${name} in the ${theme} theme: serious or critical accessibility violations`).toBe('');
    // PAGE_SCREENSHOTS=<dir>: the tour doubles as a screenshot tour of every page, for a person to look at.
    const shots = process.env.PAGE_SCREENSHOTS;
    if (shots) await screenshot(page, path.join(shots, `${name.replace(/[^A-Za-z0-9]+/g, '-')}-${theme}`));
  }
}

/** `<file>.png` at the page's size and `<file>-phone.png` at 390×844 (the page is put back after). */
async function screenshot(page: Page, file: string): Promise<void> {
  await page.screenshot({ path: `${file}.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${file}-phone.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}
