import type * as Monaco from 'monaco-editor';
import type { SqlSchemaTree } from '@/lib/protocol/sql-protocol';

/**
 * Autocomplete from the schema the gateway sent: after `name.` the columns of that table (or
 * the tables of that schema), otherwise tables, schemas, columns and keywords. One provider
 * per language, reading the latest schema, so reconnecting never stacks providers.
 */
let schema: SqlSchemaTree = [];
const installed = new Set<string>();

const KEYWORDS = [
  'SELECT',
  'FROM',
  'WHERE',
  'GROUP BY',
  'ORDER BY',
  'HAVING',
  'LIMIT',
  'JOIN',
  'LEFT JOIN',
  'INNER JOIN',
  'ON',
  'AND',
  'OR',
  'NOT',
  'IN',
  'IS NULL',
  'IS NOT NULL',
  'COUNT(*)',
  'DISTINCT',
  'AS',
  'INSERT INTO',
  'VALUES',
  'UPDATE',
  'SET',
  'DELETE FROM',
  'EXPLAIN',
  'WITH',
];

export function setCompletionSchema(next: SqlSchemaTree | undefined): void {
  schema = next ?? [];
}

function tablesNamed(name: string) {
  const lower = name.toLowerCase();
  return schema.flatMap((s) => s.tables.filter((t) => t.name.toLowerCase() === lower));
}

/** Aliases from `FROM table alias` / `JOIN table AS alias` in the text. */
function aliasesIn(text: string): Map<string, string> {
  const aliases = new Map<string, string>();
  const pattern = /\b(?:from|join)\s+(?:[\w"`]+\.)?([\w"`]+)(?:\s+(?:as\s+)?([A-Za-z_]\w*))?/gi;
  for (const match of text.matchAll(pattern)) {
    const table = match[1]!.replace(/["`]/g, '');
    const alias = match[2];
    if (alias && !/^(where|join|on|left|right|inner|outer|group|order|limit|set|using)$/i.test(alias)) aliases.set(alias.toLowerCase(), table);
  }
  return aliases;
}

export function installSqlCompletions(monaco: typeof Monaco, languageId: string): void {
  if (installed.has(languageId)) return;
  installed.add(languageId);
  monaco.languages.registerCompletionItemProvider(languageId, {
    triggerCharacters: ['.', ' '],
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
      const before = model.getValueInRange({
        startLineNumber: position.lineNumber,
        startColumn: 1,
        endLineNumber: position.lineNumber,
        endColumn: word.startColumn,
      });
      const qualifier = /([\w"`]+)\.$/.exec(before)?.[1]?.replace(/["`]/g, '');
      const { Field, Class, Module, Keyword } = monaco.languages.CompletionItemKind;
      if (qualifier) {
        const table = aliasesIn(model.getValue()).get(qualifier.toLowerCase()) ?? qualifier;
        const columns = tablesNamed(table).flatMap((t) => t.columns.map((c) => ({ label: c.name, kind: Field, detail: c.type, insertText: c.name, range })));
        const tables = schema
          .filter((s) => s.name.toLowerCase() === qualifier.toLowerCase())
          .flatMap((s) => s.tables.map((t) => ({ label: t.name, kind: Class, detail: `table in ${s.name}`, insertText: t.name, range })));
        if (columns.length + tables.length > 0) return { suggestions: [...columns, ...tables] };
        // An alias not declared yet (`SELECT c.` before its FROM): every column, by table.
        return {
          suggestions: schema.flatMap((s) =>
            s.tables.flatMap((t) =>
              t.columns.map((c) => ({
                label: { label: c.name, description: t.name },
                kind: Field,
                detail: `${t.name}.${c.name} ${c.type}`,
                insertText: c.name,
                range,
              })),
            ),
          ),
        };
      }
      const seen = new Set<string>();
      const suggestions: Monaco.languages.CompletionItem[] = [];
      for (const s of schema) {
        suggestions.push({ label: s.name, kind: Module, detail: 'schema', insertText: s.name, range, sortText: `3${s.name}` });
        for (const t of s.tables) {
          suggestions.push({ label: t.name, kind: Class, detail: `table in ${s.name}`, insertText: t.name, range, sortText: `1${t.name}` });
          for (const c of t.columns) {
            const key = `${c.name}:${t.name}`;
            if (seen.has(key)) continue;
            seen.add(key);
            suggestions.push({
              label: { label: c.name, description: t.name },
              kind: Field,
              detail: `${t.name}.${c.name} ${c.type}`,
              insertText: c.name,
              range,
              sortText: `2${c.name}`,
            });
          }
        }
      }
      for (const keyword of KEYWORDS) suggestions.push({ label: keyword, kind: Keyword, insertText: keyword, range, sortText: `4${keyword}` });
      return { suggestions };
    },
  });
}
