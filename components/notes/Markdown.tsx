import { Fragment, type ReactNode } from 'react';
import { parseMarkdown, type Inline } from './markdown';

function renderInline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return <Fragment key={i}>{node.text}</Fragment>;
      case 'code':
        return (
          <code key={i} className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.85em] dark:bg-zinc-800">
            {node.text}
          </code>
        );
      case 'strong':
        return <strong key={i}>{renderInline(node.children)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(node.children)}</em>;
      case 'link':
        return (
          <a key={i} href={node.href} target="_blank" rel="noreferrer noopener nofollow" className="text-indigo-600 underline dark:text-indigo-400">
            {renderInline(node.children)}
          </a>
        );
      case 'break':
        return <br key={i} />;
    }
  });
}

/** A note's Markdown as React elements (never as HTML): see markdown.ts. */
export function Markdown({ source, className = '' }: { source: string; className?: string }) {
  return (
    <div className={`space-y-2 text-sm leading-relaxed break-words ${className}`}>
      {parseMarkdown(source).map((block, i) => {
        switch (block.type) {
          case 'paragraph':
            return <p key={i}>{renderInline(block.children)}</p>;
          case 'heading':
            return (
              <p key={i} className={block.level === 1 ? 'text-base font-semibold' : 'font-semibold'}>
                {renderInline(block.children)}
              </p>
            );
          case 'list': {
            const items = block.items.map((item, j) => <li key={j}>{renderInline(item)}</li>);
            return block.isOrdered ? (
              <ol key={i} className="list-decimal space-y-0.5 pl-5">
                {items}
              </ol>
            ) : (
              <ul key={i} className="list-disc space-y-0.5 pl-5">
                {items}
              </ul>
            );
          }
          case 'code':
            return (
              <pre key={i} className="overflow-x-auto rounded bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-800">
                {block.text}
              </pre>
            );
          case 'quote':
            return (
              <blockquote key={i} className="border-l-2 border-zinc-300 pl-3 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
                {renderInline(block.children)}
              </blockquote>
            );
        }
      })}
    </div>
  );
}
