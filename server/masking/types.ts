/** How a match is replaced in the output. */
export type MaskStrategy = 'label' | 'keep-last-4';

/**
 * A masking rule is data. Built-in detectors and admin-defined rules share this shape; the
 * engine combines them (see compile-rules.ts).
 */
export interface MaskRule {
  /** Stable id: `aws-access-key-id`, or `custom:<uuid>` for admin rules. */
  id: string;
  /** Human name, shown in events, the replay timeline and the admin UI. */
  name: string;
  /** The replacement text, e.g. `[MASKED:aws-key]`. */
  label: string;
  strategy: MaskStrategy;
  /**
   * Regular expression source (the subset in regex-ast.ts). A group named `secret` marks the
   * part to mask; without one, the whole match is masked. `^`/`$` mean start/end of line.
   */
  pattern: string;
  /** `i` (case-insensitive), `s` (`.` matches newlines). */
  flags?: string;
  /** Called with the secret's text; `false` rejects the candidate (checksums). */
  validate?: (secret: string) => boolean;
  /**
   * The rule finds a secret by its context (a key name, a header, a URL's shape), not by the
   * secret's own format. Where such a match overlaps one of a rule that is not generic
   * (`token=ghp_…`), the specific rule names the mask: precedence is specific first, then
   * leftmost, then the order of the rule list.
   */
  generic?: boolean;
  /** Longest possible match in bytes: bounds the streaming hold-back. */
  maxLength: number;
  enabledByDefault: boolean;
  /** `re2` for admin rules (linear time, no lookarounds); built-ins run on V8's irregexp. */
  engine?: 'v8' | 're2';
  /**
   * A multi-line block (PEM keys): `pattern` matches the opening line, `end` the closing one,
   * and everything between is masked as one. `body` is a character class of what can occur
   * inside; any other character ends the block early. `maxLength` caps the block: past it the
   * held part is masked and masking goes on until `end` or a non-body character (fail closed).
   */
  block?: { end: string; body: string };
  /** One line for the admin UI. */
  description?: string;
}

/** Where masking happened, for the replay timeline and session counts: never the secret. */
export interface MaskEvent {
  ruleId: string;
  rule: string;
  /** Byte offset of the replacement in the masker's output stream. */
  offset: number;
  /** Byte length of the replacement in the output stream. */
  length: number;
}

export interface MaskStepResult {
  state: MaskerState;
  /** May share memory with the input chunk; treat as read-only. */
  output: Buffer;
  events: readonly MaskEvent[];
  /**
   * The secrets a step masked (by a rule, in a decided match), so the session can mask them
   * wherever they appear later (learned-secrets.ts). Kept in memory only, never stored.
   */
  seen?: readonly SeenSecret[];
}

/** A secret a rule masked: the rule and the masked text (latin1: one character per byte). */
export interface SeenSecret {
  rule: MaskRule;
  value: string;
}

/** Opaque, immutable between steps. */
export interface MaskerState {
  /**
   * Raw bytes kept for the next step: the last few already emitted (context for lookbehinds),
   * then those not yet emitted (a possible match in progress, an incomplete escape or character).
   */
  readonly held: Buffer;
  /** How many raw bytes at the start of `held` were already emitted. */
  readonly emitted: number;
  /** The same in clean bytes (escape sequences removed); typed input finds it again each step. */
  readonly base: number;
  /** Bytes emitted so far: event offsets are positions in this stream. */
  readonly outputOffset: number;
  /** Clean bytes of an open block (PEM) in `held` already searched for its end. */
  readonly blockSearched: number;
  /**
   * A block past its cap (or flushed while open), or a tail masked at the held-bytes bound:
   * masking continues until it ends.
   */
  readonly swallow: { readonly ruleIndex: number; readonly tail: string } | null;
  /** The stream is typed keystrokes: DEL and BS delete the character before (see stripAnsi), lines are decided at Enter. */
  readonly keystrokes: boolean;
}
