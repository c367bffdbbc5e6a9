import { describe, expect, it } from 'vitest';
import { normaliseCommand, normaliseFailure } from './normalise-command';

describe('normaliseCommand', () => {
  it.each([
    ['ls -la /tmp', 'ls -la <path>'],
    ['ls -la /var/log', 'ls -la <path>'],
    ['ls /nonexistent', 'ls <path>'],
    ['cat notes.txt todo.md', 'cat <path>'],
    ['tail -n 100 app.log', 'tail -n <n> <path>'],
    ['head -20 file', 'head <n> file'],
    ['git status', 'git status'],
    ['git checkout 3f2a9c1d', 'git checkout <hex>'],
    ['git commit -m "fix the thing"', 'git commit -m <str>'],
    ["grep -r 'connection refused' ~/logs", 'grep -r <str> <path>'],
    ['kubectl logs pod-x --since=10m', 'kubectl logs pod-x --since=<n>'],
    ['curl -s https://example.com/health?x=1', 'curl -s <url>'],
    ['ssh deploy@10.0.0.5', 'ssh <user@host>'],
    ['ping 10.0.0.5', 'ping <ip>'],
    ['docker rm 0b7e4c1a-5d2f-4a8b-9c3e-1f2a3b4c5d6e', 'docker rm <uuid>'],
    ['PGPASSWORD=hunter2 psql -h db', 'PGPASSWORD=<val> psql -h db'],
    ['sudo systemctl restart nginx', 'sudo systemctl restart nginx'],
    ['./deploy.sh --env=prod', './deploy.sh --env=prod'],
    ['ps aux | grep node', 'ps aux | grep node'],
    ['cd /srv && ./run.sh 3', 'cd <path> && ./run.sh <n>'],
    ['  echo   $HOME  ', 'echo <path>'],
  ])('%s → %s', (input, pattern) => {
    expect(normaliseCommand(input)).toBe(pattern);
  });

  it('keeps a very long command to 200 characters', () => {
    expect(normaliseCommand(`echo ${'word '.repeat(100)}`)).toHaveLength(200);
  });
});

describe('normaliseFailure', () => {
  it('folds the names a message quotes, so the same failure on two paths is one cause', () => {
    expect(normaliseFailure("ls: cannot access '/nonexistent': No such file or directory")).toBe('ls: cannot access <str>: No such file or directory');
    expect(normaliseFailure("ls: cannot access '/tmp/x': No such file or directory")).toBe('ls: cannot access <str>: No such file or directory');
    expect(normaliseFailure('-bash: line 3: nosuch: command not found')).toBe('-bash: line <n>: nosuch: command not found');
    expect(normaliseFailure('cat: /etc/shadow: Permission denied')).toBe('cat: <path>: Permission denied');
  });
});
