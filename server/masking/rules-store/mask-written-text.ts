import { maskText } from '../mask-text';
import { applicableCustomRules, loadRuleSet, maskerFor } from './load-masking';

/**
 * Text people write that Porthole stores, searches and shows to others (notes, snippets, the
 * reason for an access request, an approver's comment), masked with the installation's rules
 * (built-ins as configured, every enabled custom rule) before it is stored: a token pasted into
 * a note is a secret stored like one printed in a terminal. `undefined` and `null` pass through.
 */
export async function maskWrittenText<T extends Record<string, string | string[] | null | undefined>>(fields: T): Promise<T> {
  const { overrides, custom } = await loadRuleSet();
  const masker = maskerFor(overrides, applicableCustomRules(custom));
  const mask = (text: string) => (text === '' ? text : maskText(masker, text).output.toString('utf8'));
  const masked: Record<string, string | string[] | null | undefined> = {};
  for (const [key, value] of Object.entries(fields)) masked[key] = typeof value === 'string' ? mask(value) : Array.isArray(value) ? value.map(mask) : value;
  return masked as T;
}
