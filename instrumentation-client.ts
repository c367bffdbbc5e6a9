import { config } from 'zod/v4/core';

/*
 * Runs in the browser before the app hydrates. Zod probes `new Function` once to decide
 * whether to compile its object parsers; Porthole's Content-Security-Policy has no
 * 'unsafe-eval', so the probe fails and Chromium reports a CSP violation each time. Jitless
 * parsing skips the probe (zod would fall back to it anyway).
 */
config({ jitless: true });
