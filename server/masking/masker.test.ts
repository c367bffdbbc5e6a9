import { describe, expect, it } from 'vitest';
import { selectRules } from './built-in-rules';
import { BUILT_IN_RULES } from './built-in-rules';
import { createMasker, KEYSTROKES_INITIAL_STATE, MAX_HELD_BYTES, MAX_PENDING_BYTES } from './masker';
import { maskText } from './mask-text';
import type { MaskerState } from './types';

const masker = createMasker(selectRules());
const KEY = 'AKIAIOSFODNN7EXAMPLE';

function steps(chunks: Array<string | Buffer>, state: MaskerState = masker.initialState) {
  const outputs: string[] = [];
  for (const chunk of chunks) {
    const result = masker.step(state, typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    outputs.push(result.output.toString('latin1'));
    state = result.state;
  }
  return { outputs, state };
}

describe('createMasker: streaming', () => {
  it('emits ordinary output at once, holding nothing', () => {
    const { outputs, state } = steps(['total 12\n-rw-r--r-- 1 root root 1234 Jan  1 12:00 notes.txt\n']);
    expect(outputs).toEqual(['total 12\n-rw-r--r-- 1 root root 1234 Jan  1 12:00 notes.txt\n']);
    expect(state.held.length).toBe(state.emitted);
  });

  it('keeps interactive echo instant for keystrokes that cannot start a secret', () => {
    expect(steps(['l', 'l', ' ', '/', 'm', 'o', '\r\n']).outputs).toEqual(['l', 'l', ' ', '/', 'm', 'o', '\r\n']);
    // "n" could begin "npm_" (a prefixed token is found even glued to a word): held until the next keystroke.
    expect(steps(['l', 'l', ' ', '/', 'm', 'n', 'o', '\r\n']).outputs).toEqual(['l', 'l', ' ', '/', 'm', '', 'no', '\r\n']);
    // "-" could begin "-----BEGIN": held until the next keystroke rules it out (or the idle flush).
    expect(steps(['l', 'l', ' ', '-', 'l', '\r\n']).outputs).toEqual(['l', 'l', ' ', '', '-l', '\r\n']);
  });

  it('holds back only the suffix that could still become a secret', () => {
    const { outputs, state } = steps(['key is AKIAIOSF']);
    expect(outputs).toEqual(['key is ']);
    expect(state.held.subarray(state.emitted).toString()).toBe('AKIAIOSF');
    expect(masker.flush(state).output.toString()).toBe('AKIAIOSF');
  });

  it('masks a secret split over many frames and reports where, never what', () => {
    const { outputs, state } = steps(['id=', 'AKIA', 'IOSFOD', 'NN7EXAM', 'PLE done\n']);
    expect(outputs.join('')).toBe('id=[MASKED:aws-key] done\n');
    const result = masker.step(masker.initialState, Buffer.from(`x ${KEY} y ${KEY}\n`));
    expect(result.events).toEqual([
      { ruleId: 'aws-access-key-id', rule: 'AWS access key ID', offset: 2, length: 16 },
      { ruleId: 'aws-access-key-id', rule: 'AWS access key ID', offset: 21, length: 16 },
    ]);
    expect(result.output.subarray(21, 37).toString()).toBe('[MASKED:aws-key]');
    expect(JSON.stringify(result.events)).not.toContain('AKIA');
    expect(state.outputOffset).toBe(outputs.join('').length);
  });

  it('counts event offsets across steps', () => {
    const first = masker.step(masker.initialState, Buffer.from('hello world\n'));
    const second = masker.step(first.state, Buffer.from(`${KEY}\n`));
    expect(second.events[0]?.offset).toBe(12);
  });

  it('is pure: the same state and chunk give the same result, and states are not modified', () => {
    const { state } = steps(['token: abc']);
    const snapshot = JSON.stringify(state);
    const a = masker.step(state, Buffer.from('defgh\n'));
    const b = masker.step(state, Buffer.from('defgh\n'));
    expect(a.output.equals(b.output)).toBe(true);
    expect(JSON.stringify(state)).toBe(snapshot);
    expect(a.output.toString()).toBe('token: [MASKED:password]\n');
  });

  it('returns outputs and states that later steps do not change (the join buffer is reused)', () => {
    // Frames cut mid-word: each step joins held bytes and the frame, and emits from both.
    const lines = Array.from({ length: 60 }, (_, i) => (i === 30 ? `key ${KEY} token: abc` : `line ${i * 7919} of the log, pass ${i}`));
    const text = Buffer.from(`${lines.join('\r\n')}\r\ntail AKIA`, 'utf8');
    const secretAt = text.indexOf(KEY);
    const cuts = [3, 700, secretAt + 5, secretAt + 6, 1500, 1630, text.length];
    const outputs: Buffer[] = [];
    const copies: string[] = [];
    const states: MaskerState[] = [];
    const heldCopies: Buffer[] = [];
    let state = masker.initialState;
    let previous = 0;
    for (const cut of cuts) {
      const result = masker.step(state, Buffer.from(text.subarray(previous, cut)));
      outputs.push(result.output);
      copies.push(result.output.toString('latin1'));
      states.push(result.state);
      heldCopies.push(Buffer.from(result.state.held));
      state = result.state;
      previous = cut;
    }
    const flushed = masker.flush(state);
    expect(outputs.map((o) => o.toString('latin1'))).toEqual(copies);
    expect(states.map((s) => s.held.toString('latin1'))).toEqual(heldCopies.map((h) => h.toString('latin1')));
    expect(Buffer.concat([...outputs, flushed.output]).equals(maskText(masker, text).output)).toBe(true);
    // Any earlier state can be stepped again, with the same result as before.
    for (const [i, earlier] of states.slice(0, -1).entries()) {
      const again = masker.step(earlier, Buffer.from(text.subarray(cuts[i], cuts[i + 1])));
      expect(again.output.toString('latin1')).toBe(copies[i + 1]);
      expect(again.state.held.equals(states[i + 1]!.held)).toBe(true);
    }
  });

  it('masks correctly when a rule check masks something itself (a step inside a step)', () => {
    const inner = createMasker(selectRules());
    const outer = createMasker([
      {
        id: 'ticket',
        name: 'Ticket',
        label: '[MASKED:ticket]',
        strategy: 'label',
        pattern: 'TKT-[0-9]{4}',
        // Masks unrelated text with escapes and held bytes, as another masker's caller would.
        validate: () =>
          maskText(inner, [`\x1b[1m${'x'.repeat(200)} ${KEY.slice(0, 6)}`, `${KEY.slice(6)} ${'y '.repeat(150)}\x1b[0m`]).output.includes('[MASKED:aws-key]'),
        maxLength: 8,
        enabledByDefault: true,
      },
    ]);
    const lines = Array.from({ length: 30 }, (_, i) => `\x1b[32mline ${i}\x1b[0m TKT-${1000 + i} done`).join('\r\n');
    const bytes = Buffer.from(lines);
    const chunks = [bytes.subarray(0, 100), bytes.subarray(100, 101), bytes.subarray(101, 600), bytes.subarray(600)];
    const expected = lines.replace(/TKT-[0-9]{4}/g, '[MASKED:ticket]');
    expect(maskText(outer, chunks).output.toString()).toBe(expected);
  });

  it('names an overlapping mask by the most specific rule: format rules before context (generic) rules', () => {
    const gh = 'ghp_B0D2xTZdFD2mEWKlH5APw0iQ75H8MqYiwFXW';
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2ln';
    const cases: Array<[string, string, string]> = [
      [`token=${gh}\n`, 'token=[MASKED:github-token]\n', 'github-token'],
      [`"api_key": "${KEY}"\n`, '"api_key": "[MASKED:aws-key]"\n', 'aws-access-key-id'],
      [`Authorization: Bearer ${jwt}\n`, 'Authorization: Bearer [MASKED:jwt]\n', 'jwt'],
      [`https://bot:${gh}@github.com/x\n`, 'https://bot:[MASKED:github-token]@github.com/x\n', 'github-token'],
      // The generic mask is kept where it covers more than the specific match: nothing leaks.
      [`password=x${KEY}\n`, 'password=[MASKED:aws-key]\n', 'aws-access-key-id'],
      ['password=hunter22\n', 'password=[MASKED:password]\n', 'password-assignment'],
    ];
    for (const [text, masked, ruleId] of cases) {
      for (const chunks of [[text], [...text]]) {
        const { output, events } = maskText(masker, chunks);
        expect(output.toString(), text).toBe(masked);
        expect(
          events.map((e) => e.ruleId),
          text,
        ).toEqual([ruleId]);
      }
    }
  });

  it('accepts plain Uint8Array chunks', () => {
    const result = masker.step(masker.initialState, new TextEncoder().encode(`k ${KEY}\n`));
    expect(result.output.toString()).toBe('k [MASKED:aws-key]\n');
  });

  it('applies strategies: keep-last-4 for cards, overrides per rule', () => {
    expect(maskText(masker, 'card 4111 1111 1111 1111\n').output.toString()).toBe('card [MASKED:card]1111\n');
    const custom = createMasker(selectRules({ 'aws-access-key-id': { strategy: 'keep-last-4' }, 'card-number': { enabled: false } }));
    expect(maskText(custom, `${KEY} 4111111111111111\n`).output.toString()).toBe('[MASKED:aws-key]MPLE 4111111111111111\n');
  });
});

describe('createMasker: terminal escapes and UTF-8', () => {
  it('keeps escapes that sit inside a secret, drops its characters', () => {
    const raw = `\x1b[0;32m"AKIA\x1b[01;31m\x1b[KIOSFODNN7\x1b[m\x1b[KEXAMPLE"\x1b[0m\n`;
    expect(maskText(masker, raw).output.toString()).toBe('\x1b[0;32m"[MASKED:aws-key]\x1b[01;31m\x1b[K\x1b[m\x1b[K"\x1b[0m\n');
  });

  it('masks inside string sequences (window title, hyperlink, DCS, APC), keeping them valid', () => {
    const gh = 'ghp_B0D2xTZdFD2mEWKlH5APw0iQ75H8MqYiwFXW';
    const cases: Array<[string, string]> = [
      [`\x1b]0;${KEY}\x07$ `, '\x1b]0;[MASKED:aws-key]\x07$ '],
      [`\x1b]2;deploy ${KEY}\x1b\\$ `, '\x1b]2;deploy [MASKED:aws-key]\x1b\\$ '],
      [`\x1b]8;;https://x.test/?t=${gh}\x1b\\link\x1b]8;;\x1b\\\n`, '\x1b]8;;https://x.test/?t=[MASKED:github-token]\x1b\\link\x1b]8;;\x1b\\\n'],
      [`\x1bPtmux;\x1b\x1b]0;${KEY}\x07\x1b\\\n`, '\x1bPtmux;\x1b\x1b]0;[MASKED:aws-key]\x07\x1b\\\n'],
      [`\x1b_${gh}\x1b\\\n`, '\x1b_[MASKED:github-token]\x1b\\\n'],
      // C1 forms (UTF-8 of U+009D OSC, U+009C ST), and ESC with a control before its `]` (xterm runs the control).
      [`\u009d0;${KEY}\u009c$ `, '\u009d0;[MASKED:aws-key]\u009c$ '],
      [`\x1b\x01]0;${KEY}\x07$ `, '\x1b\x01]0;[MASKED:aws-key]\x07$ '],
      // A title that is not a secret is left exactly as it was.
      ['\x1b]0;user@host: ~/src\x07$ ', '\x1b]0;user@host: ~/src\x07$ '],
    ];
    for (const [raw, masked] of cases) {
      expect(maskText(masker, raw).output.toString(), JSON.stringify(raw)).toBe(masked);
      const bytes = Buffer.from(raw);
      for (let cut = 1; cut < bytes.length; cut++) {
        expect(maskText(masker, [bytes.subarray(0, cut), bytes.subarray(cut)]).output.toString(), `${JSON.stringify(raw)} cut ${cut}`).toBe(masked);
      }
    }
  });

  it('sees through controls the screen drops (NUL, BEL, SO/SI, DEL) inside a secret, at every split', () => {
    const gh = 'ghp_B0D2xTZdFD2mEWKlH5APw0iQ75H8MqYiwFXW';
    const cases: Array<[string, string, string]> = [
      ['AKIARHUNWS7DR4ERD7TI', 'AKIARH\0UNWS7DR4ERD7TI\n', '[MASKED:aws-key]\0\n'],
      ['AKIARHUNWS7DR4ERD7TI', 'key AKIARHUNWS7\x07DR4ERD7TI done\n', 'key [MASKED:aws-key]\x07 done\n'],
      ['AKIARHUNWS7DR4ERD7TI', 'AKIA\x0eRHUNWS7DR4\0\0ERD7\x0fTI\n', '[MASKED:aws-key]\x0e\0\0\x0f\n'],
      [gh, `t ${gh.slice(0, 20)}\x7f${gh.slice(20)}\n`, 't [MASKED:github-token]\x7f\n'],
      // Bytes that are not UTF-8, and a C1 control (U+0085): xterm drops the first, runs the second.
      ['AKIARHUNWS7DR4ERD7TI', 'AKIARH\x80UNWS7\xc0\xafDR4ERD7TI\n', '[MASKED:aws-key]\x80\xc0\xaf\n'],
      ['AKIARHUNWS7DR4ERD7TI', 'AKIARHUNWS\xc2\x9b0m7DR4ERD7TI\n', '[MASKED:aws-key]\xc2\x9b0m\n'],
    ];
    for (const [secret, raw, masked] of cases) {
      const bytes = Buffer.from(raw, 'latin1');
      for (let cut = 0; cut < bytes.length; cut++) {
        const { outputs, state } = steps([bytes.subarray(0, cut), bytes.subarray(cut)]);
        // What the browser shows: everything emitted, then what an idle flush reveals.
        const shown = outputs.join('') + masker.flush(state).output.toString('latin1');
        expect(shown, `${JSON.stringify(raw)} cut ${cut}`).toBe(masked);
        expect(shown.replace(/[\x00-\x07\x0e-\x1f\x7f]/g, '')).not.toContain(secret.slice(0, 8));
      }
    }
  });

  it('keeps TAB, LF, CR, BS, VT and FF in the text (they move the cursor)', () => {
    for (const control of ['\t', '\n', '\r', '\b', '\v', '\f']) {
      const raw = `AKIARH${control}UNWS7DR4ERD7TI\n`;
      expect(maskText(masker, raw).output.toString('latin1'), JSON.stringify(raw)).toBe(raw);
    }
  });

  it('masks a key printed whole even when a backspace follows it: in output BS only moves the cursor', () => {
    // The screen shows the key (nothing overwrites its last character), then erases it or not.
    for (const after of ['\b\r\n', '\b\x1b[C\n', '\b\x1b[K\r\n', '\b \b\r\n']) {
      const raw = `$ AKIARHUNWS7DR4ERD7TI${after}`;
      expect(maskText(masker, raw).output.toString('latin1'), JSON.stringify(raw)).toBe(`$ [MASKED:aws-key]${after}`);
    }
  });

  it('reads typed keystrokes as the line editor does (KEYSTROKES_INITIAL_STATE): DEL and BS delete the character before', () => {
    const typed = (keys: string) => {
      let state = KEYSTROKES_INITIAL_STATE;
      let stored = '';
      for (const key of keys) {
        const result = masker.step(state, Buffer.from(key, 'latin1'));
        stored += result.output.toString('latin1');
        state = result.state;
      }
      return stored + masker.end(state).output.toString('latin1');
    };
    expect(typed(`echo AKIAIOSFODNN7EXAMPZ\x7fLE\r`)).toBe('echo [MASKED:aws-key]\r');
    expect(typed(`echo AKIAIOSFODNN7EXAMPZ\bLE\r`)).toBe('echo [MASKED:aws-key]\r');
    // Each character typed, deleted and typed again: only the first one, erased before the key begins, is stored.
    expect(typed(`echo ${[...KEY].map((c) => `${c}\x7f${c}`).join('')}\r`)).toBe('echo A\x7f[MASKED:aws-key]\r');
    // Ordinary editing is recorded as typed; DEL with nothing before it too.
    expect(typed('lss\x7f -l\r')).toBe('lss\x7f -l\r');
    expect(typed('\x7fls\r')).toBe('\x7fls\r');
    expect(typed(`echo AKIAIOSFODNN7EXAMP-\x7fLE\r`)).toBe('echo [MASKED:aws-key]\r');
    // In output, DEL is ignored by the screen, not an erase: the screen shows AKIAIOSFODNN7EXAMP-LE.
    expect(maskText(masker, `AKIAIOSFODNN7EXAMP-\x7fLE\n`).output.toString('latin1')).toBe('AKIAIOSFODNN7EXAMP-\x7fLE\n');
  });

  it('masks a secret in a string sequence too long to wait for (given up on, its body read as text)', () => {
    const raw = Buffer.from(`\x1b]0;${'x '.repeat(2100)}${KEY} more`);
    const output = maskText(masker, [raw.subarray(0, 4000), raw.subarray(4000, 4210), raw.subarray(4210)]).output.toString();
    expect(output).not.toContain(KEY);
    expect(output).toMatch(/^\x1b\]0;x x .*\[MASKED:aws-key\] more$/s);
  });

  it('waits for an escape sequence split across frames', () => {
    const { outputs } = steps(['ok \x1b[3', '2mgreen!\x1b', '[0m\n']);
    expect(outputs).toEqual(['ok ', '\x1b[32mgreen!', '\x1b[0m\n']);
  });

  it('never cuts a multi-byte character between frames', () => {
    const text = Buffer.from('Größe: 12 € — 🔑 ok\n', 'utf8');
    for (let cut = 1; cut < text.length; cut++) {
      const first = masker.step(masker.initialState, text.subarray(0, cut));
      const decoded = first.output.toString('utf8');
      expect(Buffer.from(decoded, 'utf8').equals(first.output), `cut ${cut}`).toBe(true);
      const second = masker.step(first.state, text.subarray(cut));
      expect(Buffer.concat([first.output, second.output]).equals(text)).toBe(true);
    }
  });
});

describe('createMasker: the end of a stored stream and the held-bytes bound (fail closed)', () => {
  const ended = (chunks: string[]) => {
    const { outputs, state } = steps(chunks);
    return outputs.join('') + masker.end(state).output.toString('latin1');
  };

  it("end masks an undecided tail that shows more than its rule's head; flush releases it", () => {
    expect(ended(['$ printf AKIAIOSFODNN7EXAMPL'])).toBe('$ printf AKIA[MASKED:aws-key]');
    expect(ended(['x ghp_abc'])).toBe('x ghp_[MASKED:github-token]');
    expect(ended(['total 411111111111111'])).toBe('total [MASKED:card]1111');
    expect(ended(['password=ab'])).toBe('password=[MASKED:password]');
    // Heads alone, and tails too short to say anything, are left as they are.
    for (const harmless of ['$ AKIA', '$ AKI', 'x ghp_', 'total 41', '$ ls -', 'passw']) expect(ended([harmless])).toBe(harmless);
    // A flush (the browser's idle deadline) releases the same tail raw: only `end` fails closed.
    expect(masker.flush(steps(['$ printf AKIAIOSFODNN7EXAMPL']).state).output.toString()).toBe('AKIAIOSFODNN7EXAMPL');
  });

  it('end leaves the word that ends a text when a rule with no naming head (e-mail) could start there', () => {
    const withEmail = createMasker(selectRules({ email: { enabled: true } }));
    const endedWith = (text: string) => {
      const first = withEmail.step(withEmail.initialState, Buffer.from(text));
      return Buffer.concat([first.output, withEmail.end(first.state).output]).toString();
    };
    for (const text of ['SELECT * FROM users', 'content-type: application/json', 'UPDATE t SET note = NULL']) expect(endedWith(text)).toBe(text);
    // Cut inside an address, it still fails closed.
    expect(endedWith('mail to john.smith@exam')).not.toContain('smith@exam');
  });

  it("holds every built-in rule's longest match whole (three states of a session hold ≤ 64 KiB)", () => {
    expect(3 * MAX_HELD_BYTES).toBeLessThanOrEqual(64 * 1024);
    for (const rule of BUILT_IN_RULES) expect(rule.maxLength, rule.id).toBeLessThanOrEqual(MAX_PENDING_BYTES);
  });

  it(`holds at most ${MAX_PENDING_BYTES} bytes: a secret coloured character by character past it is masked, and so is the rest of it`, () => {
    const jwt = `eyJhbGciOiJIUzI1NiJ9.${'eyJzdWIiOiIxIn0'.repeat(400)}.c2ln`;
    const coloured = Buffer.from(`${[...jwt].map((ch) => `\x1b[38;5;123m${ch}`).join('')}\x1b[0m done\n`);
    expect(coloured.length).toBeGreaterThan(MAX_PENDING_BYTES);
    let state = masker.initialState;
    let maxHeld = 0;
    const outputs: Buffer[] = [];
    for (let i = 0; i < coloured.length; i += 1024) {
      const result = masker.step(state, coloured.subarray(i, i + 1024));
      state = result.state;
      outputs.push(result.output);
      maxHeld = Math.max(maxHeld, state.held.length);
    }
    outputs.push(masker.end(state).output);
    expect(maxHeld).toBeLessThanOrEqual(MAX_HELD_BYTES);
    const text = Buffer.concat(outputs)
      .toString()
      .replace(/\x1b\[[0-9;]*m/g, '');
    expect(text).toBe('eyJ[MASKED:jwt] done\n');
  });
});

describe('createMasker: private key blocks', () => {
  const begin = '-----BEGIN OPENSSH PRIVATE KEY-----\n';
  const body = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n';
  const end = '-----END OPENSSH PRIVATE KEY-----\n';

  it('holds the block until its end and masks it whole', () => {
    const { outputs } = steps(['$ cat id\n', begin, body, body, end, '$ ']);
    expect(outputs).toEqual(['$ cat id\n', '', '', '', '[MASKED:private-key]\n', '$ ']);
  });

  it('fails closed at the cap: masks what it holds and keeps masking until the end marker', () => {
    const huge = body.repeat(300); // > 16 KiB
    const { outputs } = steps([begin, huge, body, body, end, 'after\n']);
    expect(outputs.join('')).toBe('[MASKED:private-key]\nafter\n');
    expect(outputs.join('')).not.toContain('b3Blbn');
  });

  it('fails closed when flushed open, and keeps masking the rest of the block', () => {
    const { state } = steps([begin, body]);
    const flushed = masker.flush(state);
    expect(flushed.output.toString()).toBe('[MASKED:private-key]');
    const rest = steps([body, end, 'after\n'], flushed.state);
    expect(rest.outputs.join('')).toBe('\nafter\n');
  });

  it('ends a block early at a character that cannot be in a key', () => {
    expect(maskText(masker, `${begin}${body}$ ls\n`).output.toString()).toBe('[MASKED:private-key]$ ls\n');
  });
});
