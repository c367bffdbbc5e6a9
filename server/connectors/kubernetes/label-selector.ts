/**
 * Kubernetes label selectors (`app=web,tier!=db,env in (prod,stage),!canary`), parsed and
 * matched here. The selector is sent to the API server as `labelSelector`, and every pod the
 * server returns is matched again with this: a server that ignores the parameter (or a
 * selector it reads differently) cannot widen a resource's scope.
 */
export type LabelRequirement = { key: string; op: 'in' | 'notin'; values: string[] } | { key: string; op: 'exists' | 'notexists' };

const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

export class LabelSelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LabelSelectorError';
  }
}

function checkKey(key: string): string {
  const slash = key.indexOf('/');
  const [prefix, name] = slash === -1 ? [undefined, key] : [key.slice(0, slash), key.slice(slash + 1)];
  if (prefix !== undefined && (prefix.length > 253 || !PREFIX.test(prefix))) throw new LabelSelectorError(`"${key}" has an invalid prefix`);
  if (!NAME.test(name)) throw new LabelSelectorError(`"${key}" is not a valid label key`);
  return key;
}

function checkValue(value: string): string {
  if (!VALUE.test(value)) throw new LabelSelectorError(`"${value}" is not a valid label value`);
  return value;
}

/** Splits on commas outside parentheses: `a in (x,y),b` is two requirements. */
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const char = selector[i];
    if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(selector.slice(start, i));
      start = i + 1;
    }
    if (depth < 0 || depth > 1) throw new LabelSelectorError('Unbalanced parentheses');
  }
  if (depth !== 0) throw new LabelSelectorError('Unbalanced parentheses');
  parts.push(selector.slice(start));
  return parts.map((part) => part.trim());
}

function parseRequirement(text: string): LabelRequirement {
  if (text === '') throw new LabelSelectorError('Empty requirement (check the commas)');
  const set = /^(\S+)\s+(in|notin)\s*\(([^()]*)\)$/.exec(text);
  if (set) {
    const values = set[3]!.split(',').map((value) => checkValue(value.trim()));
    if (values.length === 0 || values.every((value) => value === '')) throw new LabelSelectorError(`"${text}" lists no values`);
    return { key: checkKey(set[1]!), op: set[2] as 'in' | 'notin', values };
  }
  const compare = /^([^=!\s]+)\s*(==|=|!=)\s*([^=!\s]*)$/.exec(text);
  if (compare) {
    const op = compare[2] === '!=' ? 'notin' : 'in';
    return { key: checkKey(compare[1]!), op, values: [checkValue(compare[3]!)] };
  }
  const exists = /^(!?)\s*([^=!\s()]+)$/.exec(text);
  if (exists) return { key: checkKey(exists[2]!), op: exists[1] ? 'notexists' : 'exists' };
  throw new LabelSelectorError(`"${text}" is not a label requirement (use key=value, key!=value, key in (a,b), key or !key)`);
}

/** The requirements of a selector; an empty selector has none (every pod matches). Throws LabelSelectorError. */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  const trimmed = selector.trim();
  if (trimmed === '') return [];
  if (trimmed.length > 1024) throw new LabelSelectorError('The selector is too long');
  return splitRequirements(trimmed).map(parseRequirement);
}

/** Whether a pod's labels satisfy every requirement (an absent key fails `in` and passes `notin`, as in Kubernetes). */
export function matchesLabelSelector(requirements: LabelRequirement[], labels: Record<string, string> | undefined): boolean {
  const has = (key: string) => labels !== undefined && Object.hasOwn(labels, key);
  return requirements.every((requirement) => {
    switch (requirement.op) {
      case 'exists':
        return has(requirement.key);
      case 'notexists':
        return !has(requirement.key);
      case 'in':
        return has(requirement.key) && requirement.values.includes(labels![requirement.key]!);
      case 'notin':
        return !has(requirement.key) || !requirement.values.includes(labels![requirement.key]!);
    }
  });
}
