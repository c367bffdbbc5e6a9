import Link from 'next/link';
import { RelativeTime } from '@/components/ui/RelativeTime';
import { SaveSnippetButton } from '@/components/snippets/SaveSnippetButton';
import type { CommandRun } from '@/lib/insights/insights-types';

/** A command or statement as it ran: its text opens the replay at that moment; it can be kept as a snippet. */
export function RunLink({ run, detail }: { run: CommandRun; detail?: string }) {
  return (
    <div className="flex min-w-0 items-start gap-2">
      <div className="min-w-0 flex-1">
        <Link href={run.href} className="block truncate font-mono text-xs text-indigo-700 hover:underline dark:text-indigo-400" title={run.text}>
          {run.text}
        </Link>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {run.resourceName} · <RelativeTime iso={run.at} />
          {detail ? ` · ${detail}` : ''}
        </p>
      </div>
      <SaveSnippetButton look="icon" text={run.text} kind={run.kind} resourceId={run.resourceId} recordingId={run.recordingId} t={run.t} />
    </div>
  );
}
