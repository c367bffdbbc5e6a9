import { MarkedText } from './MarkedText';

/** A hit's snippet (masked text) with the engine's matches in `<mark>`. */
export function SearchHitSnippet({ snippet, highlights }: { snippet: string; highlights: Array<[number, number]> }) {
  return (
    <code className="font-mono text-xs break-words whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">
      <MarkedText text={snippet} ranges={highlights} />
    </code>
  );
}
