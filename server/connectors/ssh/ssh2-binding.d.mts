/** Types for ssh2-binding.mjs (plain JavaScript: it runs at `npm install`, before any build). */
export function ssh2BindingFile(fromDir?: string): string;
export function abortsOnGc(bindingFile: string): boolean;
export function unsafeSsh2Binding(fromDir?: string): string | null;
export function setAsideUnsafeSsh2Binding(fromDir?: string): string | null;
