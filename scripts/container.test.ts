import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseEnv } from '@/server/env';
import { ENTRY_POINTS } from './build-server.mjs';

/*
 * No container engine runs here: this checks what can be checked without one. The image's
 * start command is a file `npm run build` makes, every variable the image and compose.yaml
 * set is one Porthole reads (and documents) with a valid value, the health check asks the
 * ready endpoint, the user is not root, and compose's services agree with each other.
 */

const ROOT = path.resolve(__dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

type Instruction = { op: string; args: string };
type Stage = { from: string; name?: string; instructions: Instruction[] };

/** Dockerfile → stages of instructions (continuation lines joined, comments dropped). */
function parseDockerfile(text: string): Stage[] {
  const logical = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, op = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (op.toUpperCase() === 'FROM') {
      const [, from = '', name] = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(args) ?? [];
      stages.push({ from, name, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ op: op.toUpperCase(), args });
    }
  }
  return stages;
}

/** `ENV A=1 B=2` lines of a stage, as one record (values without spaces, as ours are). */
function envOf(stage: Stage): Record<string, string> {
  const pairs = stage.instructions.filter((i) => i.op === 'ENV').flatMap((i) => i.args.split(/\s+/));
  return Object.fromEntries(pairs.map((pair) => pair.split('=', 2) as [string, string]));
}

const execForm = (instruction: Instruction | undefined) => JSON.parse(instruction?.args.replace(/^CMD\s+/, '') ?? 'null') as string[] | null;

/** Variables read by Next.js itself, not by server/env.ts. */
const NOT_PORTHOLES = new Set(['NEXT_TELEMETRY_DISABLED']);

function expectReadAndDocumented(names: string[]) {
  const envSource = read('server/env.ts');
  const readme = read('README.md');
  const configuration = readme.slice(readme.indexOf('## Configuration'));
  for (const name of names.filter((n) => !NOT_PORTHOLES.has(n))) {
    expect(envSource, `${name} is not read by server/env.ts`).toMatch(new RegExp(`^\\s+${name}:`, 'm'));
    expect(configuration, `${name} is missing from README's configuration table`).toContain(`\`${name}\``);
  }
}

const stages = parseDockerfile(read('Dockerfile'));
const runtime = stages.at(-1)!;
const imageArg = /^ARG NODE_IMAGE=(\S+)$/m.exec(read('Dockerfile'))?.[1];

describe('Dockerfile', () => {
  it('builds in one stage and runs on Node.js 24 (Debian slim) in another, copying only the build output', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(imageArg).toBe('node:24-bookworm-slim');
    expect(runtime.from).toBe('${NODE_IMAGE}');
    const copies = runtime.instructions.filter((i) => i.op === 'COPY').map((i) => i.args);
    for (const built of ['./.next', './dist', './node_modules', './db/migrations'])
      expect(copies.some((c) => c.startsWith('--from=build') && c.endsWith(built))).toBe(true);
    expect(stages[0]!.instructions.some((i) => i.op === 'RUN' && i.args.includes('npm run build') && i.args.includes('npm prune --omit=dev'))).toBe(true);
  });

  it('starts the server `npm run build` makes, with plain node', () => {
    const cmd = execForm(runtime.instructions.findLast((i) => i.op === 'CMD'));
    expect(cmd?.[0]).toBe('node');
    const script = cmd!.find((arg) => arg.endsWith('.js'));
    const built = Object.keys(ENTRY_POINTS).map((name) => `dist/server/${name}.js`);
    expect(built).toContain(script);
    expect(script).toBe('dist/server/index.js');
    expect((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.build).toContain('scripts/build-server.mjs');
  });

  it('runs as a user other than root, with its data on the /data volume', () => {
    const user = runtime.instructions.findLast((i) => i.op === 'USER')?.args;
    expect(user).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(user);
    expect(runtime.instructions.some((i) => i.op === 'VOLUME' && i.args.includes('/data'))).toBe(true);
    expect(envOf(runtime).PORTHOLE_DATA_DIR).toBe('/data');
  });

  it('checks health at the ready endpoint with node (no curl in the slim image)', () => {
    const check = runtime.instructions.find((i) => i.op === 'HEALTHCHECK')!.args;
    const command = JSON.parse(check.slice(check.indexOf('CMD') + 3)) as string[];
    expect(command[0]).toBe('node');
    expect(command.join(' ')).toContain("'/api/health/ready'");
    expect(read('server/http/ops-routes.ts')).toContain("'/api/health/ready'");
  });

  it('sets only variables Porthole reads and documents, with valid values', () => {
    const env = envOf(runtime);
    expectReadAndDocumented(Object.keys(env));
    expect(() => parseEnv(env)).not.toThrow();
    // A production image: demo mode's public passwords never listen on 0.0.0.0.
    expect(env.PORTHOLE_DEMO).toBe('0');
  });

  it('keeps node_modules, builds, data and secrets out of the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim());
    for (const entry of ['.git', 'node_modules', '.next', 'dist', 'data', '.env*']) expect(ignored).toContain(entry);
  });
});

type Service = {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  read_only?: boolean;
  tmpfs?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
};
const compose = parse(read('compose.yaml')) as { services: Record<string, Service> };
const { porthole, postgres, dex } = compose.services;
const dexConfig = parse(read('deploy/dex.yaml')) as { issuer: string; staticClients: { id: string; secret: string; redirectURIs: string[] }[] };

describe('compose.yaml', () => {
  it('runs Porthole from this Dockerfile with a read-only root filesystem, /data and /tmp writable', () => {
    expect(porthole?.build).toBe('.');
    expect(porthole?.read_only).toBe(true);
    expect(porthole?.tmpfs).toContain('/tmp');
    expect(porthole?.volumes?.some((v) => v.endsWith(':/data'))).toBe(true);
  });

  it('sets only variables Porthole reads and documents, with valid values', () => {
    const environment = porthole!.environment!;
    expectReadAndDocumented(Object.keys(environment));
    // ${VAR:?message} makes compose refuse to start without it; here, a valid stand-in.
    expect(environment.PORTHOLE_SECRET_KEY).toMatch(/^\$\{PORTHOLE_SECRET_KEY:\?/);
    const resolved = { ...envOf(runtime), ...environment, PORTHOLE_SECRET_KEY: 'a'.repeat(64) };
    expect(() => parseEnv(resolved)).not.toThrow();
  });

  it('waits for a healthy PostgreSQL 16 whose database, user and password are the ones in DATABASE_URL', () => {
    expect(postgres?.image).toMatch(/^postgres:16\b/);
    expect(postgres?.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(porthole?.depends_on?.postgres?.condition).toBe('service_healthy');
    const url = new URL(porthole!.environment!.DATABASE_URL!);
    const pg = postgres!.environment!;
    expect([url.hostname, url.username, url.password, url.pathname.slice(1)]).toEqual(['postgres', pg.POSTGRES_USER, pg.POSTGRES_PASSWORD, pg.POSTGRES_DB]);
  });

  it("points Porthole's single sign-on at the example provider's issuer, client and redirect URI", () => {
    const environment = porthole!.environment!;
    expect(environment.OIDC_ISSUER).toBe(dexConfig.issuer);
    const client = dexConfig.staticClients.find((c) => c.id === environment.OIDC_CLIENT_ID);
    expect(client?.secret).toBe(environment.OIDC_CLIENT_SECRET);
    expect(client?.redirectURIs).toEqual([`${environment.PORTHOLE_PUBLIC_URL}/api/auth/callback/oidc`]);
    expect(dex?.volumes).toContain('./deploy/dex.yaml:/etc/dex/config.yaml:ro');
  });

  it('publishes ports on loopback only (the example IdP has a published password)', () => {
    for (const service of [porthole, postgres, dex]) for (const port of service?.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
  });
});
