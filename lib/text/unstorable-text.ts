/** A NUL, or half of a UTF-16 surrogate pair: text PostgreSQL cannot store (nor JSON carry into it). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `text` holds a character no text column can store. */
export function isUnstorableText(text: string): boolean {
  return UNSTORABLE.test(text);
}

/**
 * The path of the first string in `value` (a parsed JSON body, a form, an action's arguments)
 * that no text column can store, or null: refused up front with the field named, instead of
 * failing in the database as an internal error.
 */
export function findUnstorableText(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return isUnstorableText(value) ? path || 'value' : null;
  if (value instanceof FormData) {
    // Every value of a repeated field (checkboxes), not only the last one.
    for (const [key, entry] of value.entries()) {
      if (typeof entry === 'string' && (isUnstorableText(key) || isUnstorableText(entry))) return path ? `${path}.${key}` : key;
    }
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) {
      if (isUnstorableText(key)) return path ? `${path}.${key}` : key;
      const found = findUnstorableText(entry, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}
