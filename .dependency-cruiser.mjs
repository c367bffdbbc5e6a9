// Folder dependency rules (#16), checked by `npm run lint:deps` (scripts/check-deps.mjs, which
// also checks the folder-level cycles among server/'s top-level parts). The CLI reads this file
// too: `npx depcruise --config .dependency-cruiser.mjs server` (on Node 22+).

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'components-not-to-app',
      severity: 'error',
      comment: 'Components are below the routes: an action or a page reaches a component as a prop.',
      from: { path: '^components/' },
      to: { path: '^app/' },
    },
    {
      name: 'connectors-not-to-data-path',
      severity: 'error',
      comment: 'Connectors are the lowest layer: they open a target and know nothing of sessions, recording or masking.',
      from: { path: '^server/connectors/' },
      to: { path: '^server/(gateway|relay|recording|masking|sessions)/' },
    },
    {
      name: 'nothing-to-scripts',
      severity: 'error',
      comment: 'scripts/ are entry points (build, start, benchmarks): nothing outside them may import one. A test may, to drive a script as its user does.',
      from: { pathNot: ['^scripts/', '\\.test\\.ts$'] },
      to: { path: '^scripts/' },
    },
    {
      name: 'lib-stands-alone',
      severity: 'error',
      comment: 'lib/ is shared by browser and server: it imports neither server/, app/ nor components/.',
      from: { path: '^lib/' },
      to: { path: '^(server|app|components)/' },
    },
    {
      name: 'no-file-cycles',
      severity: 'error',
      comment: 'A file-level import cycle: break it by moving the shared piece down.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.next|dist|data|test-results|playwright-report|\\.ci)/' },
    // Type-only imports count: a contract imported for its types is still a dependency.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.json'] },
  },
};
