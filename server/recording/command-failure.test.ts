import { describe, expect, it } from 'vitest';
import { echoedStatus, failedCommandIndex, failureInOutput } from './command-failure';
import { TypedLines } from './typed-lines';

describe('failure messages in output', () => {
  it('finds the first line that reports a failure, cut to a readable length', () => {
    expect(failureInOutput(['total 0', "ls: cannot access '/x': No such file or directory", 'later: Permission denied'])).toBe(
      "ls: cannot access '/x': No such file or directory",
    );
    expect(failureInOutput(['fatal: not a git repository (or any of the parent directories): .git'])).toMatch(/^fatal: not a git/);
    expect(failureInOutput(['E: Unable to locate package nope'])).toBe('E: Unable to locate package nope');
    expect(failureInOutput([`x: Permission denied ${'y'.repeat(300)}`])!.length).toBe(160);
    expect(failureInOutput(['all good', 'found 0 errors'])).toBeNull();
  });

  it('blames the command the message names, else the last of those run together', () => {
    expect(failedCommandIndex(['echo a', 'ls /x', 'echo b'], "ls: cannot access '/x': No such file or directory")).toBe(1);
    expect(failedCommandIndex(['nosuchcmd', 'true'], '-bash: nosuchcmd: command not found')).toBe(0);
    expect(failedCommandIndex(['nosuchcmd'], 'dash: 4: nosuchcmd: not found')).toBe(0);
    expect(failedCommandIndex(['a', 'b'], 'Permission denied')).toBe(1);
  });

  it('reads a status printed by echo $?', () => {
    expect(echoedStatus('echo $?', ['2'])).toBe(2);
    expect(echoedStatus('echo "$?"', ['', '0'])).toBe(0);
    expect(echoedStatus('echo $HOME', ['1'])).toBeNull();
    expect(echoedStatus('echo $?', ['not a number'])).toBeNull();
  });
});

describe('typed lines', () => {
  it('applies the editing a cooked terminal does and splits pastes at line breaks', () => {
    const typed = new TypedLines();
    typed.write('echo typx\x7fo\r');
    typed.write('\x1b[200~echo one\recho two\r\x1b[201~');
    typed.write('rm -rf junk\x17keep\r');
    expect(typed.waiting).toEqual([
      { text: 'echo typo', isExact: true },
      { text: 'echo one', isExact: true },
      { text: 'echo two', isExact: true },
      { text: 'rm -rf keep', isExact: true },
    ]);
  });

  it('marks lines whose text only the screen knows (history, completion, hidden runs)', () => {
    const typed = new TypedLines();
    typed.write('\x1b[A\r');
    typed.write('ls zeb\t\r');
    typed.write('[hidden input]');
    typed.write('\r');
    expect(typed.waiting.map((line) => line.isExact)).toEqual([false, false, false]);
  });

  it('keeps an escape sequence cut between two events whole', () => {
    const typed = new TypedLines();
    typed.write('ab\x1b[');
    typed.write('Dc\r');
    expect(typed.waiting).toEqual([{ text: 'abc', isExact: false }]);
  });
});
