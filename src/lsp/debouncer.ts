// One pending analysis per key (a workspace folder): a new request restarts the wait, and runs of
// the same key never overlap; a request made during a run starts another run after it.
export class Debouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<void>>();

  constructor(private readonly run: (key: string) => Promise<void>) {}

  schedule(key: string, delayMs: number): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.start(key);
      }, delayMs),
    );
  }

  /** Run now if a run is pending or in progress, and wait for it. */
  async flush(key: string): Promise<void> {
    const pending = this.timers.get(key);
    if (pending) {
      clearTimeout(pending);
      this.timers.delete(key);
      await this.start(key);
    } else await this.running.get(key);
  }

  private start(key: string): Promise<void> {
    const previous = this.running.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.run(key)).catch(() => undefined);
    this.running.set(key, next);
    void next.finally(() => {
      if (this.running.get(key) === next) this.running.delete(key);
    });
    return next;
  }
}
