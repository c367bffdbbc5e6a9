import type { ComponentProps } from 'react';
import { ExchangePanel } from '../../http/ExchangePanel';

/** The chosen exchange's request and response beside the exchange list: the replay's and a live watch's. */
export function ExchangeDetail(props: ComponentProps<typeof ExchangePanel>) {
  return (
    <section
      aria-label="Exchange"
      className="flex h-[36rem] min-w-0 flex-col overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <ExchangePanel key={props.exchange?.id} {...props} />
    </section>
  );
}
