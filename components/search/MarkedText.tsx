import { highlightSegments, queryRanges } from './highlight';

const MARK_CLASS = 'rounded-sm bg-amber-200 px-0.5 text-zinc-950 dark:bg-amber-400/30 dark:text-amber-100';

/** `text` with the `[start, end)` ranges in `<mark>` (a search hit's snippet). */
export function MarkedText({ text, ranges }: { text: string; ranges: ReadonlyArray<readonly [number, number]> }) {
  return (
    <>
      {highlightSegments(text, ranges).map((segment, i) =>
        segment.isMatch ? (
          <mark key={i} className={MARK_CLASS}>
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}

/** `text` with a search query's words and phrases marked (text the engine did not mark: a replayed SQL editor). */
export function QueryMarkedText({ text, query }: { text: string; query: string | undefined }) {
  if (!query?.trim()) return <>{text}</>;
  return <MarkedText text={text} ranges={queryRanges(text, query)} />;
}
