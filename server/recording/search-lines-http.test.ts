import { Terminal } from '@xterm/headless';
import { expect, it } from 'vitest';
import { encodeHttpEvent } from '@/lib/recording/http-events';
import { SearchLines } from './search-lines';

it('makes an HTTP recording searchable by its requests and failures', () => {
  const terminal = new Terminal({ cols: 80, rows: 24, allowProposedApi: true });
  const lines = new SearchLines(terminal, () => 0, null);
  const body = { body: '', bodySize: 0, truncated: false, bodySha256: null };
  lines.addMarker(
    1,
    Buffer.from(
      encodeHttpEvent({ http: 'request', n: 0, id: 'a', at: '2026-12-04T10:00:00.000Z', method: 'GET', url: '/v1/users?limit=5', headers: [], ...body }),
    ),
  );
  lines.addMarker(2, Buffer.from(encodeHttpEvent({ http: 'error', n: 0, id: 'a', message: 'Connection refused by api:443', durationMs: 3 })));
  expect(lines.lines).toEqual([
    { kind: 'sql', t: 1, text: 'GET /v1/users?limit=5', failed: false },
    { kind: 'sql', t: 2, text: 'Connection refused by api:443', failed: true },
  ]);
  terminal.dispose();
});
