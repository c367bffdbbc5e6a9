import { TextAreaField, TextField } from '../ui/Field';
import { FormSection as Section } from './FormSection';
import type { ResourceFormValues } from './resource-form-values';

/** Password, private key and passphrase: never prefilled, empty keeps what is stored. */
export function ResourceCredentialFields({
  initial,
  isSsh,
  fields,
}: {
  initial?: ResourceFormValues;
  isSsh: boolean;
  fields?: Record<string, string[] | undefined>;
}) {
  const isEdit = initial !== undefined;
  return (
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
        hint={isEdit ? (initial.hasPassword ? 'Leave empty to keep the stored password.' : 'No password stored. Leave empty to keep it that way.') : undefined}
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
  );
}
