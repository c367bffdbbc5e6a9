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
      const clean = stripAnsi(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), true).clean;
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

/** The pending printable bytes, in order, as one latin1 string (what their echo would read). */
function printableRun(pending: ReadonlyArray<PendingByte>): string {
  // Every output chunk is resolved, most with nothing waiting.
  if (pending.length === 0) return '';
  const bytes = Buffer.allocUnsafe(pending.length);
  let count = 0;
  for (const p of pending) if (!p.control) bytes[count++] = p.byte;
  return bytes.toString('latin1', 0, count);
}

/**
 * How many of the pending printable bytes (`run`, in order) the output echoed: echo is what the
 * output starts with, the pending printable bytes in order (a whole run at once while a password
 * prompt is shown, so unrelated output cannot reveal a password). Returns that count and where the
 * echo ends in `echo`.
 */
function matchEcho(run: string, echo: string, isPromptShown: boolean): { echoedCount: number; echoEnd: number } {
  if (!echo || run.length === 0) return { echoedCount: 0, echoEnd: -1 };
  if (isPromptShown) return echo.startsWith(run) ? { echoedCount: run.length, echoEnd: run.length } : { echoedCount: 0, echoEnd: -1 };
  // The echo may follow other output in the same frame (a prompt drawn after typing ahead, a
  // title sequence): it starts where the first pending byte first appears. Of several
  // candidates, the one that echoes the most pending bytes.
  let echoedCount = 0;
  let echoEnd = -1;
  for (let start = echo.indexOf(run[0]!); start >= 0; start = echo.indexOf(run[0]!, start + 1)) {
    let k = 0;
    while (k < run.length && start + k < echo.length && echo.charCodeAt(start + k) === run.charCodeAt(k)) k++;
    if (k > echoedCount) {
      echoedCount = k;
      echoEnd = start + k;
    }
    // Matched to the end of the run, or of the output: no later start can echo more (a paste
    // of one repeated character would otherwise compare its whole length at every start).
    if (k === run.length || start + k === echo.length) break;
  }
  return { echoedCount, echoEnd };
}

/** Index of the last Enter (CR or LF) among the pending bytes, or -1. */
function lastEnter(pending: ReadonlyArray<PendingByte>): number {
  for (let i = pending.length - 1; i >= 0; i--) if (pending[i]!.byte === 0x0d || pending[i]!.byte === 0x0a) return i;
  return -1;
}

/**
 * Settles the pending bytes the echo (or its absence past the window) decides: typed input, or
 * hidden input. One pass over the pending bytes, with no call taking them all as arguments
 * (a large paste).
 */
function resolve(state: EchoTrackerState, now: number, echo: string, windowMs: number): { state: EchoTrackerState; records: InputRecord[] } & EchoSeen {
  const records = new RecordsBuilder();
  let { echoOff, recentHidden, promptHint } = state;
  const { pending } = state;
  const run = printableRun(pending);
  const { echoedCount, echoEnd } = matchEcho(run, echo, state.promptHint);
  if (echo && echoOff && recentHidden && echo.includes(recentHidden.slice(-4))) echoOff = false;
  const enterAt = promptHint ? lastEnter(pending) : -1;
  let printableSeen = 0;
  let decided = 0;
  for (; decided < pending.length; decided++) {
    const head = pending[decided]!;
    if (head.control) {
      if (head.byte === 0x0d || head.byte === 0x0a || head.byte === 0x03) {
        echoOff = false;
        recentHidden = '';
        promptHint = false;
      }
      records.input(head);
    } else if (printableSeen < echoedCount) {
      printableSeen++;
      records.input(head);
    } else if (echoOff || now - head.at >= windowMs || (promptHint && enterAt >= decided)) {
      printableSeen++;
      records.hidden(head);
      echoOff = true;
      recentHidden = (recentHidden + String.fromCharCode(head.byte)).slice(-16);
    } else {
      break;
    }
  }
  return {
    state: { ...state, pending: decided === 0 ? pending : pending.slice(decided), echoOff, recentHidden, promptHint },
    records: records.done(),
    echoed: run.slice(0, echoedCount),
    isEchoLast: echoEnd === echo.length,
  };
}

function isPrintable(byte: number): boolean {
  return (byte >= 0x20 && byte < 0x7f) || byte >= 0x80;
}

/** Decided bytes in order: typed bytes of the same moment join one record, a run of hidden ones one count. */
class RecordsBuilder {
  private readonly records: InputRecord[] = [];
  private bytes: number[] = [];
  private bytesAt = Number.NaN;

  input(item: { byte: number; at: number }): void {
    if (this.bytes.length > 0 && this.bytesAt !== item.at) this.closeInput();
    this.bytes.push(item.byte);
    this.bytesAt = item.at;
  }

  hidden(item: { at: number }): void {
    this.closeInput();
    const last = this.records[this.records.length - 1];
    if (last?.kind === 'hidden') last.length++;
    else this.records.push({ kind: 'hidden', length: 1, at: item.at });
  }

  done(): InputRecord[] {
    this.closeInput();
    return this.records;
  }

  private closeInput(): void {
    if (this.bytes.length === 0) return;
    this.records.push({ kind: 'input', bytes: Buffer.from(this.bytes), at: this.bytesAt });
    this.bytes = [];
  }
}
