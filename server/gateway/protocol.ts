/**
 * The wire protocol lives in lib/ so the browser can share it (client code may not import
 * server/**). This re-export keeps the gateway's imports stable.
 */
export * from '@/lib/protocol/terminal-protocol';
