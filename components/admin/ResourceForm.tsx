'use client';

import Link from 'next/link';
import { useId, useState, type ReactNode } from 'react';
import { Alert } from '../ui/Alert';
import { Button, buttonClass } from '../ui/Button';
import { SelectField, TextAreaField, TextField, inputClass } from '../ui/Field';
import type { FormState } from '../ui/form-state';
import { CheckboxGroup } from './CheckboxGroup';
import { DEFAULT_PORTS, type ResourceFormValues, type ResourceType, type TlsMode } from './resource-form-values';
import { ROLE_LABELS, ROLE_ORDER } from './roles';
import { useFormAction } from './use-form-action';

const ROLE_OPTIONS = ROLE_ORDER.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

const TLS_HINTS: Record<TlsMode, string> = {
  'verify-full': 'Encrypted, and the server must show a certificate from this CA for this host name. The default when a CA is given.',
  require: 'Encrypted, but the certificate is not checked, so a machine in the middle could pose as the server. The default without a CA.',
  disable: 'Not encrypted: passwords and results cross the network in clear text. Only for a server on a trusted network.',
};

function Section({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id={id} className="text-sm font-semibold">
        {title}
      </h2>
      {description ? <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{description}</p> : null}
      <div className="mt-4 space-y-4">{children}</div>
    </section>
  );
}

/**
 * Create and edit form for a resource. On edit the credential fields start empty: stored
 * secrets never reach the browser, and an empty field keeps what is stored.
 */
export function ResourceForm({ action, initial }: { action: (prev: FormState, form: FormData) => Promise<FormState>; initial?: ResourceFormValues }) {
  const isEdit = initial !== undefined;
  const { state, alert, isPending, formProps } = useFormAction(action);
  const [type, setType] = useState<ResourceType>(initial?.type ?? 'ssh');
  const [port, setPort] = useState(String(initial?.port ?? DEFAULT_PORTS.ssh));
  // A new database resource encrypts by default and verifies once a CA is pasted, until the
  // admin picks a TLS mode themselves.
  const [tls, setTls] = useState<TlsMode>(initial?.tlsMode ?? 'require');
  const [isTlsChosen, setIsTlsChosen] = useState(isEdit);
  // Errors belong to the type that was submitted; switching type hides them.
  const [errorsType, setErrorsType] = useState(type);
  const isCurrent = errorsType === type;
  const fields = isCurrent ? state?.fields : undefined;
  const isSsh = type === 'ssh';

  function changeType(next: ResourceType) {
    // Follow the type's default port unless the admin typed another one.
    if (port.trim() === '' || port === String(DEFAULT_PORTS[type])) setPort(String(DEFAULT_PORTS[next]));
    setType(next);
  }

  return (
    <form {...formProps} onSubmitCapture={() => setErrorsType(type)} className="space-y-4">
      <Section title="Resource">
        <SelectField
          label="Type"
          name="type"
          value={type}
          onChange={(event) => changeType(event.target.value as ResourceType)}
          disabled={isEdit}
          className={`${inputClass} disabled:cursor-not-allowed disabled:bg-zinc-100 disabled:text-zinc-500 dark:disabled:bg-zinc-800/60 dark:disabled:text-zinc-400`}
          hint={isEdit ? 'The type of a resource cannot change. Add a new resource instead.' : undefined}
          error={fields?.type}
        >
          <option value="ssh">SSH</option>
          <option value="postgres">PostgreSQL</option>
          <option value="mysql">MySQL</option>
        </SelectField>
        <TextField label="Name" name="name" defaultValue={initial?.name} autoComplete="off" required placeholder="billing-db-prod" error={fields?.name} />
        <TextField
          label="Description"
          name="description"
          defaultValue={initial?.description}
          autoComplete="off"
          placeholder="What it is and who uses it"
          error={fields?.description}
        />
        <TextField
          label="Tags"
          name="tags"
          defaultValue={initial?.tags.join(' ')}
          autoComplete="off"
          placeholder="env=prod team-a"
          hint={'Separate with spaces or commas, e.g. "env=prod team-a".'}
          error={fields?.tags}
        />
      </Section>

      <Section
        title="Connection"
        description={
          isEdit
            ? isSsh
              ? 'Changing the host, port or username clears the stored password, private key and pinned host key: enter them again below.'
              : 'Changing the host, port, username or database clears the stored password: enter it again below.'
            : undefined
        }
      >
        <div className="grid grid-cols-[1fr_7rem] gap-3">
          <TextField
            label="Host"
            name="host"
            defaultValue={initial?.host}
            autoComplete="off"
            spellCheck={false}
            required
            placeholder="10.0.4.12 or db.internal"
            error={fields?.host}
          />
          <TextField
            label="Port"
            name="port"
            value={port}
            onChange={(event) => setPort(event.target.value)}
            inputMode="numeric"
            autoComplete="off"
            required
            error={fields?.port}
          />
        </div>
        <TextField
          label="Username"
          name="username"
          defaultValue={initial?.username}
          autoComplete="off"
          spellCheck={false}
          required
          hint={isSsh ? 'The account Porthole signs in as on the host.' : 'The database user Porthole signs in as.'}
          error={fields?.username}
        />
        {isSsh ? null : (
          <>
            <TextField
              label="Database"
              name="database"
              defaultValue={initial?.database ?? ''}
              autoComplete="off"
              spellCheck={false}
              required
              error={fields?.database}
            />
            <SelectField
              label="TLS"
              name="tls"
              value={tls}
              onChange={(event) => {
                setTls(event.target.value as TlsMode);
                setIsTlsChosen(true);
              }}
              hint={TLS_HINTS[tls]}
              error={fields?.tls}
            >
              <option value="disable">Disable</option>
              <option value="require">Require (no certificate check)</option>
              <option value="verify-full">Verify full (certificate and host name)</option>
            </SelectField>
            {tls === 'disable' ? null : (
              <TextAreaField
                label={tls === 'verify-full' ? 'CA certificate' : 'CA certificate (optional)'}
                name="ca"
                rows={5}
                defaultValue={initial?.ca}
                spellCheck={false}
                placeholder="-----BEGIN CERTIFICATE-----"
                onChange={(event) => {
                  if (!isTlsChosen) setTls(event.target.value.trim() ? 'verify-full' : 'require');
                }}
                hint={
                  tls === 'verify-full'
                    ? "PEM of the CA that signed the server's certificate."
                    : 'Paste the PEM of the CA that signed the server’s certificate to verify it (Verify full).'
                }
                error={fields?.ca}
              />
            )}
          </>
        )}
      </Section>

      <Section
        title="Credentials"
        description={
          isEdit
            ? 'Stored encrypted and never shown. Leave a field empty to keep what is stored (unless the connection above changes).'
            : isSsh
              ? 'Give a password, a private key, or both. Stored encrypted and never shown again.'
              : 'Stored encrypted and never shown again.'
        }
      >
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint={
            isEdit ? (initial.hasPassword ? 'Leave empty to keep the stored password.' : 'No password stored. Leave empty to keep it that way.') : undefined
          }
          error={fields?.password}
        />
        {isSsh ? (
          <>
            <TextAreaField
              label="Private key"
              name="privateKey"
              rows={6}
              spellCheck={false}
              autoComplete="off"
              placeholder="-----BEGIN OPENSSH PRIVATE KEY-----"
              hint={
                isEdit
                  ? initial.hasPrivateKey
                    ? 'Leave empty to keep the stored private key.'
                    : 'No private key stored. Paste one to add it.'
                  : 'OpenSSH or PEM format.'
              }
              error={fields?.privateKey}
            />
            <TextField
              label="Passphrase"
              name="passphrase"
              type="password"
              autoComplete="new-password"
              hint={isEdit ? 'Only for an encrypted private key. Leave empty to keep the stored passphrase.' : 'Only for an encrypted private key.'}
              error={fields?.passphrase}
            />
          </>
        ) : null}
      </Section>

      <Section title="Access">
        <SelectField
          label="Access mode"
          name="accessMode"
          // Fail closed: a new resource needs approval until an admin chooses to open it.
          defaultValue={initial?.accessMode ?? 'approval'}
          hint="Needs approval: every connection needs an approved request. Open: the roles below connect directly."
          error={fields?.accessMode}
        >
          <option value="approval">Needs approval</option>
          <option value="open">Open</option>
        </SelectField>
        <CheckboxGroup
          legend="Who can connect"
          name="allowedRoles"
          options={ROLE_OPTIONS}
          defaultValues={initial?.allowedRoles ?? ['engineer']}
          isInline
          error={fields?.allowedRoles}
        />
      </Section>

      <Section title="Recordings">
        <TextField
          label="Keep recordings for (days)"
          name="retentionDays"
          type="number"
          min={0}
          inputMode="numeric"
          defaultValue={initial?.retentionDays ?? ''}
          placeholder="Default"
          hint="Empty follows the installation's default (Retention & holds); 0 keeps them forever. Legal holds always win."
          error={fields?.retentionDays}
        />
      </Section>

      {alert && (state?.ok || isCurrent) ? <Alert tone={state?.ok ? 'success' : 'error'}>{alert}</Alert> : null}
      <div className="flex items-center gap-2">
        <Button type="submit" disabled={isPending}>
          {isEdit ? 'Save changes' : 'Create resource'}
        </Button>
        <Link href="/admin/resources" className={buttonClass('ghost')}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
