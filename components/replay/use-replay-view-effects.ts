import { useCallback, useEffect, type Dispatch, type RefObject, type SetStateAction } from 'react';
import type { ReplayCommand } from '@/lib/recording/replay-types';
import type { ReplayPlayer } from './replay-player';
import { toggleFullscreen, useIsFullscreen } from '../ui/fullscreen';
import { isTypingTarget } from '../ui/is-typing-target';
import { FULL_FONT_SIZE, FULLSCREEN_FONT_SIZE } from './replay-fit';
import { nextSpeed } from './replay-format';
import { indexAtOrBefore, SEEK_STEP_SECONDS } from './timeline-geometry';

/** The terminal never gets shorter than this (a phone in landscape): the page scrolls instead. */
const MIN_TERMINAL_HEIGHT = 160;
/** Space kept under the timeline, so it does not touch the window's edge. */
const BOTTOM_MARGIN = 16;

type PlayerRef = RefObject<ReplayPlayer | null>;

/**
 * The terminal is scaled to the room left above the controls, so Play is never below the fold;
 * full screen, to the whole screen's room, growing past the page's size.
 */
export function useFitTerminal(
  {
    columnRef,
    regionRef,
    containerRef,
    playerRef,
  }: {
    columnRef: RefObject<HTMLDivElement | null>;
    regionRef: RefObject<HTMLDivElement | null>;
    containerRef: RefObject<HTMLDivElement | null>;
    playerRef: PlayerRef;
  },
  recordingId: string,
): void {
  useEffect(() => {
    const column = columnRef.current;
    const region = regionRef.current;
    if (!column || !region) return;
    let frame = 0;
    const fit = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const style = getComputedStyle(region);
        // clientWidth/Height hold the padding but not the border.
        const padX = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
        const frameY = region.offsetHeight - region.clientHeight + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
        const box = region.getBoundingClientRect();
        // The controls and timeline under the terminal (not the column's height: beside a tall panel it stretches).
        const below = (column.lastElementChild?.getBoundingClientRect().bottom ?? box.bottom) - box.bottom;
        // Full screen, the column is fixed to the screen: the page's scroll does not move it.
        const isFullscreen = document.fullscreenElement === column;
        const top = isFullscreen ? box.top : box.top + window.scrollY;
        const height = Math.max(MIN_TERMINAL_HEIGHT, window.innerHeight - top - below - BOTTOM_MARGIN - frameY);
        playerRef.current?.fitTo({ width: region.clientWidth - padX, height }, isFullscreen ? FULLSCREEN_FONT_SIZE : FULL_FONT_SIZE);
      });
    };
    const observer = new ResizeObserver(fit);
    observer.observe(column);
    observer.observe(region);
    if (containerRef.current) observer.observe(containerRef.current);
    window.addEventListener('resize', fit);
    document.addEventListener('fullscreenchange', fit);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      window.removeEventListener('resize', fit);
      document.removeEventListener('fullscreenchange', fit);
    };
  }, [recordingId, columnRef, regionRef, containerRef, playerRef]);
}

/** Whether the player's column is full screen, and the toggle (the button and the f key). */
export function useFullscreenToggle(columnRef: RefObject<HTMLDivElement | null>): { isFullscreen: boolean; toggle: () => void } {
  const isFullscreen = useIsFullscreen();
  const toggle = useCallback(() => {
    if (columnRef.current) void toggleFullscreen(columnRef.current);
  }, [columnRef]);
  return { isFullscreen, toggle };
}

/**
 * The replay's shortcuts: space/k play, ←/→ step, [ ] previous/next command, < > speed, i skip
 * idle, f full screen, ? help; Ctrl/Cmd+F on the replay finds in the whole recording, not the page.
 */
export function useReplayKeys({
  rootRef,
  playerRef,
  commands,
  openFind,
  setHelpOpen,
  toggleFullscreen,
}: {
  rootRef: RefObject<HTMLDivElement | null>;
  playerRef: PlayerRef;
  commands: ReplayCommand[];
  openFind: () => void;
  setHelpOpen: Dispatch<SetStateAction<boolean>>;
  toggleFullscreen: () => void;
}): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Ctrl+F / Cmd+F on the replay (or with nothing focused) finds in the whole recording, not the page.
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        const target = event.target instanceof Node ? event.target : null;
        if (target === document.body || (target && rootRef.current?.contains(target))) {
          event.preventDefault();
          openFind();
        }
        return;
      }
      if (isTypingTarget(event.target, { hasLiveTerminal: false }) || event.ctrlKey || event.metaKey || event.altKey) return;
      // Space on a focused button or link activates it, as everywhere else.
      if (event.key === ' ' && event.target instanceof HTMLElement && event.target.closest('button, a, summary')) return;
      let isHandled = true;
      if (event.key === 'f') toggleFullscreen();
      else if (event.key === '?') setHelpOpen((open) => !open);
      else if (event.key === 'Escape') setHelpOpen(false);
      else isHandled = playerRef.current ? playerShortcut(event.key, playerRef.current, commands) : false;
      if (isHandled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands, openFind, rootRef, playerRef, setHelpOpen, toggleFullscreen]);
}

/** Runs the player's shortcut for `key` (play, step, commands, speed, skip idle); false when `key` is not one. */
function playerShortcut(key: string, player: ReplayPlayer, commands: ReplayCommand[]): boolean {
  const time = player.current.time;
  switch (key) {
    case ' ':
    case 'k':
      player.toggle();
      return true;
    case 'ArrowLeft':
      void player.seek(time - SEEK_STEP_SECONDS);
      return true;
    case 'ArrowRight':
      void player.seek(time + SEEK_STEP_SECONDS);
      return true;
    case '[': {
      const index = indexAtOrBefore(commands, time - 0.5);
      void player.seek(index >= 0 ? commands[index]!.t : 0);
      return true;
    }
    case ']': {
      const next = commands.find((command) => command.t > time + 0.05);
      if (next) void player.seek(next.t);
      return true;
    }
    case '<':
    case ',':
      player.setSpeed(nextSpeed(player.current.speed, -1));
      return true;
    case '>':
    case '.':
      player.setSpeed(nextSpeed(player.current.speed, 1));
      return true;
    case 'i':
      player.setSkippingIdle(!player.current.isSkippingIdle);
      return true;
    default:
      return false;
  }
}
