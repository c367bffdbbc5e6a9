'use client';

import Form from 'next/form';
import { useEffect, useRef } from 'react';
import { isTypingTarget } from '../ui/is-typing-target';

/**
 * The search box on every app page: Enter opens /search?q=…, and `/` anywhere (not while
 * typing) focuses it, or the page's own search field (`data-search-field`, on /search) where
 * there is one. The shell renders a box for the rail and one for the phone's top bar; only the
 * one on screen answers `/`.
 */
export function HeaderSearch({ className = '', placeholder = 'Search recordings' }: { className?: string; placeholder?: string }) {
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const input = inputRef.current;
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (!input || input.getClientRects().length === 0 || isTypingTarget(event.target)) return;
      event.preventDefault();
      const pageField = document.querySelector<HTMLInputElement>('input[data-search-field]');
      const target = pageField && pageField.getClientRects().length > 0 ? pageField : input;
      target.focus();
      target.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Form action="/search" role="search" aria-label="Search recordings" className={`relative ${className}`}>
      <svg
        aria-hidden
        viewBox="0 0 16 16"
        className="pointer-events-none absolute top-1/2 left-2 h-3.5 w-3.5 -translate-y-1/2 text-zinc-400"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
      >
        <circle cx="7" cy="7" r="4.5" />
        <path d="M10.5 10.5 14 14" />
      </svg>
      <input
        ref={inputRef}
        type="search"
        name="q"
        required
        aria-label="Search recordings"
        aria-keyshortcuts="/"
        placeholder={placeholder}
        autoComplete="off"
        onKeyDown={(event) => {
          if (event.key === 'Escape') event.currentTarget.blur();
        }}
        className="block h-8 w-full rounded-md border border-zinc-300 bg-white pr-7 pl-7 text-sm placeholder:text-zinc-400 focus:border-indigo-500 focus:ring-1 focus:ring-indigo-500 focus:outline-none dark:border-zinc-700 dark:bg-zinc-950 dark:placeholder:text-zinc-500 [&::-webkit-search-cancel-button]:hidden"
      />
      <kbd
        aria-hidden
        className="pointer-events-none absolute hidden md:block top-1/2 right-2 -translate-y-1/2 rounded border border-zinc-300 px-1 font-mono text-[10px] leading-4 text-zinc-400 dark:border-zinc-700 dark:text-zinc-500"
      >
        /
      </kbd>
    </Form>
  );
}
