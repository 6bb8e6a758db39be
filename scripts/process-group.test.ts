import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { spawnGroup } from './process-group.mjs';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.skipIf(process.platform === 'win32')('spawnGroup', () => {
  it('stop() ends the grandchildren too (npx -> node -> vite preview), not only the direct child', async () => {
    // The shell starts a grandchild, prints its pid and waits: like npx starting the real server.
    const { child, stop } = spawnGroup('sh', ['-c', 'sleep 60 & echo $!; wait'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
    const grandchild = Number(chunk.toString().trim());
    expect(alive(grandchild)).toBe(true);
    const exited = once(child, 'exit');
    stop();
    await exited;
    await expect.poll(() => alive(grandchild), { timeout: 5000 }).toBe(false);
    stop(); // a second call is harmless
  });
});
