// A process killed in the middle of a save must leave the previous progress.json intact. A child Node process runs
// the real store code (electron/progressStore.ts bundled by esbuild to an .mjs, since Node 20 cannot run .ts) and
// saves large progress in a loop; the test kills it with SIGKILL at random moments and checks the file each time.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProgress } from './ipc/progress';
import { PROGRESS_FILE_NAME } from './progressStore';

const ROUNDS = 20;
/** Big enough that writing and syncing takes a while, so that many kills land inside a write. */
const ANSWER_CHARS = 3 * 1024 * 1024;

let workDir: string;
let childScript: string;

const CHILD = `
import { ProgressStore } from './progressStore.mjs';
const store = new ProgressStore({ dir: process.argv[2], log: () => {} });
await store.load();
const big = 'x'.repeat(${ANSWER_CHARS});
for (let i = Date.now(); ; i++) {
  // Each value is self-consistent (the step, the lesson id and the answer all carry i), so a mix of two saves shows.
  await store.save({
    schemaVersion: 1,
    lastLessonId: 'run-' + i,
    lessons: { big: { step: i, completed: false, updatedAt: new Date().toISOString(),
      answers: [{ questionId: 'q', attempt: 1, correct: true, answer: big + i, at: new Date().toISOString() }] } },
  });
  if (!globalThis.told) { globalThis.told = true; process.stdout.write('saved\\n'); }
}
`;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'rmo-kill-'));
  await build({
    entryPoints: [path.join(import.meta.dirname, 'progressStore.ts')],
    outfile: path.join(workDir, 'progressStore.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
  });
  childScript = path.join(workDir, 'child.mjs');
  await writeFile(childScript, CHILD);
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** Starts the child and resolves once it has completed its first save (so there is a previous file to protect). */
async function startSaving(dataDir: string) {
  const child = spawn(process.execPath, [childScript, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => resolve());
    child.on('exit', (code) => reject(new Error(`child exited (${code}) before saving: ${stderr}`)));
  });
  return child;
}

describe('ProgressStore under SIGKILL', () => {
  it(`after ${ROUNDS} kills at random moments, progress.json is always a complete, valid save`, async () => {
    const dataDir = path.join(workDir, 'userData');
    let killedMidWrite = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const child = await startSaving(dataDir);
      const delay = Math.floor(Math.random() * 80);
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await once(child, 'exit');

      const names = await readdir(dataDir);
      // A temp file left behind means the kill landed inside a write: those are the rounds that matter.
      if (names.some((name) => name.startsWith(`${PROGRESS_FILE_NAME}.tmp-`))) killedMidWrite++;
      expect(
        names.filter((name) => name.includes('.bad-')),
        `round ${round}: nothing was set aside`,
      ).toEqual([]);

      const text = await readFile(path.join(dataDir, PROGRESS_FILE_NAME), 'utf8');
      const checked = checkProgress(JSON.parse(text));
      expect(checked.ok, `round ${round} (killed after ${delay} ms): the file validates`).toBe(true);
      if (!checked.ok) continue;
      const { lastLessonId, lessons } = checked.progress;
      const i = Number(lastLessonId?.slice('run-'.length));
      expect(lessons.big?.step, `round ${round}: one save, not a mix`).toBe(i);
      expect(lessons.big?.answers[0]?.answer).toBe('x'.repeat(ANSWER_CHARS) + i);
    }
    // If no kill ever hit a write, the test proved nothing; with writes of 3 MB plus fsync most kills do.
    expect(killedMidWrite).toBeGreaterThan(0);
  }, 120_000);
});
