// Types for scripts/bench/bundle-script.mjs (plain Node, so the benchmarks can bundle before anything is compiled).
export declare function bundleScript(entry: string, tree?: string): Promise<string>;
