'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDuration } from '@/lib/format/duration';

export type DailyPoint = { day: string; commands: number; failed: number; sessions: number; seconds: number };

/** Theme colours as CSS variables on the chart's box, so one SVG reads in light and dark. */
const themeVars =
  '[--chart-a:var(--color-indigo-600)] dark:[--chart-a:var(--color-indigo-400)] [--chart-b:var(--color-red-600)] dark:[--chart-b:var(--color-red-400)] [--chart-grid:var(--color-zinc-200)] dark:[--chart-grid:var(--color-zinc-800)] [--chart-text:var(--color-zinc-500)] [--chart-tip:var(--color-white)] dark:[--chart-tip:var(--color-zinc-900)] [--chart-tip-border:var(--color-zinc-200)] dark:[--chart-tip-border:var(--color-zinc-700)]';

const shortDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

const tooltipStyle = { background: 'var(--chart-tip)', border: '1px solid var(--chart-tip-border)', borderRadius: 6, fontSize: 12 };
const tick = { fill: 'var(--chart-text)', fontSize: 11 };

/**
 * Per-day bars: commands (succeeded and failed, stacked) or time in sessions. The SVG is a
 * picture for sighted readers; the caption and the table under it say the same in words.
 */
export function DailyChart({ data, metric, title }: { data: DailyPoint[]; metric: 'commands' | 'time'; title: string }) {
  const rows = data.map((d) => ({ ...d, label: shortDay(d.day), succeeded: d.commands - d.failed, minutes: Math.round(d.seconds / 6) / 10 }));
  return (
    <figure className={`rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900 ${themeVars}`}>
      <figcaption className="mb-2 text-sm font-medium">{title}</figcaption>
      <div aria-hidden="true" className="h-52">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 4, right: 4, bottom: 0, left: -16 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
            <XAxis dataKey="label" tick={tick} tickLine={false} axisLine={{ stroke: 'var(--chart-grid)' }} interval="preserveStartEnd" minTickGap={12} />
            <YAxis tick={tick} tickLine={false} axisLine={false} allowDecimals={false} />
            <Tooltip contentStyle={tooltipStyle} cursor={{ fill: 'var(--chart-grid)', opacity: 0.5 }} />
            {metric === 'commands' ? (
              <>
                <Legend wrapperStyle={{ fontSize: 12, color: 'var(--chart-text)' }} iconSize={10} />
                <Bar dataKey="succeeded" name="Succeeded" stackId="c" fill="var(--chart-a)" isAnimationActive={false} />
                <Bar dataKey="failed" name="Failed" stackId="c" fill="var(--chart-b)" radius={[2, 2, 0, 0]} isAnimationActive={false} />
              </>
            ) : (
              <Bar dataKey="minutes" name="Minutes" fill="var(--chart-a)" radius={[2, 2, 0, 0]} isAnimationActive={false} />
            )}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
        <summary className="cursor-pointer">Show as a table</summary>
        <table className="mt-2 w-full text-left">
          <thead>
            <tr>
              <th className="py-1 font-medium">Day</th>
              {metric === 'commands' ? (
                <>
                  <th className="py-1 text-right font-medium">Commands</th>
                  <th className="py-1 text-right font-medium">Failed</th>
                </>
              ) : (
                <>
                  <th className="py-1 text-right font-medium">Sessions</th>
                  <th className="py-1 text-right font-medium">Time</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.day} className="border-t border-zinc-100 dark:border-zinc-800">
                <td className="py-1">{row.label}</td>
                <td className="py-1 text-right tabular-nums">{metric === 'commands' ? row.commands : row.sessions}</td>
                <td className="py-1 text-right tabular-nums">{metric === 'commands' ? row.failed : formatDuration(row.seconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
