import { describe, expect, it } from 'vitest';
import { setTestEnv } from '@/test/env';
import { webhookInput } from './webhook-schemas';

const urlErrors = (url: string) => {
  const result = webhookInput.safeParse({ name: 'ops', url, events: ['request.created'] });
  return result.success ? [] : result.error.issues.filter((issue) => issue.path[0] === 'url').map((issue) => issue.message);
};

describe('webhook URLs', () => {
  it('need https:// by default', () => {
    setTestEnv({ PORTHOLE_WEBHOOK_ALLOW_PRIVATE: undefined });
    expect(urlErrors('http://hooks.example.com/x')).toEqual(['Use an https:// URL']);
    expect(urlErrors('http://127.0.0.1:8080/hook')).toEqual(['Use an https:// URL']);
    expect(urlErrors('https://hooks.example.com/x')).toEqual([]);
  });

  it('with private targets allowed, take plain http:// only to this machine', () => {
    setTestEnv({ PORTHOLE_WEBHOOK_ALLOW_PRIVATE: '1' });
    for (const url of ['http://127.0.0.1:8080/hook', 'http://localhost:9000/', 'http://[::1]:9000/']) expect(urlErrors(url), url).toEqual([]);
    for (const url of ['http://hooks.example.com/x', 'http://10.0.0.8/hook', 'http://192.168.1.5/'])
      expect(urlErrors(url), url).toEqual(['Use an https:// URL']);
    expect(urlErrors('https://10.0.0.8/hook')).toEqual([]);
  });
});
