import fs from 'node:fs';
import path from 'node:path';

const BASHRC = `# Porthole demo shell
PS1='\\[\\e[1;32m\\]demo\\[\\e[0m\\]:\\[\\e[1;34m\\]\\w\\[\\e[0m\\]\\$ '
alias ls='ls --color=auto'
alias grep='grep --color=auto'
`;

const README = `This is Porthole's demo shell: a real bash on the Porthole host, started in this
scratch directory. Everything you type and see passes through Porthole's gateway.
`;

/** The demo shell's home: a scratch directory under the data directory, with a friendly prompt. */
export function prepareScratchDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const bashrc = path.join(dir, '.bashrc');
  if (!fs.existsSync(bashrc)) fs.writeFileSync(bashrc, BASHRC);
  const readme = path.join(dir, 'README.txt');
  if (!fs.existsSync(readme)) fs.writeFileSync(readme, README);
  return dir;
}
