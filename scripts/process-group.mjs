// A child command in its own process group, stopped with everything it started. `npx vite preview` is npx, which
// starts node, which runs vite: killing only the npx process left the preview server running (and its port taken).
import { spawn } from 'node:child_process';

/**
 * Starts `command` as the leader of a new process group (not on Windows, where `taskkill /t` ends the tree).
 * `stop()` signals the whole group; it is safe to call more than once and after the group has ended.
 */
export function spawnGroup(command, args, options = {}) {
  const windows = process.platform === 'win32';
  const child = spawn(command, args, { ...options, detached: !windows, shell: windows });
  let stopped = false;
  const stop = () => {
    if (stopped || child.pid === undefined) return;
    stopped = true;
    try {
      if (windows) spawn('taskkill', ['/pid', String(child.pid), '/t', '/f'], { stdio: 'ignore' });
      else process.kill(-child.pid, 'SIGTERM');
    } catch {
      // The group has ended already.
    }
  };
  return { child, stop };
}
