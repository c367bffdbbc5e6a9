import { useEffect, type Dispatch, type RefObject, type SetStateAction } from 'react';
import type { ReplayCommand } from '@/lib/recording/replay-types';
import type { ReplayPlayer } from './replay-player';
import { isTypingTarget } from '../ui/is-typing-target';
import { nextSpeed } from './replay-format';
import { indexAtOrBefore, SEEK_STEP_SECONDS } from './timeline-geometry';

/** The terminal never gets shorter than this (a phone in landscape): the page scrolls instead. */
const MIN_TERMINAL_HEIGHT = 160;
/** Space kept under the timeline, so it does not touch the window's edge. */
const BOTTOM_MARGIN = 16;

type PlayerRef = RefObject<ReplayPlayer | null>;

/** The terminal is scaled to the room left above the controls, so Play is never below the fold. */
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
        const top = box.top + window.scrollY;
        const height = Math.max(MIN_TERMINAL_HEIGHT, window.innerHeight - top - below - BOTTOM_MARGIN - frameY);
        playerRef.current?.fitTo({ width: region.clientWidth - padX, height });
      });
    };
    const observer = new ResizeObserver(fit);
    observer.observe(column);
    observer.observe(region);
    if (containerRef.current) observer.observe(containerRef.current);
    window.addEventListener('resize', fit);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      window.removeEventListener('resize', fit);
    };
  }, [recordingId, columnRef, regionRef, containerRef, playerRef]);
}

/**
 * The replay's shortcuts: space/k play, ←/→ step, [ ] previous/next command, < > speed, i skip
 * idle, ? help; Ctrl/Cmd+F on the replay finds in the whole recording, not the page.
 */
export function useReplayKeys({
  rootRef,
  playerRef,
  commands,
  openFind,
  setHelpOpen,
}: {
  rootRef: RefObject<HTMLDivElement | null>;
  playerRef: PlayerRef;
  commands: ReplayCommand[];
  openFind: () => void;
  setHelpOpen: Dispatch<SetStateAction<boolean>>;
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
      const player = playerRef.current;
      if (!player) return;
      const time = player.current.time;
      let isHandled = true;
      switch (event.key) {
        case ' ':
        case 'k':
          player.toggle();
          break;
        case 'ArrowLeft':
          void player.seek(time - SEEK_STEP_SECONDS);
          break;
        case 'ArrowRight':
          void player.seek(time + SEEK_STEP_SECONDS);
          break;
        case '[': {
          const index = indexAtOrBefore(commands, time - 0.5);
          void player.seek(index >= 0 ? commands[index]!.t : 0);
          break;
        }
        case ']': {
          const next = commands.find((command) => command.t > time + 0.05);
          if (next) void player.seek(next.t);
          break;
        }
        case '<':
        case ',':
          player.setSpeed(nextSpeed(player.current.speed, -1));
          break;
        case '>':
        case '.':
          player.setSpeed(nextSpeed(player.current.speed, 1));
          break;
        case 'i':
          player.setSkippingIdle(!player.current.isSkippingIdle);
          break;
        case '?':
          setHelpOpen((open) => !open);
          break;
        case 'Escape':
          setHelpOpen(false);
          break;
        default:
          isHandled = false;
      }
      if (isHandled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands, openFind, rootRef, playerRef, setHelpOpen]);
}
