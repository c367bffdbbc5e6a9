/** Types for scripts/folder-cycles.mjs (plain JavaScript, run by scripts/check-deps.mjs without a build). */
export function serverPart(file: string): string | null;
export function folderEdges(modules: ReadonlyArray<{ source: string; dependencies: ReadonlyArray<{ resolved: string }> }>): Map<string, string[]>;
export function folderCycles(edges: Map<string, string[]>): Array<Array<[string, string]>>;
export function folderCycleProblems(edges: Map<string, string[]>): string[];
