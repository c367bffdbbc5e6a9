// Types for scripts/build-server.mjs (a plain Node script, so `npm run build` needs no compiler).
export declare const OUT_DIR: string;
export declare const ENTRY_POINTS: Record<string, string>;
export declare function packageName(specifier: string): string;
export declare function missingRuntimePackages(externalImports: string[], dependencies: Record<string, string>): string[];
export declare function buildServer(options?: { outDir?: string }): Promise<string[]>;
