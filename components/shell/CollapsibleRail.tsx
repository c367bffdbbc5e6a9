'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';

const RAIL_ID = 'app-rail';

/**
 * The left rail: always shown from `md` up; below it (phones) a top bar with a Menu button
 * opens the rail as a drawer under the bar. The drawer closes on navigation, on Escape and on
 * a tap outside it, so an approver on a phone gets the whole width back for the page.
 * `menuBadge` (the approvals count) shows on the Menu button while the rail is folded away;
 * `search` (the search box) fills the rest of the phone's top bar.
 */
export function CollapsibleRail({ brand, menuBadge, search, children }: { brand: ReactNode; menuBadge?: ReactNode; search?: ReactNode; children: ReactNode }) {
  const [isOpen, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();

  // A new page closes the drawer (also when it was opened by the browser's back button).
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!isOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [isOpen]);

  // A link to the page already shown changes no path, so a tap on any link closes it too.
  const closeOnLink = (event: MouseEvent<HTMLElement>) => {
    if (event.target instanceof Element && event.target.closest('a')) setOpen(false);
  };

  return (
    <>
      <header className="sticky top-0 z-30 flex h-12 items-center gap-2 border-b border-zinc-200 bg-white px-2 md:hidden dark:border-zinc-800 dark:bg-zinc-900">
        <button
          ref={buttonRef}
          type="button"
          aria-expanded={isOpen}
          aria-controls={RAIL_ID}
          onClick={() => setOpen((open) => !open)}
          className="flex h-9 items-center gap-1.5 rounded-md px-2 text-sm font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800"
        >
          <MenuGlyph isOpen={isOpen} />
          Menu
          {menuBadge}
        </button>
        {brand}
        {search ? <div className="ml-auto min-w-0 flex-1 pl-1">{search}</div> : null}
      </header>
      {isOpen ? <div aria-hidden className="fixed inset-0 top-12 z-30 bg-zinc-950/40 md:hidden" onClick={() => setOpen(false)} /> : null}
      <aside
        id={RAIL_ID}
        onClick={closeOnLink}
        className={`${isOpen ? 'fixed top-12 bottom-0 left-0 z-40 flex w-64 max-w-[85vw] overflow-y-auto shadow-xl' : 'hidden'} flex-col border-r border-zinc-200 bg-white md:static md:z-auto md:flex md:w-56 md:max-w-none md:shrink-0 md:overflow-visible md:shadow-none dark:border-zinc-800 dark:bg-zinc-900`}
      >
        <div className="hidden md:block">{brand}</div>
        {children}
      </aside>
    </>
  );
}

function MenuGlyph({ isOpen }: { isOpen: boolean }) {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round">
      {isOpen ? <path d="M4 4l8 8M12 4l-8 8" /> : <path d="M2.5 4h11M2.5 8h11M2.5 12h11" />}
    </svg>
  );
}
