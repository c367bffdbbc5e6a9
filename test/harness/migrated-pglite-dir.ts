import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';

/**
 * Puts a copy of the run's migrated PGlite database (test/global-setup.ts) at `<dataDir>/pglite`,
 * where a Porthole child process opens it: the child is spared initdb and the migrations in WASM.
 */
export function copyMigratedPglite(dataDir: string): void {
  fs.cpSync(inject('pgliteTemplateDir'), path.join(dataDir, 'pglite'), { recursive: true });
}
