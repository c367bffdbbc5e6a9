export function compileWat(file: string): Promise<Uint8Array>;
