import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { columnLabels, columnLabelStyle } from './column-labels';
import './data-table.css';

/**
 * A calm bordered table; rows are plain <tr> elements with <Td> cells. On a phone each row
 * becomes a stacked item (first cell as its title, the others labelled by their header), so
 * the page never scrolls sideways; wider tables than their container scroll inside it.
 */
export function DataTable({ label, head, children }: { label: string; head: ReactNode; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table aria-label={label} className="stacked-table w-full text-left text-sm" style={columnLabelStyle(columnLabels(head))}>
        <thead className="border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/80">
          <tr>{head}</tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">{children}</tbody>
      </table>
    </div>
  );
}

export function Th({ className = '', ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={`px-3 py-2 text-xs font-medium whitespace-nowrap text-zinc-500 dark:text-zinc-400 ${className}`} {...props} />;
}

export function Td({ className = '', ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={`px-3 py-2 align-middle ${className}`} {...props} />;
}

export const rowClass = 'hover:bg-zinc-50 dark:hover:bg-zinc-800/40';
