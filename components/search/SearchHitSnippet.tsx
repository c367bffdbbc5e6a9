import { highlightSegments } from './highlight';

/** A hit's snippet (masked text) with the engine's matches in `<mark>`. */
export function SearchHitSnippet({ snippet, highlights }: { snippet: string; highlights: Array<[number, number]> }) {
  return (
    <code className="font-mono text-xs break-all whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">
      {highlightSegments(snippet, highlights).map((segment, i) =>
        segment.isMatch ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-zinc-950 dark:bg-amber-400/30 dark:text-amber-100">
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </code>
  );
}
