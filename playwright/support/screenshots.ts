import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

/**
 * Screenshots for a person to look at (layout, empty states, dark mode), taken only when
 * `PAGE_SCREENSHOTS=<dir>` is set, so the suite does not pay for them on every run.
 *
 * The theme is set as the app sets it (the `dark` class on <html>, see app/layout.tsx), not
 * with `emulateMedia`: the app reads the colour scheme once at load, so emulating it afterwards
 * leaves the page light.
 */
export const SHOTS_DIR = process.env.PAGE_SCREENSHOTS;

const SIZES = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

type Size = keyof typeof SIZES;
export type Theme = 'light' | 'dark';

/**
 * Switches the theme the way the profile menu does (the `dark` class on <html>, see
 * ThemeToggle), then waits until colour transitions have settled: axe reads computed colours,
 * and a half-faded button would be judged on a colour nobody sees.
 */
export async function applyTheme(page: Page, theme: Theme): Promise<void> {
  await page.evaluate((isDark) => document.documentElement.classList.toggle('dark', isDark), theme === 'dark');
  await page.waitForFunction(() => document.getAnimations().every((animation) => !(animation instanceof CSSTransition) || animation.playState !== 'running'));
}

/** `<dir>/<name>-<size>-<theme>.png` for each size and theme; the page is left at desktop size in its own theme. */
export async function shootPage(page: Page, name: string, options: { sizes?: readonly Size[]; fullPage?: boolean } = {}): Promise<void> {
  if (!SHOTS_DIR) return;
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  for (const size of options.sizes ?? (['desktop', 'phone'] as const)) {
    await page.setViewportSize(SIZES[size]);
    for (const theme of ['light', 'dark'] as const) {
      await applyTheme(page, theme);
      await page.screenshot({ path: path.join(SHOTS_DIR, `${name}-${size}-${theme}.png`), fullPage: options.fullPage ?? false });
    }
  }
  await page.evaluate(() =>
    document.documentElement.classList.toggle(
      'dark',
      localStorage.getItem('porthole-theme') === 'dark' ||
        (localStorage.getItem('porthole-theme') !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches),
    ),
  );
  await page.setViewportSize(SIZES.desktop);
}
