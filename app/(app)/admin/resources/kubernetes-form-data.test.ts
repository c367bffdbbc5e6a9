import { describe, expect, it } from 'vitest';
import { createResourceInput, updateResourceInput } from '@/server/resources/resource-schemas';
import { createInputFromForm, updateInputFromForm } from './resource-form-data';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

function kubeForm(values: Record<string, string>): FormData {
  const form = new FormData();
  const all = {
    type: 'kubernetes',
    name: 'prod-cluster',
    description: '',
    tags: 'env=prod',
    accessMode: 'open',
    recording: 'on',
    retentionDays: '',
    ...values,
  };
  for (const [key, value] of Object.entries(all)) form.set(key, value);
  form.append('allowedRoles', 'engineer');
  return form;
}

describe('the Kubernetes resource form', () => {
  it('sends the cluster and scope the server accepts, with no host or user of its own', () => {
    const form = kubeForm({ apiUrl: 'https://10.0.0.1:6443/', ca: CA, token: 'eyJhbGciOi.x.y', namespaces: 'web, payments  jobs', labelSelector: 'app=web' });
    const parsed = createResourceInput.parse(createInputFromForm(form));
    expect(parsed).toMatchObject({
      type: 'kubernetes',
      apiUrl: 'https://10.0.0.1:6443',
      host: '10.0.0.1',
      port: 6443,
      namespaces: ['web', 'payments', 'jobs'],
      labelSelector: 'app=web',
      token: 'eyJhbGciOi.x.y',
      tls: { mode: 'verify-full', ca: CA },
    });
  });

  it('shows a plain http:// API server as an error on its field', () => {
    const result = createResourceInput.safeParse(
      createInputFromForm(kubeForm({ apiUrl: 'http://10.0.0.1:6443', ca: '', token: 't', namespaces: '', labelSelector: '' })),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain('apiUrl');
  });

  it('keeps the stored token on edit when the field is left empty', () => {
    const input = updateInputFromForm(kubeForm({ apiUrl: 'https://k8s.internal', ca: CA, token: '', namespaces: 'web', labelSelector: '' }));
    const parsed = updateResourceInput.parse(input);
    expect(parsed.token).toBeUndefined();
    expect(parsed).toMatchObject({ apiUrl: 'https://k8s.internal', namespaces: ['web'] });
    expect(parsed.host).toBeUndefined();
    expect(parsed.username).toBeUndefined();
  });
});
