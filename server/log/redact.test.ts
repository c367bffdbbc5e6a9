import { describe, expect, it } from 'vitest';
import { REDACTED, redactLogObject, scrubSecrets } from './redact';

describe('redactLogObject', () => {
  it('replaces values under secret-sounding keys at any depth, keeps the rest', () => {
    const input = {
      userId: 'u1',
      password: 'hunter2hunter2',
      headers: { authorization: 'Bearer abc', cookie: 'a=b', 'x-request-id': 'r1' },
      resource: { credentials: { privateKey: 'KEY' }, host: 'db.internal' },
      config: { DATABASE_URL: 'postgres://u:p@h/d', clientSecret: 's', apiKey: 'k' },
      list: [{ token: 't' }],
      tokenPrefix: 'pht_abcd',
    };
    expect(redactLogObject(input)).toEqual({
      userId: 'u1',
      password: REDACTED,
      headers: { authorization: REDACTED, cookie: REDACTED, 'x-request-id': 'r1' },
      resource: { credentials: REDACTED, host: 'db.internal' },
      config: { DATABASE_URL: REDACTED, clientSecret: REDACTED, apiKey: REDACTED },
      list: [{ token: REDACTED }],
      tokenPrefix: 'pht_abcd',
    });
    expect(input.password).toBe('hunter2hunter2');
  });

  it('survives cycles', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(() => redactLogObject(a)).not.toThrow();
  });
});

describe('scrubSecrets', () => {
  it.each([
    ['cannot connect to postgres://porthole:s3cr3t-pw@db:5432/porthole', 's3cr3t-pw', 'postgres://porthole:[redacted]@db:5432/porthole'],
    ['upstream said: Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc', 'eyJhbGciOiJIUzI1NiJ9', 'Bearer [redacted]'],
    ['token pht_Zm9vYmFyYmF6cXV4cXV1eA in a message', 'pht_Zm9vYmFyYmF6cXV4cXV1eA', 'pht_[redacted]'],
    ['GET /ws/sessions/1?ticket=abc123def456&cols=80', 'abc123def456', 'ticket=[redacted]&cols=80'],
    ['{"msg":"host=db password=pa55word user=x"}', 'pa55word', 'password=[redacted] user=x'],
    ['-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjE\\n-----END OPENSSH PRIVATE KEY-----', 'b3BlbnNzaC1rZXktdjE', '[redacted]'],
  ])('scrubs %s', (line, secret, kept) => {
    const scrubbed = scrubSecrets(line);
    expect(scrubbed).not.toContain(secret);
    expect(scrubbed).toContain(kept);
  });

  it('leaves ordinary lines alone', () => {
    const line = '{"level":"info","sessionId":"3f2c","msg":"terminal session started","bytesOut":120}';
    expect(scrubSecrets(line)).toBe(line);
  });
});

describe('logged errors', () => {
  it('drop the parameters of a failed query (drizzle puts them in the message and stack)', async () => {
    const { captureLogs } = await import('@/test/harness/capture-logs');
    const { log } = await import('./logger');
    const logs = captureLogs();
    const error = Object.assign(
      new Error('Failed query: insert into "users" ("email", "password_hash") values ($1, $2)\nparams: ada@example.test,$argon2id$v=19$m=19456$c2FsdHNhbHQ'),
      {
        query: 'insert into "users" ("email", "password_hash") values ($1, $2)',
        params: ['ada@example.test', '$argon2id$v=19$m=19456$c2FsdHNhbHQ'],
      },
    );
    log().error({ err: error }, 'insert failed');
    logs.restore();
    const [entry] = logs.entries();
    expect(JSON.stringify(entry)).not.toMatch(/argon2id|ada@example/);
    expect(JSON.stringify(entry)).toMatch(/Failed query: insert into/);
  });

  it('drop parameters that span lines (a buffer of recorded bytes, text with line breaks), keeping the stack frames', async () => {
    const { captureLogs } = await import('@/test/harness/capture-logs');
    const { log } = await import('./logger');
    const logs = captureLogs();
    const recorded = Buffer.from('first line\nAKIA-recorded-bytes\nthird line');
    const error = Object.assign(new Error(`Failed query: insert into "recording_frames" ("data") values ($1)\nparams: ${recorded.toString()},true`), {
      params: [recorded, true],
    });
    log().error({ err: error }, 'recording failed');
    logs.restore();
    const logged = JSON.stringify(logs.entries()[0]);
    expect(logged).not.toMatch(/AKIA-recorded-bytes|third line/);
    expect(logged).toMatch(/Failed query: insert into/);
    expect(logged).toMatch(/params: \[redacted\]/);
    // The stack keeps its frames after the redacted parameters.
    expect(logged).toMatch(/redact\.test\.ts/);
  });
});
