import type { ProgressSaveStatus } from './progress';

/**
 * The save policy both platforms share:
 * - nothing is saved before a load has succeeded, so fresh in-memory progress can never replace stored progress
 *   that was not read (a failed IPC call, a blocked storage, a bad value that could not be kept aside);
 * - a save never rejects: a failure becomes a ProgressSaveStatus, and a run of failures is reported once.
 */
export class ProgressSaveGate {
  private refusal: string | null = 'Progress is not saved before it has been loaded.';
  private failing = false;

  /** The stored progress was read (or there was none): saving may replace it. Storage works: a new failure is news. */
  open(): void {
    this.refusal = null;
    this.failing = false;
  }

  /**
   * Saving would overwrite progress that could not be read or kept aside: refuse every save with `reason`.
   * `alreadyReported`: the load's problems told the student, so the first refused save needs no notice.
   */
  refuse(reason: string, alreadyReported: boolean): void {
    this.refusal = reason;
    if (alreadyReported) this.failing = true;
  }

  async save(write: () => void | Promise<void>, describe: (error: unknown) => string): Promise<ProgressSaveStatus> {
    if (this.refusal) return this.failed(this.refusal);
    try {
      await write();
    } catch (error) {
      return this.failed(describe(error));
    }
    this.failing = false;
    return { saved: true, notice: null };
  }

  private failed(message: string): ProgressSaveStatus {
    const first = !this.failing;
    this.failing = true;
    return { saved: false, notice: first ? message : null };
  }
}
