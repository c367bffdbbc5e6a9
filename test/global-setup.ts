import type { TestProject } from 'vitest/node';
import { buildPgliteTemplate } from './harness/pglite-template';
import { startPostgres } from './harness/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's throwaway PostgreSQL server; tests create their own databases on it. */
    postgresUrl: string;
    /** A migrated PGlite data directory that test files copy (see test/harness/pglite-template.ts). */
    pgliteTemplateDir: string;
  }
}

/** One real PostgreSQL server and one migrated PGlite template for the whole vitest run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [postgres, template] = await Promise.allSettled([startPostgres(), buildPgliteTemplate()]);
  if (postgres.status === 'rejected' || template.status === 'rejected') {
    if (postgres.status === 'fulfilled') await postgres.value.stop();
    if (template.status === 'fulfilled') template.value.remove();
    throw postgres.status === 'rejected' ? postgres.reason : (template as PromiseRejectedResult).reason;
  }
  project.provide('postgresUrl', postgres.value.url);
  project.provide('pgliteTemplateDir', template.value.dir);
  return async () => {
    template.value.remove();
    await postgres.value.stop();
  };
}
