import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './db/schema.ts',
    './db/access-schema.ts',
    './db/recording-schema.ts',
    './db/sql-schema.ts',
    './db/masking-schema.ts',
    './db/snippet-schema.ts',
    './db/signing-schema.ts',
    './db/search-schema.ts',
    './db/sharing-schema.ts',
  ],
  out: './db/migrations',
});
