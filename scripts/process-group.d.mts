import type { ChildProcess, SpawnOptions } from 'node:child_process';
/** Starts a command in its own process group; `stop()` ends the group (every process it started). */
export function spawnGroup(
  command: string,
  args: string[],
  options?: SpawnOptions,
): { child: ChildProcess; stop: () => void };
