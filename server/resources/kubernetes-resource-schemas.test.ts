import { describe, expect, it } from 'vitest';
import { createResourceInput } from './resource-schemas';

const base = { type: 'kubernetes', name: 'prod', token: 'eyJhbGciOi.x.y' } as const;
const parse = (overrides: Record<string, unknown>) => createResourceInput.safeParse({ ...base, apiUrl: 'https://10.0.0.1:6443', ...overrides });
const message = (overrides: Record<string, unknown>) => {
  const result = parse(overrides);
  return result.success ? undefined : result.error.issues[0]?.message;
};

describe('kubernetes resource input', () => {
  it('takes host and port from the API server URL and always verifies TLS', () => {
    const result = parse({ apiUrl: 'https://k8s.internal/prefix/', tls: { mode: 'disable' } });
    expect(result.success && result.data).toMatchObject({
      host: 'k8s.internal',
      port: 443,
      apiUrl: 'https://k8s.internal/prefix',
      tls: { mode: 'verify-full' },
      namespaces: [],
      labelSelector: '',
      username: '',
    });
  });

  it('refuses what would send the token somewhere it should not go', () => {
    expect(message({ apiUrl: 'http://10.0.0.1:6443' })).toBe('The API server URL must use https://');
    expect(message({ apiUrl: 'https://169.254.169.254/' })).toMatch(/link-local/);
    expect(message({ apiUrl: 'https://user:pw@10.0.0.1/' })).toMatch(/without credentials/);
    expect(message({ apiUrl: 'not a url' })).toMatch(/Enter the API server URL/);
    expect(message({ token: '' })).toBe('Paste the service-account token');
    expect(message({ token: 'two words' })).toMatch(/no spaces/);
    expect(message({ namespaces: ['kube-system', '../etc'] })).toMatch(/namespace name/);
    expect(message({ labelSelector: 'app=web,,' })).toMatch(/Not a label selector/);
    expect(message({ tls: { ca: 'hello' } })).toMatch(/PEM/);
  });
});
