'use client';

import { useState } from 'react';
import { SelectField, TextAreaField, TextField } from '../ui/Field';
import { FormSection as Section } from './FormSection';
import type { ResourceFormValues } from './resource-form-values';

type Props = { initial?: ResourceFormValues; fields?: Record<string, string[] | undefined> };
type AuthKind = 'bearer' | 'basic' | 'header' | 'none';

const AUTH_HINTS: Record<AuthKind, string> = {
  bearer: 'Sent as Authorization: Bearer <credential>.',
  basic: 'Sent as Authorization: Basic, with the user name below and the credential as the password.',
  header: 'Sent in the header named below, e.g. X-API-Key: <credential>.',
  none: 'Porthole adds nothing: the API needs no credential, or the network is the control.',
};

/**
 * An HTTP API's base URL, how its certificate is checked, and the credential Porthole injects
 * into every request (bearer, basic or a named header). The credential is write-only: engineers
 * never see it, and the form never shows it again.
 */
export function HttpResourceFields({ initial, fields }: Props) {
  const settings = initial?.http;
  const [baseUrl, setBaseUrl] = useState(settings?.baseUrl ?? '');
  const [auth, setAuth] = useState<AuthKind>(settings?.auth.kind ?? 'bearer');
  const [tls, setTls] = useState<'verify-full' | 'require'>(initial?.tlsMode === 'require' ? 'require' : 'verify-full');
  const isHttps = !baseUrl.trim().toLowerCase().startsWith('http:');
  return (
    <>
      <Section title="API" description="Engineers send requests relative to this URL; Porthole refuses paths that leave it.">
        <TextField
          label="Base URL"
          name="baseUrl"
          type="url"
          value={baseUrl}
          onChange={(event) => setBaseUrl(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          required
          placeholder="https://api.internal:8443/v1"
          hint={isHttps ? undefined : 'Plain HTTP: the credential crosses the network in clear text. Only for an API on a trusted network.'}
          error={fields?.baseUrl}
        />
        {isHttps ? <TlsFields tls={tls} onTls={setTls} initialCa={initial?.ca} fields={fields} /> : null}
      </Section>
      <Section
        title="Credential"
        description="Porthole adds it to every request on the way out and masks it everywhere: engineers, recordings and exports never see it."
      >
        <SelectField label="Authentication" name="authKind" value={auth} onChange={(e) => setAuth(e.target.value as AuthKind)} hint={AUTH_HINTS[auth]}>
          <option value="bearer">Bearer token</option>
          <option value="basic">Basic (user name and password)</option>
          <option value="header">API key in a header</option>
          <option value="none">None</option>
        </SelectField>
        {auth === 'basic' ? (
          <TextField
            label="User name"
            name="authUsername"
            defaultValue={settings?.auth.kind === 'basic' ? settings.auth.username : ''}
            autoComplete="off"
            spellCheck={false}
            required
            error={fields?.authUsername}
          />
        ) : null}
        {auth === 'header' ? (
          <TextField
            label="Header name"
            name="authHeader"
            defaultValue={settings?.auth.kind === 'header' ? settings.auth.name : ''}
            autoComplete="off"
            spellCheck={false}
            required
            placeholder="X-API-Key"
            error={fields?.authHeader}
          />
        ) : null}
        {auth === 'none' ? null : <CredentialField initial={initial} fields={fields} />}
      </Section>
    </>
  );
}

function TlsFields({
  tls,
  onTls,
  initialCa,
  fields,
}: {
  tls: 'verify-full' | 'require';
  onTls: (tls: 'verify-full' | 'require') => void;
  initialCa?: string;
  fields?: Props['fields'];
}) {
  return (
    <>
      <SelectField
        label="Certificate check"
        name="tls"
        value={tls}
        onChange={(e) => onTls(e.target.value as 'verify-full' | 'require')}
        hint={
          tls === 'verify-full'
            ? 'The API must show a certificate for its host name from a CA you trust: the system’s, or the one below.'
            : 'Encrypted, but the certificate is not checked: a machine in the middle could pose as the API and receive the credential.'
        }
        error={fields?.tls}
      >
        <option value="verify-full">Verify (certificate and host name)</option>
        <option value="require">Do not check the certificate</option>
      </SelectField>
      {tls === 'verify-full' ? (
        <TextAreaField
          label="CA certificate (optional)"
          name="ca"
          rows={4}
          defaultValue={initialCa}
          spellCheck={false}
          placeholder="-----BEGIN CERTIFICATE-----"
          hint="PEM of a private CA that signed the API’s certificate. Empty: the system’s CAs."
          error={fields?.ca}
        />
      ) : null}
    </>
  );
}

function CredentialField({ initial, fields }: Props) {
  const isEdit = initial !== undefined;
  return (
    <TextField
      label="Credential"
      name="credential"
      type="password"
      autoComplete="new-password"
      required={!isEdit}
      hint={
        isEdit
          ? initial.hasCredential
            ? 'Stored encrypted and never shown. Leave empty to keep the stored credential.'
            : 'No credential stored. Paste one before anyone connects.'
          : 'Stored encrypted and never shown again.'
      }
      error={fields?.credential}
    />
  );
}
