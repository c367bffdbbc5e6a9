import { formatDuration } from '@/lib/format/duration';
import { SelectField, TextField } from '../ui/Field';
import { CheckboxGroup } from '@/components/ui/CheckboxGroup';
import { FormSection as Section } from './FormSection';
import type { ResourceFormValues } from './resource-form-values';
import { ROLE_LABELS, ROLE_ORDER } from './roles';

const ROLE_OPTIONS = ROLE_ORDER.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/**
 * Who may connect, how long a session may go without input, and what is kept of their sessions.
 * `defaultIdleMinutes`: the installation's idle limit (PORTHOLE_SESSION_INPUT_IDLE_MINUTES; 0: none).
 */
export function ResourcePolicyFields({
  initial,
  fields,
  defaultIdleMinutes,
}: {
  initial?: ResourceFormValues;
  fields?: Record<string, string[] | undefined>;
  defaultIdleMinutes: number;
}) {
  return (
    <>
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
          legend="Who can connect when open"
          name="allowedRoles"
          hint="A resource that needs approval takes requests from anyone signed in; its approvers decide who connects."
          options={ROLE_OPTIONS}
          defaultValues={initial?.allowedRoles ?? ['engineer']}
          isInline
          error={fields?.allowedRoles}
        />
      </Section>

      <Section title="Sessions">
        <TextField
          label="End sessions after (minutes without input)"
          name="inputIdleMinutes"
          type="number"
          min={0}
          max={1440}
          step="0.01"
          inputMode="decimal"
          defaultValue={initial?.inputIdleMinutes ?? ''}
          placeholder="Default"
          hint={`Empty follows the installation's default (${defaultIdleMinutes > 0 ? formatDuration(defaultIdleMinutes * 60) : 'never'}); 0 never ends them. Input is a key, a statement or a request; the engineer is warned a minute before (halfway through a limit under two minutes). Not the HTTP proxy, whose sessions end after 5 minutes without a request.`}
          error={fields?.inputIdleMinutes}
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
        <SelectField
          label="Record sessions"
          name="recording"
          defaultValue={initial?.recording ?? 'on'}
          hint="Off is for low-risk resources such as a sandbox: sessions are still masked and audited, but nothing is kept to replay. Engineers see “Not recorded” before they connect."
          error={fields?.recording}
        >
          <option value="on">On: record every session</option>
          <option value="off">Off: not recorded</option>
        </SelectField>
      </Section>
    </>
  );
}
