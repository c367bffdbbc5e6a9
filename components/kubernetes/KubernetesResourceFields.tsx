import { TextAreaField, TextField } from '../ui/Field';
import { FormSection as Section } from '../admin/FormSection';
import type { ResourceFormValues } from '../admin/resource-form-values';

type Props = { initial?: ResourceFormValues; fields?: Record<string, string[] | undefined> };

/**
 * A Kubernetes resource's cluster, token and scope. There is no host, user or database to ask
 * for: the API server URL says where, the service-account token says who, and the scope says
 * which pods engineers may open. Porthole checks the token against the scope on save.
 */
export function KubernetesResourceFields({ initial, fields }: Props) {
  const isEdit = initial !== undefined;
  const settings = initial?.kubernetes;
  return (
    <>
      <Section
        title="Cluster"
        description={isEdit ? 'Changing the API server URL clears the stored token: enter it again below.' : 'Porthole reaches the API server over HTTPS only.'}
      >
        <TextField
          label="API server URL"
          name="apiUrl"
          type="url"
          defaultValue={settings?.apiUrl}
          autoComplete="off"
          spellCheck={false}
          required
          placeholder="https://10.0.0.1:6443"
          error={fields?.apiUrl}
        />
        <TextAreaField
          label="CA certificate"
          name="ca"
          rows={5}
          defaultValue={initial?.ca}
          spellCheck={false}
          placeholder="-----BEGIN CERTIFICATE-----"
          hint="PEM of the CA that signed the API server's certificate (a kubeconfig's certificate-authority-data, base64-decoded). Empty: the system's CAs. The certificate is always checked."
          error={fields?.ca}
        />
        <TextField
          label="Service-account token"
          name="token"
          type="password"
          autoComplete="new-password"
          required={!isEdit}
          hint={
            isEdit
              ? initial.hasToken
                ? 'Stored encrypted and never shown. Leave empty to keep the stored token.'
                : 'No token stored. Paste one before anyone connects.'
              : 'Stored encrypted and never shown again. It needs list on pods and create on pods/exec in the namespaces below.'
          }
          error={fields?.token}
        />
      </Section>
      <Section title="Scope" description="Engineers pick only pods inside this scope; Porthole refuses any other.">
        <TextField
          label="Namespaces"
          name="namespaces"
          defaultValue={settings?.namespaces.join(', ')}
          autoComplete="off"
          spellCheck={false}
          placeholder="web, payments"
          hint="Separate with commas or spaces. Empty: every namespace the token may list."
          error={fields?.namespaces}
        />
        <TextField
          label="Label selector"
          name="labelSelector"
          defaultValue={settings?.labelSelector}
          autoComplete="off"
          spellCheck={false}
          placeholder="app=web,tier!=db"
          hint="Only pods matching it are listed and opened. Empty: every pod in the namespaces."
          error={fields?.labelSelector}
        />
      </Section>
    </>
  );
}
