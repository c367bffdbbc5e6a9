'use client';

import { useEffect, useState } from 'react';

/** Whether some element of the page is shown full screen (the browser's Fullscreen API). */
export function useIsFullscreen(): boolean {
  const [isFullscreen, setFullscreen] = useState(false);
  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  return isFullscreen;
}

/**
 * Shows `element` full screen, or leaves full screen when something already is. Resolves once
 * the browser has switched (or refused: a page without a user gesture, a browser that does not allow it).
 */
export async function toggleFullscreen(element: HTMLElement): Promise<void> {
  try {
    await (document.fullscreenElement ? document.exitFullscreen() : element.requestFullscreen());
  } catch {
    // Refused: the page stays as it is, which is all the user can be shown.
  }
}

/** Four corners pointing out (enter) or in (leave). */
export function FullscreenGlyph({ isFullscreen }: { isFullscreen: boolean }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 16 16"
      className="h-3.5 w-3.5"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {isFullscreen ? <path d="M6 2.5V6H2.5M10 2.5V6h3.5M6 13.5V10H2.5M10 13.5V10h3.5" /> : <path d="M2.5 6V2.5H6M13.5 6V2.5H10M2.5 10v3.5H6M13.5 10v3.5H10" />}
    </svg>
  );
}
