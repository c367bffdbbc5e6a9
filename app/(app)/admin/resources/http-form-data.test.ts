import { describe, expect, it } from 'vitest';
import { createResourceInput, updateResourceInput } from '@/server/resources/resource-schemas';
import { createInputFromForm, updateInputFromForm } from './resource-form-data';

function httpForm(values: Record<string, string>): FormData {
  const form = new FormData();
  const all = { type: 'http', name: 'billing-api', description: '', tags: '', accessMode: 'open', recording: 'on', retentionDays: '', ...values };
  for (const [key, value] of Object.entries(all)) form.set(key, value);
  form.append('allowedRoles', 'engineer');
  return form;
}

describe('the HTTP API resource form', () => {
  it('sends a bearer API the server accepts: host and port from the base URL, the certificate verified', () => {
    const form = httpForm({ baseUrl: 'https://api.internal:8443/v1/', tls: 'verify-full', ca: '', authKind: 'bearer', credential: 'tok-123' });
    expect(createResourceInput.parse(createInputFromForm(form))).toMatchObject({
      type: 'http',
      baseUrl: 'https://api.internal:8443/v1',
      host: 'api.internal',
      port: 8443,
      tls: { mode: 'verify-full' },
      auth: { kind: 'bearer' },
      credential: 'tok-123',
    });
  });

  it('sends basic auth with its user name, a header with its name, and no TLS for a plain http:// URL', () => {
    const basic = createResourceInput.parse(
      createInputFromForm(httpForm({ baseUrl: 'http://127.0.0.1:8080', tls: 'verify-full', authKind: 'basic', authUsername: 'svc', credential: 'pw' })),
    );
    expect(basic).toMatchObject({ auth: { kind: 'basic', username: 'svc' }, tls: { mode: 'disable' }, port: 8080 });
    const header = createResourceInput.parse(
      createInputFromForm(httpForm({ baseUrl: 'https://api.internal', tls: 'require', authKind: 'header', authHeader: 'X-Api-Key', credential: 'k' })),
    );
    expect(header).toMatchObject({ auth: { kind: 'header', name: 'X-Api-Key' }, tls: { mode: 'require' } });
  });

  it('shows a missing header name and a missing credential on their fields', () => {
    const result = createResourceInput.safeParse(
      createInputFromForm(httpForm({ baseUrl: 'https://api.internal', authKind: 'header', authHeader: '', credential: '' })),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(expect.arrayContaining(['auth.name']));
    const noSecret = createResourceInput.safeParse(createInputFromForm(httpForm({ baseUrl: 'https://api.internal', authKind: 'bearer', credential: '' })));
    expect(noSecret.error?.issues.map((issue) => issue.path.join('.'))).toContain('credential');
  });

  it('keeps the stored credential on edit when the field is left empty', () => {
    const parsed = updateResourceInput.parse(updateInputFromForm(httpForm({ baseUrl: 'https://api.internal/v2', authKind: 'bearer', credential: '' })));
    expect(parsed.credential).toBeUndefined();
    expect(parsed).toMatchObject({ baseUrl: 'https://api.internal/v2', auth: { kind: 'bearer' } });
    expect(parsed.host).toBeUndefined();
  });
});
