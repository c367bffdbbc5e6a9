import type { Sink, Stage } from '@/server/relay/pipeline';
import type { InputRecord } from '../echo-tracker';
import type { Masker } from '../masker';
import type { MaskEvent } from '../types';
import type { EchoLink, InputSide } from './echo-link';
import { TypedInputMasker, type TypedInputStep } from './typed-input';

/** What a hidden keystroke run (a password typed at a prompt) becomes in the recorded input. */
export const HIDDEN_INPUT_MARKER = '[hidden input]';

const EMPTY = Buffer.alloc(0);
/** The echo tracker's default window (see echo-tracker.ts). */
const DEFAULT_ECHO_WINDOW_MS = 250;

export type InputMaskingOptions = {
  masker: Masker;
  echo: EchoLink;
  /** Masks in the recorded input: the ones the session counts and the timeline shows. */
  report: (next: Sink, events: readonly MaskEvent[]) => void;
  /** Called with a reader of the bytes the input's masker state holds. */
  onHeld: (heldBytes: () => number) => void;
};

/**
 * The input slot: the target gets the keystrokes at once, exactly as typed. The recording gets
 * them once the echo tracker decides them: echoed ones through the masker (held until decided,
 * like the recorded output: a token typed with long pauses is still one token), unechoed ones
 * (password prompts) as HIDDEN_INPUT_MARKER, never in clear.
 */
export function inputMaskingStage(options: InputMaskingOptions): Stage {
  const { masker, echo, report } = options;
  return (next) => {
    // Masked as typed and as the line editor reads it (see typed-input.ts).
    const typedInput = new TypedInputMasker(masker);
    options.onHeld(() => typedInput.heldBytes());
    const write = ({ output, events }: TypedInputStep): void => {
      if (output.length > 0) next.write(output, EMPTY);
      report(next, events);
    };
    let tickTimer: NodeJS.Timeout | undefined;
    let isEnded = false;
    let isHiddenRun = false;
    /** The typed text ends here (a hidden run, the session's end): decided now, failing closed. */
    const endMasker = () => {
      if (typedInput.isHolding()) write(typedInput.end());
    };
    const record = (typed: InputRecord) => {
      if (typed.kind === 'hidden') {
        // Whatever was held is typed text before the prompt: decide it, then the marker,
        // once per run of hidden keystrokes (however the tracker split it: no length leaks).
        endMasker();
        if (!isHiddenRun) next.write(Buffer.from(HIDDEN_INPUT_MARKER), EMPTY);
        isHiddenRun = true;
        return;
      }
      isHiddenRun = false;
      write(typedInput.step(typed.bytes));
    };
    const side: InputSide = {
      onRecords(records) {
        if (isEnded) return;
        for (const typed of records) record(typed);
      },
      arm() {
        const oldest = echo.oldestPending();
        if (isEnded || tickTimer || oldest === undefined) return;
        const windowMs = echo.windowMs ?? DEFAULT_ECHO_WINDOW_MS;
        tickTimer = setTimeout(
          () => {
            tickTimer = undefined;
            side.onRecords(echo.tick(Date.now()));
            side.arm();
          },
          Math.max(1, oldest + windowMs - Date.now() + 1),
        );
      },
    };
    echo.connect(side);
    return {
      write(chunk) {
        // The target gets what was typed, now; the recording once the echo decides it.
        next.write(EMPTY, chunk);
        const records = echo.typed(chunk, Date.now());
        if (!records) return;
        side.onRecords(records);
        side.arm();
      },
      event(event) {
        next.event(event);
      },
      end() {
        // Undecided keystrokes at the end are recorded as hidden: never guess "echoed".
        side.onRecords(echo.endEarly());
        if (tickTimer) clearTimeout(tickTimer);
        tickTimer = undefined;
        side.onRecords(echo.tick(Number.MAX_SAFE_INTEGER));
        endMasker();
        isEnded = true;
        next.end();
      },
    };
  };
}
