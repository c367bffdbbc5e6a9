import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

describe('the request proxy', () => {
  it('refuses an address holding a NUL character with a clear 400 before any page or route runs', async () => {
    const refused = proxy(new NextRequest('http://localhost:3000/resources?q=%00'));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: { code: 'BAD_REQUEST', message: 'The address contains a NUL character (%00).' } });
    expect(proxy(new NextRequest('http://localhost:3000/api/v1/audit?actor=a%00b')).status).toBe(400);
    expect(proxy(new NextRequest('http://localhost:3000/resources?q=db%2001')).status).toBe(200);
  });
});
