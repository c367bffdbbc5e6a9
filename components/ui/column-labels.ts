import { Children, Fragment, isValidElement, type CSSProperties, type ReactNode } from 'react';

/**
 * The visible label of each header cell, in column order: a `<Th>` whose children are plain
 * text names its column; one holding an element (an sr-only "Actions") has no visible label.
 * Conditional headers (`{isAdmin ? <Th>User</Th> : null}`) drop out as their cells do.
 */
export function columnLabels(head: ReactNode): (string | null)[] {
  return Children.toArray(head).flatMap((cell): (string | null)[] => {
    if (!isValidElement<{ children?: ReactNode }>(cell)) return [null];
    if (cell.type === Fragment) return columnLabels(cell.props.children);
    const { children } = cell.props;
    return [typeof children === 'string' || typeof children === 'number' ? String(children) : null];
  });
}

/**
 * Custom properties that hand each label to the stacked (phone) layout in data-table.css:
 * `--col-N` is a CSS string, or `none` for a column without a visible label.
 */
export function columnLabelStyle(labels: (string | null)[]): CSSProperties {
  return Object.fromEntries(labels.map((label, index) => [`--col-${index + 1}`, label === null ? 'none' : cssString(label)]));
}

/** A CSS string literal: quotes, backslashes and line breaks escaped, `<` too so it can never end a style. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}
