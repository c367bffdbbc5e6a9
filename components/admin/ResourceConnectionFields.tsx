import { useState } from 'react';
import { SelectField, TextAreaField, TextField } from '../ui/Field';
import { FormSection as Section } from './FormSection';
import type { ResourceFormValues, TlsMode } from './resource-form-values';

const TLS_HINTS: Record<TlsMode, string> = {
  'verify-full': 'Encrypted, and the server must show a certificate from this CA for this host name. The default when a CA is given.',
  require: 'Encrypted, but the certificate is not checked, so a machine in the middle could pose as the server. The default without a CA.',
  disable: 'Not encrypted: passwords and results cross the network in clear text. Only for a server on a trusted network.',
};

type Props = {
  initial?: ResourceFormValues;
  isSsh: boolean;
  port: string;
  onPortChange: (port: string) => void;
  fields?: Record<string, string[] | undefined>;
};

/** Where Porthole connects: host, port, account, and for databases the database and TLS. */
export function ResourceConnectionFields({ initial, isSsh, port, onPortChange: setPort, fields }: Props) {
  const isEdit = initial !== undefined;
  return (
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
      {isSsh ? null : <DatabaseFields initial={initial} fields={fields} />}
    </Section>
  );
}

/** The database name and how the connection is encrypted. */
function DatabaseFields({ initial, fields }: Pick<Props, 'initial' | 'fields'>) {
  // A new database resource encrypts by default and verifies once a CA is pasted, until the
  // admin picks a TLS mode themselves.
  const [tls, setTls] = useState<TlsMode>(initial?.tlsMode ?? 'require');
  const [isTlsChosen, setIsTlsChosen] = useState(initial !== undefined);
  return (
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
  );
}
