#!/usr/bin/env node
// `npm run lint:deps`: the folder dependency rules of .dependency-cruiser.mjs, and no import cycle
// among the top-level parts of server/ (#16). dependency-cruiser's own `circular` rule sees files
// only; here the files are collapsed to their folder (server/access, server/relay, ...), and every
// cycle between folders is reported with one file → file import for each arrow.
//
// dependency-cruiser is called through its API, not its CLI: the CLI refuses Node 20, which some
// development machines still run, while the API works there.
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { folderCycleProblems, folderEdges } from './folder-cycles.mjs';

const ROOTS = ['app', 'components', 'lib', 'server', 'db', 'scripts', 'test', 'playwright', 'proxy.ts', 'instrumentation-client.ts'];

const options = await extractDepcruiseOptions('./.dependency-cruiser.mjs');
const { output } = await cruise(ROOTS, options, undefined, { tsConfig: extractTSConfig('tsconfig.json') });

const problems = output.summary.violations.map((violation) => {
  const cycle = violation.cycle ? ` (cycle: ${violation.cycle.map((step) => step.name).join(' → ')})` : '';
  return `${violation.rule.name}: ${violation.from} → ${violation.to}${cycle}`;
});

problems.push(...folderCycleProblems(folderEdges(output.modules)));

const modules = output.summary.totalCruised;
if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} dependency problem(s) in ${modules} modules.`);
  process.exit(1);
}
console.log(`Dependencies: ${modules} modules, no rule broken, no folder cycle.`);
