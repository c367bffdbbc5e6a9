import { env } from '../env';

/** A browser's Origin must be Porthole's own public origin (cross-site WebSocket hijacking). */
export function isAllowedOrigin(origin: string): boolean {
  try {
    return new URL(origin).origin === new URL(env().publicUrl).origin;
  } catch {
    return false;
  }
}
