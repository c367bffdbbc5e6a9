import { cleanIndex, rawIndex, stripAnsi } from './ansi';
import { compileRules, CONTEXT_BYTES, type CompiledRules } from './compile-rules';
import { continueBlock, scanBlock, scanPass, seenSecrets, type Match } from './find-matches';
import { holdPoint, lineStart } from './hold-point';
import { SearchedRanges } from './searched-ranges';
import { maskStringBodies } from './string-bodies';
import { revealingTail, swallowEnd } from './tail-candidates';
import { renderedEnd, renderOutput } from './render-output';
import type { MaskerState, MaskEvent, MaskRule, MaskStepResult } from './types';

/**
 * Usage (one masker per rule set, e.g. per resource; one state per stream):
 *
 *   const masker = createMasker(selectRules(savedOverrides, customRules.map(compileCustomRule)));
 *   let state = masker.initialState;
 *   on frame:  ({ state, output, events } = masker.step(state, frame)); send(output); (re)arm timer
 *   on timer:  ({ state, output, events } = masker.flush(state)); send(output)
 *
 * The idle timer is the caller's, for what the browser sees (a flush reveals whatever was held,
 * so a secret split by a flush is not masked). What is stored has no timer: it is held until
 * decided, within MAX_PENDING_BYTES, and the stream's end is `end` (fail closed), never `flush`.
 */
export interface Masker {
  readonly rules: readonly MaskRule[];
  readonly initialState: MaskerState;
  /** Masks what can be decided now and holds back only a possible match in progress. */
  step(state: MaskerState, chunk: Uint8Array): MaskStepResult;
  /** Emits everything held, as if the stream paused here (the caller's idle deadline). */
  flush(state: MaskerState): MaskStepResult;
  /**
   * Emits everything held as if the stream ended here, failing closed: an undecided tail that
   * would show part of a possible secret is masked (see tail-candidates.ts). For what is
   * stored: the recording at the session's end.
   */
  end(state: MaskerState): MaskStepResult;
}

/**
 * Bytes held back and not yet emitted, at most (a possible secret in progress, with the
 * escape sequences inside it, and an incomplete escape sequence). A step that would hold more
 * fails closed: it masks the undecided tail like `end`, and goes on masking what follows as
 * long as it can still belong to it (a secret coloured character by character).
 */
export const MAX_PENDING_BYTES = 20 * 1024;
/** Raw bytes of already-emitted context kept for lookbehinds (64 clean bytes and their escapes), at most. */
const MAX_CONTEXT_RAW = 1024;
/**
 * Bytes one state holds, at most. A session has up to three holders (recorded output, the
 * browser's copy while it differs, recorded input, whose two passes share one bound: see
 * stage/typed-input.ts): 3 × 21 KiB ≤ 64 KiB held per session. The
 * longest built-in rule (key material, 19,000 bytes; a PEM block is capped at 16 KiB) fits.
 */
export const MAX_HELD_BYTES = MAX_PENDING_BYTES + MAX_CONTEXT_RAW;

type StepMode = 'step' | 'flush' | 'end' | 'bound';

const EMPTY = Buffer.alloc(0);
const NO_EVENTS: readonly MaskEvent[] = Object.freeze([]);

export const INITIAL_STATE: MaskerState = Object.freeze({
  held: EMPTY,
  emitted: 0,
  base: 0,
  outputOffset: 0,
  blockSearched: 0,
  swallow: null,
  keystrokes: false,
});

/**
 * The initial state of a stream of typed keystrokes read as the line editor reads them: DEL and
 * BS delete the character before, and a line is decided at Enter. It sees a key typed with a
 * typo corrected as one key, but not a key typed whole and then partly deleted: typed input
 * goes through a plain state first (see stage/typed-input.ts).
 */
export const KEYSTROKES_INITIAL_STATE: MaskerState = Object.freeze({ ...INITIAL_STATE, keystrokes: true });

/**
 * Compiles the rules once; the returned functions are pure: the same state and chunk always
 * give the same result, and a state is never modified.
 */
export function createMasker(rules: readonly MaskRule[]): Masker {
  const compiled = compileRules(rules);
  return {
    rules: compiled.rules,
    initialState: INITIAL_STATE,
    step: (state, chunk) => maskStep(compiled, state, toBuffer(chunk), 'step'),
    flush: (state) => maskStep(compiled, state, EMPTY, 'flush'),
    end: (state) => maskStep(compiled, state, EMPTY, 'end'),
  };
}

function toBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * Matching runs on a latin1 string of the clean bytes (one character per byte), so string
 * offsets are byte offsets and multi-byte characters are never split by a mask.
 */
function maskStep(compiled: CompiledRules, state: MaskerState, chunk: Buffer, mode: StepMode): MaskStepResult {
  // A step run from inside another (a rule's `validate` masking something) gets buffers of its own.
  const canReuse = activeSteps === 0;
  activeSteps++;
  try {
    return step(compiled, state, chunk, mode, canReuse);
  } finally {
    activeSteps--;
  }
}

let activeSteps = 0;

function step(compiled: CompiledRules, state: MaskerState, chunk: Buffer, mode: StepMode, canReuse: boolean): MaskStepResult {
  const final = mode !== 'step';
  const isIdle = final ? state.held.length === state.emitted : chunk.length === 0;
  if (isIdle) return { state, output: EMPTY, events: NO_EVENTS };
  const heldLength = state.held.length;
  let raw = heldLength === 0 ? chunk : chunk.length === 0 ? state.held : canReuse ? joinInScratch(state.held, chunk) : Buffer.concat([state.held, chunk]);
  // Only typed input reads backspaces as erasing (see KEYSTROKES_INITIAL_STATE).
  let ansi = stripAnsi(raw, final, canReuse, state.keystrokes);
  // Titles, link targets and other string sequences: masked inside, in place (see string-bodies.ts).
  const inBodies = ansi.hasStringSequence ? maskStringBodies(raw, state.emitted, (body) => maskBody(compiled, body)) : null;
  if (inBodies) {
    raw = inBodies.raw;
    ansi = stripAnsi(raw, final, canReuse, state.keystrokes);
  }
  const isScratch = raw.buffer === scratch.buffer;
  // `held` starts with a little already-emitted text: context for lookbehinds, never re-emitted.
  // In typed input a backspace in this chunk may have erased a character before it, moving what
  // follows: where the emitted part ends in the text is found again.
  const base = !state.keystrokes ? state.base : ansi.escapes.length === 0 ? state.emitted : cleanIndex(ansi.escapes, state.emitted);
  const latin1 = ansi.clean;
  const n = latin1.length;
  // The start filter searches its own copy of the text fastest; a step inside another keeps its own bytes.
  const load = canReuse ? compiled.v8?.start?.filter.load : undefined;
  const cleanBytes = load ? load(ansi.cleanBytes) : ansi.cleanBytes;

  const matches: Match[] = [];
  let committed = base;
  let swallow = state.swallow;
  if (swallow) ({ committed, swallow } = continueSwallow(compiled, swallow, latin1, base, matches));

  let holdFrom = n;
  let blockSearched = 0;
  let passesWithMatches = 0;
  const searched = final ? undefined : SearchedRanges.over(compiled.v8?.start?.filter, cleanBytes);
  if (compiled.v8 && committed < n) {
    const before = matches.length;
    const scanned = scanV8(compiled, compiled.v8, state, base, latin1, cleanBytes, committed, final, matches, searched);
    if (scanned.open) ({ holdFrom, blockSearched } = scanned.open);
    if (scanned.swallow) {
      swallow = scanned.swallow;
      committed = n;
    }
    if (matches.length > before) passesWithMatches++;
  }
  if (compiled.re2 && committed < n) {
    const before = matches.length;
    scanPass(compiled, compiled.re2, cleanBytes, latin1, cleanBytes, committed, matches);
    if (matches.length > before) passesWithMatches++;
  }
  if (passesWithMatches > 1 || (state.swallow && passesWithMatches > 0)) sortAndMergeMasks(matches);
  if ((mode === 'end' || mode === 'bound') && !swallow) swallow = maskRevealingTail(compiled, latin1, cleanBytes, committed, mode, matches) ?? swallow;
  // Typed input is decided a line at a time (at Enter): until then any character may still be deleted.
  if (!final) holdFrom = holdPoint(compiled, latin1, cleanBytes, committed, holdFrom, matches, searched, state.keystrokes ? lineStart(cleanBytes) : n);
  const decided = holdFrom < n && matches.length > 0 ? matches.filter((m) => m.start < holdFrom) : matches;

  let output: Buffer;
  let events = NO_EVENTS;
  let rawEnd: number;
  if (decided.length === 0) {
    // Nothing masked: the output is the input's bytes, as a view where possible.
    rawEnd = renderedEnd(ansi, holdFrom);
    output = isScratch ? fromScratch(raw, chunk, heldLength, state.emitted, rawEnd) : slice(raw, state.emitted, rawEnd);
  } else {
    const rendered = renderOutput(compiled, raw, ansi, decided, state.emitted, renderedEnd(ansi, holdFrom), state.outputOffset);
    rawEnd = rendered.rawEnd;
    events = rendered.events;
    output = isScratch ? detach(rendered.output, raw, chunk, heldLength) : rendered.output;
  }
  if (inBodies) events = withBodyEvents(inBodies.masks, state, output.length, events);
  if (mode === 'step' && raw.length - rawEnd > MAX_PENDING_BYTES) return step(compiled, state, chunk, 'bound', canReuse);
  let contextStart = Math.max(0, holdFrom - CONTEXT_BYTES);
  let contextRaw = contextStart === 0 ? 0 : rawIndex(ansi.escapes, contextStart, { next: 0 });
  if (rawEnd - contextRaw > MAX_CONTEXT_RAW) {
    contextStart = holdFrom;
    contextRaw = rawEnd;
  }
  return {
    seen: mode === 'step' && decided.length > 0 ? seenSecrets(compiled.rules, latin1, decided) : undefined,
    state: {
      // A view only of the previous state's bytes (immutable); the caller's chunk and the scratch are copied.
      held: contextRaw >= raw.length ? EMPTY : raw === state.held ? raw.subarray(contextRaw) : copy(raw, contextRaw, raw.length),
      emitted: rawEnd - contextRaw,
      base: holdFrom - contextStart,
      outputOffset: state.outputOffset + output.length,
      // Only useful when the held text starts with the open block (checked on use).
      blockSearched: blockSearched > holdFrom ? blockSearched - holdFrom : 0,
      swallow,
      keystrokes: state.keystrokes,
    },
    output,
    events,
  };
}

/** A block past its cap, or a tail masked at the held-bytes bound, masked on from `base` until it ends. */
function continueSwallow(
  compiled: CompiledRules,
  swallow: NonNullable<MaskerState['swallow']>,
  latin1: string,
  base: number,
  matches: Match[],
): { committed: number; swallow: MaskerState['swallow'] } {
  const isBlock = compiled.blocks.has(swallow.ruleIndex);
  const { end, isClosed } = isBlock
    ? continueBlock(compiled, swallow.ruleIndex, swallow.tail, latin1, base)
    : continueTail(compiled, swallow.ruleIndex, latin1, base);
  if (end > base) matches.push({ start: base, end, maskStart: base, maskEnd: end, rule: -1 });
  const tail = isBlock ? blockTail(compiled, swallow.ruleIndex, swallow.tail + latin1.slice(base)) : '';
  return { committed: Math.max(base, end), swallow: isClosed ? null : { ruleIndex: swallow.ruleIndex, tail } };
}

/** At the end (or the held-bytes bound): an undecided tail that would reveal part of a secret is masked; at the bound, masking goes on. */
function maskRevealingTail(
  compiled: CompiledRules,
  latin1: string,
  cleanBytes: Buffer,
  committed: number,
  mode: StepMode,
  matches: Match[],
): MaskerState['swallow'] | undefined {
  const tail = revealingTail(
    compiled,
    latin1,
    cleanBytes,
    matches.reduce((end, m) => Math.max(end, m.end), committed),
  );
  if (!tail) return undefined;
  matches.push(tail);
  return mode === 'bound' ? { ruleIndex: tail.rule, tail: '' } : undefined;
}

/** Masks inside string sequences' bodies, placed in the output, before the step's other events. */
function withBodyEvents(
  masks: ReadonlyArray<{ event: MaskEvent; rawAt: number }>,
  state: MaskerState,
  outputLength: number,
  events: readonly MaskEvent[],
): readonly MaskEvent[] {
  return [...masks.map((m) => ({ ...m.event, offset: state.outputOffset + Math.min(outputLength, Math.max(0, m.rawAt - state.emitted)) })), ...events];
}

/**
 * A string sequence's body, masked as a stream of its own that ends there (fail closed). The
 * event offsets it gives are placed approximately when other masks precede it in the frame.
 */
function maskBody(compiled: CompiledRules, body: Buffer): { output: Buffer; events: readonly MaskEvent[] } {
  const first = maskStep(compiled, INITIAL_STATE, body, 'step');
  const last = maskStep(compiled, first.state, EMPTY, 'end');
  return { output: Buffer.concat([first.output, last.output]), events: [...first.events, ...last.events] };
}

/** Larger joins get a buffer of their own (the scratch is kept for the process's life). */
const MAX_SCRATCH = 1 << 20;
let scratch = Buffer.allocUnsafeSlow(0);

/**
 * `held` then `chunk`, in a buffer reused by every step: nothing returned may point into it
 * (see `detach`, and `held` is copied out), so a step allocates no frame-sized buffer.
 */
function joinInScratch(held: Buffer, chunk: Buffer): Buffer {
  const size = held.length + chunk.length;
  if (size > MAX_SCRATCH) return Buffer.concat([held, chunk], size);
  if (scratch.length < size) scratch = Buffer.allocUnsafeSlow(Math.min(MAX_SCRATCH, Math.max(size, 2 * scratch.length, 16384)));
  scratch.set(held, 0);
  scratch.set(chunk, held.length);
  return scratch.subarray(0, size);
}

/** Output that is a view of the scratch: the same bytes in the caller's chunk if they are there, else a copy. */
function detach(output: Buffer, raw: Buffer, chunk: Buffer, heldLength: number): Buffer {
  if (output.buffer !== raw.buffer) return output;
  const offset = output.byteOffset - raw.byteOffset;
  return fromScratch(raw, chunk, heldLength, offset, offset + output.length);
}

/** `raw[from, to)` where `raw` is the scratch holding `heldLength` held bytes then `chunk`. */
function fromScratch(raw: Buffer, chunk: Buffer, heldLength: number, from: number, to: number): Buffer {
  return from >= heldLength ? slice(chunk, from - heldLength, to - heldLength) : copy(raw, from, to);
}

function slice(buffer: Buffer, from: number, to: number): Buffer {
  return from === 0 && to === buffer.length ? buffer : buffer.subarray(from, to);
}

/** A copy of `buffer[from, to)` (small ones from Node's pool). */
function copy(buffer: Buffer, from: number, to: number): Buffer {
  const out = Buffer.allocUnsafe(to - from);
  if (to - from <= 128) for (let i = from; i < to; i++) out[i - from] = buffer[i]!;
  else out.set(buffer.subarray(from, to));
  return out;
}

/** The V8 pass: plain, or following blocks when it holds block rules. */
function scanV8(
  compiled: CompiledRules,
  pass: NonNullable<CompiledRules['v8']>,
  state: MaskerState,
  base: number,
  latin1: string,
  clean: Buffer,
  committed: number,
  final: boolean,
  matches: Match[],
  searched: SearchedRanges | undefined,
): ReturnType<typeof scanWithBlocks> {
  if (pass.hasBlock) return scanWithBlocks(compiled, pass, state, latin1, clean, base, committed, final, matches, searched);
  scanPass(compiled, pass, latin1, latin1, clean, committed, matches, searched);
  return {};
}

/**
 * The pass holding block rules: a block's opening match is followed to its end marker; an
 * unfinished block is held (`open`) or, past its cap, masked to the end (`swallow`).
 */
function scanWithBlocks(
  compiled: CompiledRules,
  pass: NonNullable<CompiledRules['v8']>,
  state: MaskerState,
  latin1: string,
  clean: Uint8Array,
  base: number,
  committed: number,
  final: boolean,
  matches: Match[],
  searched: SearchedRanges | undefined,
): { open?: { holdFrom: number; blockSearched: number }; swallow?: NonNullable<MaskerState['swallow']> } {
  const n = latin1.length;
  let from = committed;
  while (from < n) {
    const block = scanPass(compiled, pass, latin1, latin1, clean, from, matches, searched);
    if (!block) return {};
    const resumeAt = block.start === base ? base + state.blockSearched : 0;
    const result = scanBlock(compiled, block.blockRule, latin1, block.start, block.end, resumeAt, final);
    if (result.kind === 'open') return { open: { holdFrom: block.start, blockSearched: result.searched } };
    const end = result.kind === 'closed' ? result.end : n;
    matches.push({ start: block.start, end, maskStart: block.start, maskEnd: end, rule: block.blockRule });
    if (result.kind === 'capped') {
      return { swallow: { ruleIndex: block.blockRule, tail: blockTail(compiled, block.blockRule, latin1.slice(block.start)) } };
    }
    from = end;
  }
  return {};
}

/** Orders masks and merges overlapping ones (two passes may find overlapping secrets). */
function sortAndMergeMasks(matches: Match[]): void {
  matches.sort((a, b) => a.maskStart - b.maskStart || b.maskEnd - a.maskEnd);
  let w = 0;
  for (const m of matches) {
    const last = w > 0 ? matches[w - 1]! : undefined;
    if (last && m.maskStart < last.maskEnd) {
      last.maskEnd = Math.max(last.maskEnd, m.maskEnd);
      last.start = Math.min(last.start, m.start);
      last.end = Math.max(last.end, m.end);
    } else {
      matches[w++] = m;
    }
  }
  matches.length = w;
}

/** A tail masked at the held-bytes bound goes on while what follows can still belong to it. */
function continueTail(compiled: CompiledRules, ruleIndex: number, latin1: string, from: number): { end: number; isClosed: boolean } {
  const end = swallowEnd(compiled, ruleIndex, latin1, from);
  return { end, isClosed: end < latin1.length };
}

/** The last bytes of a continuing block, enough to find an end marker split across chunks. */
function blockTail(compiled: CompiledRules, ruleIndex: number, seen: string): string {
  return seen.slice(Math.max(0, seen.length - compiled.blocks.get(ruleIndex)!.endBytes));
}
