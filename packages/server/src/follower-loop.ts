/**
 * The loop every follower of the change feed runs (the screening index, identity links, hits
 * after the fact): one run at a time, whoever asks (a timer, a screening, another thread's
 * commit), and a timer that does not keep the process alive. A subclass says what one run does.
 */
export abstract class FollowerLoop<T> {
  /** The run under way, which every caller meanwhile shares. */
  protected running: Promise<T> | null = null;
  /** Set by `stop()`: a run under way leaves the rest of a long backlog to the next start. */
  protected stopped = false;
  private timer: NodeJS.Timeout | null = null;

  /** Handles everything not yet handled; concurrent callers share one run. */
  catchUp(): Promise<T> {
    this.running ??= this.apply().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  start(pollMs: number, onError: (err: unknown) => void): void {
    this.stopped = false;
    this.timer = setInterval(() => {
      this.catchUp().catch(onError);
    }, pollMs);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  protected abstract apply(): Promise<T>;
}
