import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BASHRC = `# Porthole demo shell
PS1='\\[\\e[1;32m\\]demo\\[\\e[0m\\]:\\[\\e[1;34m\\]\\w\\[\\e[0m\\]\\$ '
alias ls='ls --color=auto'
alias grep='grep --color=auto'
`;

const README = `This is Porthole's demo shell: a real bash on the Porthole host, started in this
scratch directory, as an account that cannot read Porthole's data directory. Everything
you type and see passes through Porthole's gateway.
`;

/** Where the demo shell lives: outside the data directory (which it must not reach), one per data directory. */
export function scratchDirFor(dataDir: string): string {
  const id = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `porthole-demo-${id}`);
}

/** Creates a file only if nothing (not even a symlink) is there, owned by the shell's account. */
function writeNew(file: string, content: string, owner: { uid: number; gid: number }): void {
  const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, 0o600);
  try {
    fs.writeSync(fd, content);
    fs.fchownSync(fd, owner.uid, owner.gid);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The demo shell's home, owned by the account the shell runs as and private to it. It sits in
 * a shared temp directory, so nothing there is trusted: a new directory is filled while it is
 * still Porthole's and handed over last; an existing one must be a real directory that
 * account already owns, and is left as the shell left it.
 */
export function prepareScratchDir(dir: string, owner: { uid: number; gid: number }): string {
  let isNew = true;
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    isNew = false;
  }
  const fd = fs.openSync(dir, fs.constants.O_RDONLY | fs.constants.O_DIRECTORY | fs.constants.O_NOFOLLOW);
  try {
    const stat = fs.fstatSync(fd);
    if (!isNew && stat.uid !== owner.uid) throw new Error(`${dir} belongs to another account (uid ${stat.uid}); remove it`);
    if (isNew) {
      writeNew(path.join(dir, '.bashrc'), BASHRC, owner);
      writeNew(path.join(dir, 'README.txt'), README, owner);
    }
    fs.fchmodSync(fd, 0o700);
    fs.fchownSync(fd, owner.uid, owner.gid);
  } finally {
    fs.closeSync(fd);
  }
  return dir;
}
