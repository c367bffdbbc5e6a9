import { sequenceEnd, stripAnsi } from './ansi';

/**
 * Hidden input: keystrokes typed while the terminal does not echo them (password prompts,
 * `read -s`, `sudo`) are recorded as a marker, never in clear. Each typed printable byte waits
 * until its echo comes back in the output (then it is recorded as typed) or the echo window
 * passes without it (then it is hidden). A password-like prompt is only a hint: it makes the
 * tracker stricter, it never reveals anything by itself. Pure: time is passed in.
 */

export type InputRecord = { kind: 'input'; bytes: Buffer; at: number } | { kind: 'hidden'; length: number; at: number };

export interface EchoTrackerState {
  /** Typed bytes not yet recorded, oldest first. */
  readonly pending: ReadonlyArray<PendingByte>;
  /** A recent keystroke was not echoed: printable input is hidden at once until Enter or echo. */
  readonly echoOff: boolean;
  /** The output ends like a password prompt. */
  readonly promptHint: boolean;
  /** Last clean output characters, for prompt detection. */
  readonly outputTail: string;
  /** Printable bytes hidden since `echoOff` was set, to notice when echo comes back. */
  readonly recentHidden: string;
}

interface PendingByte {
  byte: number;
  at: number;
  /** Part of a control key (Enter, Ctrl-C, an arrow key's escape sequence): never hidden. */
  control: boolean;
}

/** What an output chunk echoed of the typed keystrokes. */
export interface EchoSeen {
  echoed: string;
  isEchoLast: boolean;
}

export interface EchoTracker {
  readonly initialState: EchoTrackerState;
  /** Keystrokes from the user. */
  input(state: EchoTrackerState, bytes: Uint8Array, now: number): { state: EchoTrackerState; records: InputRecord[] };
  /**
   * Output from the terminal (before masking). `echoed`: the typed printable bytes it echoed,
   * in order (that part of the output shows what the user typed, not what a program printed);
   * `isEchoLast`: nothing printable follows them in it.
   */
  output(state: EchoTrackerState, bytes: Uint8Array, now: number): { state: EchoTrackerState; records: InputRecord[] } & EchoSeen;
  /** Timer: decides keystrokes whose echo window has passed. */
  tick(state: EchoTrackerState, now: number): { state: EchoTrackerState; records: InputRecord[] };
}

const PROMPT = /(?:pass(?:word|phrase|code)|\bpin|secret|token|otp|verification code)[^:\r\n]{0,60}:\s*$|\[sudo\][^\r\n]*$|\bpassword for [^\r\n]*$/i;
const TAIL = 160;

export function createEchoTracker(options: { windowMs?: number } = {}): EchoTracker {
  const windowMs = options.windowMs ?? 250;
  const initialState: EchoTrackerState = { pending: [], echoOff: false, promptHint: false, outputTail: '', recentHidden: '' };

  return {
    initialState,
    input(state, bytes, now) {
      const pending = [...state.pending];
      for (let i = 0; i < bytes.length; i++) {
        const byte = bytes[i]!;
        if (byte === 0x1b) {
          const end = sequenceEnd(bytes, i);
          const stop = end === -1 ? bytes.length : end;
          for (; i < stop; i++) pending.push({ byte: bytes[i]!, at: now, control: true });
          i--;
        } else {
          pending.push({ byte, at: now, control: !isPrintable(byte) });
        }
      }
      return resolve({ ...state, pending }, now, '', windowMs);
    },
    output(state, bytes, now) {
      const clean = stripAnsi(Buffer.from(bytes), true).clean;
      const outputTail = (state.outputTail + clean).slice(-TAIL);
      // The hint holds until Enter, even if more output follows the prompt.
      const promptHint = state.promptHint || PROMPT.test(outputTail);
      return resolve({ ...state, outputTail, promptHint }, now, clean.replace(/[\x00-\x1f\x7f]/g, ''), windowMs);
    },
    tick(state, now) {
      return resolve(state, now, '', windowMs);
    },
  };
}

/**
 * Which pending printable bytes the output echoed: echo is what the output starts with, the
 * pending printable bytes in order (a whole run at once while a password prompt is shown, so
 * unrelated output cannot reveal a password). Returns their pending indexes and where the echo ends.
 */
function matchEcho(pending: ReadonlyArray<PendingByte>, echo: string, isPromptShown: boolean): { echoed: Set<number>; echoEnd: number } {
  const echoed = new Set<number>();
  let echoEnd = -1;
  const printable = pending.map((p, i) => (p.control ? -1 : i)).filter((i) => i >= 0);
  if (!echo || printable.length === 0) return { echoed, echoEnd };
  const run = String.fromCharCode(...printable.map((i) => pending[i]!.byte));
  if (isPromptShown) {
    if (echo.startsWith(run)) {
      printable.forEach((i) => echoed.add(i));
      echoEnd = run.length;
    }
    return { echoed, echoEnd };
  }
  // The echo may follow other output in the same frame (a prompt drawn after typing ahead, a
  // title sequence): it starts where the first pending byte first appears. Of several
  // candidates, the one that echoes the most pending bytes.
  let best: number[] = [];
  for (let start = echo.indexOf(run[0]!); start >= 0; start = echo.indexOf(run[0]!, start + 1)) {
    let k = 0;
    while (k < run.length && start + k < echo.length && echo.charCodeAt(start + k) === run.charCodeAt(k)) k++;
    if (k > best.length) {
      best = printable.slice(0, k);
      echoEnd = start + k;
    }
    if (k === run.length) break;
  }
  best.forEach((i) => echoed.add(i));
  return { echoed, echoEnd };
}

/** Settles the pending bytes the echo (or its absence past the window) decides: typed input, or hidden input. */
function resolve(state: EchoTrackerState, now: number, echo: string, windowMs: number): { state: EchoTrackerState; records: InputRecord[] } & EchoSeen {
  const records: InputRecord[] = [];
  let { echoOff, recentHidden, promptHint } = state;
  const pending = [...state.pending];
  const { echoed, echoEnd } = matchEcho(pending, echo, state.promptHint);
  if (echo && echoOff && recentHidden && echo.includes(recentHidden.slice(-4))) echoOff = false;
  while (pending.length > 0) {
    const head = pending[0]!;
    const index = state.pending.length - pending.length;
    if (head.control) {
      if (head.byte === 0x0d || head.byte === 0x0a || head.byte === 0x03) {
        echoOff = false;
        recentHidden = '';
        promptHint = false;
      }
      pushInput(records, head);
    } else if (echoed.has(index)) {
      pushInput(records, head);
    } else if (echoOff || now - head.at >= windowMs || (promptHint && enterFollows(pending))) {
      pushHidden(records, head);
      echoOff = true;
      recentHidden = (recentHidden + String.fromCharCode(head.byte)).slice(-16);
    } else {
      break;
    }
    pending.shift();
  }
  const echoedText = String.fromCharCode(...[...echoed].sort((a, b) => a - b).map((i) => state.pending[i]!.byte));
  return { state: { ...state, pending, echoOff, recentHidden, promptHint }, records, echoed: echoedText, isEchoLast: echoEnd === echo.length };
}

function enterFollows(pending: ReadonlyArray<PendingByte>): boolean {
  return pending.some((p) => p.byte === 0x0d || p.byte === 0x0a);
}

function isPrintable(byte: number): boolean {
  return (byte >= 0x20 && byte < 0x7f) || byte >= 0x80;
}

function pushInput(records: InputRecord[], item: { byte: number; at: number }): void {
  const last = records[records.length - 1];
  if (last?.kind === 'input' && last.at === item.at) last.bytes = Buffer.concat([last.bytes, Buffer.of(item.byte)]);
  else records.push({ kind: 'input', bytes: Buffer.of(item.byte), at: item.at });
}

function pushHidden(records: InputRecord[], item: { at: number }): void {
  const last = records[records.length - 1];
  if (last?.kind === 'hidden') last.length++;
  else records.push({ kind: 'hidden', length: 1, at: item.at });
}
