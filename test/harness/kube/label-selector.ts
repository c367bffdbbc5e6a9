/** Kubernetes label selectors, as `?labelSelector=` sends them: requirements joined by commas (AND). */

type Requirement = (labels: Record<string, string>) => boolean;

/** Splits on the commas between requirements, not those inside `in (a,b)`. */
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

function parseRequirement(text: string): Requirement {
  const set = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(text);
  if (set) {
    const [, key, operator, list] = set as unknown as [string, string, string, string];
    const values = new Set(list.split(',').map((value) => value.trim()));
    return operator === 'in' ? (labels) => key in labels && values.has(labels[key]!) : (labels) => !(key in labels && values.has(labels[key]!));
  }
  const equality = /^([\w./-]+)\s*(==|=|!=)\s*([\w./-]*)$/.exec(text);
  if (equality) {
    const [, key, operator, value] = equality as unknown as [string, string, string, string];
    return operator === '!=' ? (labels) => labels[key] !== value : (labels) => labels[key] === value;
  }
  const exists = /^(!?)([\w./-]+)$/.exec(text);
  if (exists) {
    const [, negated, key] = exists as unknown as [string, string, string];
    return negated ? (labels) => !(key in labels) : (labels) => key in labels;
  }
  throw new Error(`unable to parse requirement: ${text}`);
}

/** A matcher for the selector; throws on a selector the real API server would reject too. */
export function parseLabelSelector(selector: string | null): (labels: Record<string, string>) => boolean {
  const requirements = splitRequirements(selector ?? '').map(parseRequirement);
  return (labels) => requirements.every((matches) => matches(labels));
}
