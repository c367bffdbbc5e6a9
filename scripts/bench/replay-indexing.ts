import fs from 'node:fs';
import { startSshd } from '@/test/harness/sshd';
import { median, spread, untilMachineIdle } from './procedures';
import { catFilePath, catOnce, fmt, initFor, startChild, untilIdle, writeCatFile, type GatewayChild } from './replay-gateway';

/**
 * bench:replay part 4 (`--while-indexing`): a live `cat` through the gateway while the same
 * process indexes a finished recording, against the same `cat` on an idle gateway. Indexing
 * (a headless terminal, the search lines, the index's rows) must not slow live sessions.
 *
 * Each round records one `cat` (the recording to index), then runs unrecorded `cat`s back to
 * back for as long as the gateway is still indexing: their combined throughput is the round's
 * "while indexing" figure. The "idle" figure is one unrecorded `cat` on an idle gateway and
 * machine. Rounds alternate which of the two goes first, after one unmeasured `cat` that warms
 * the process up. File store, PGlite.
 */

const MAX_CATS_WHILE_INDEXING = 20;
type Log = (line: string) => void;
export type IndexingResult = { fileMb: number; rounds: number; idle: number[]; whileIndexing: number[]; catsWhileIndexing: number[] };

async function untilIndexingStarts(gateway: GatewayChild): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    if ((await gateway.indexingJobs()) > 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** Unrecorded cats while indexing runs: their combined MB/s (total bytes over total time), and how many ran. */
async function catsWhileIndexing(gateway: GatewayChild, dataFile: string): Promise<{ mbps: number; cats: number }> {
  await catOnce(gateway, true, dataFile);
  if (!(await untilIndexingStarts(gateway))) throw new Error('the gateway did not start indexing the recording');
  let secondsPerMb = 0;
  let cats = 0;
  while (cats < MAX_CATS_WHILE_INDEXING && (await gateway.indexingJobs()) > 0) {
    secondsPerMb += 1 / (await catOnce(gateway, false, dataFile)).mbps;
    cats++;
  }
  return { mbps: cats / secondsPerMb, cats };
}

export async function catWhileIndexing({ fileMb, rounds, log }: { fileMb: number; rounds: number; log: Log }): Promise<IndexingResult> {
  const sshd = await startSshd();
  const dataFile = catFilePath();
  const result: IndexingResult = { fileMb, rounds, idle: [], whileIndexing: [], catsWhileIndexing: [] };
  let gateway: GatewayChild | undefined;
  try {
    gateway = await startChild(await initFor('file', { sshd }));
    writeCatFile(dataFile, fileMb);
    // A fresh process runs its first cat on cold code: not measured, or the first "idle" figure would be low.
    await catOnce(gateway, false, dataFile);
    for (let round = 0; round < rounds; round++) {
      for (const isIndexing of round % 2 === 0 ? [false, true] : [true, false]) {
        await untilIdle(gateway.pid);
        await untilMachineIdle();
        if (isIndexing) {
          const { mbps, cats } = await catsWhileIndexing(gateway, dataFile);
          result.whileIndexing.push(mbps);
          result.catsWhileIndexing.push(cats);
          log(`round ${round + 1} while indexing: ${mbps.toFixed(1)} MB/s over ${cats} cats`);
        } else {
          const { mbps } = await catOnce(gateway, false, dataFile);
          result.idle.push(mbps);
          log(`round ${round + 1} idle gateway: ${mbps.toFixed(1)} MB/s`);
        }
      }
    }
  } finally {
    fs.rmSync(dataFile, { force: true });
    gateway?.stop();
    await sshd.stop();
  }
  return result;
}

/** Markdown table row: live cat throughput while indexing / idle, medians (min–max), and their ratio. */
export function indexingRows(result: IndexingResult): string[] {
  return [
    `| unrecorded \`cat\` ${result.fileMb} MB while the gateway indexes a ${result.fileMb} MB recording / on an idle gateway: median (min–max) of ${result.rounds} | ${spread(result.whileIndexing)} / ${spread(result.idle)} MB/s = **${fmt(median(result.whileIndexing) / median(result.idle), 2)}×** (${result.catsWhileIndexing.join(', ')} cats while indexing) | ≥ 0.95× |`,
  ];
}
