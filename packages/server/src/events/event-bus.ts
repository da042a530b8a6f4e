/** What the bus needs of a channel to other threads: a BroadcastChannel has it. */
export interface BusChannel {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/**
 * Signal that events were committed. Event streams in this process wake at once; so do those of
 * the other threads of a server started with `--workers` once the bus is `shareWith` their
 * channel. Streams in other processes find the events when they next poll the table.
 */
export class EventBus {
  private readonly listeners = new Set<() => void>();
  private channel: BusChannel | null = null;

  /** Call after the transaction that appended events has committed. */
  published(): void {
    this.wake();
    this.channel?.postMessage('published');
  }

  /**
   * Carries every `published` to the other threads on `channel` and wakes this thread's streams
   * on theirs. A channel does not hear its own messages, so a signal is never echoed back.
   */
  shareWith(channel: BusChannel): void {
    this.channel = channel;
    channel.onmessage = () => this.wake();
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** How many listeners are subscribed; lets tests check that closed streams leave none behind. */
  get listenerCount(): number {
    return this.listeners.size;
  }

  private wake(): void {
    for (const listener of this.listeners) listener();
  }
}
