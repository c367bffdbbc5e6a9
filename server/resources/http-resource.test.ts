import { expect, it } from 'vitest';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { makeAdmin, makeResource } from '@/test/factories';
import { requireResource } from './find-resource';
import { openCredentials } from './resource-credentials';
import { resourceView, type CreateResourceInput } from './resource-schemas';
import { updateResource } from './update-resource';
import { createResource } from './create-resource';

const input = (overrides: Partial<Extract<CreateResourceInput, { type: 'http' }>> = {}): CreateResourceInput => ({
  type: 'http',
  name: `api-${Math.random().toString(36).slice(2)}`,
  baseUrl: 'https://api.internal:8443/v1/',
  auth: { kind: 'bearer' },
  credential: 'sk-http-resource-test-credential',
  ...overrides,
});

describeEachDriver('http resources', () => {
  it('takes host and port from the base URL and never shows the credential', async () => {
    const view = await makeResource(input());
    expect(view).toMatchObject({
      type: 'http',
      host: 'api.internal',
      port: 8443,
      tlsMode: 'verify-full',
      hasCredential: true,
      http: { baseUrl: 'https://api.internal:8443/v1', auth: { kind: 'bearer' } },
    });
    expect(resourceView.strict().safeParse(view).success).toBe(true);
    expect(JSON.stringify(view)).not.toContain('sk-http-resource-test-credential');
    const row = await requireResource(view.id);
    expect(row.credentials).not.toContain('sk-http-resource-test-credential');
    expect(openCredentials(row.id, row.credentials).password).toBe('sk-http-resource-test-credential');
  });

  it('refuses a base URL with credentials, a metadata host, a missing credential or a reserved header', async () => {
    const { actor } = await makeAdmin();
    for (const bad of [
      input({ baseUrl: 'https://user:pw@api.internal' }),
      input({ baseUrl: 'http://169.254.169.254/latest' }),
      input({ baseUrl: 'ftp://api.internal' }),
      input({ credential: '' }),
      input({ auth: { kind: 'header', name: 'Host' } }),
    ]) {
      await rejectsWith(createResource({ actor, input: bad }), 'VALIDATION');
    }
    expect((await createResource({ actor, input: input({ auth: { kind: 'none' }, credential: undefined }) })).hasCredential).toBe(false);
  });

  it('drops the stored credential when the base URL moves to another origin, unless it is given again', async () => {
    const { actor } = await makeAdmin();
    const view = await makeResource(input());
    // Same origin, another path: the credential stays.
    await updateResource({ actor, resourceId: view.id, input: { baseUrl: 'https://api.internal:8443/v2', auth: { kind: 'header', name: 'X-Api-Key' } } });
    let row = await requireResource(view.id);
    expect(openCredentials(row.id, row.credentials).password).toBe('sk-http-resource-test-credential');
    expect(row.settings?.http).toEqual({ baseUrl: 'https://api.internal:8443/v2', auth: { kind: 'header', name: 'X-Api-Key' } });
    // Another origin: refused without the credential, saved with it.
    await rejectsWith(updateResource({ actor, resourceId: view.id, input: { baseUrl: 'https://evil.example/v1' } }), 'VALIDATION');
    await updateResource({ actor, resourceId: view.id, input: { baseUrl: 'https://other.internal/v1', credential: 'sk-new-one-for-other' } });
    row = await requireResource(view.id);
    expect({ host: row.host, port: row.port }).toEqual({ host: 'other.internal', port: 443 });
    expect(openCredentials(row.id, row.credentials).password).toBe('sk-new-one-for-other');
  });
});
