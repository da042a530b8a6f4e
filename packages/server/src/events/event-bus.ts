/**
 * In-process signal that events were committed. Event streams in this process wake at once;
 * streams in other processes find the events when they next poll the table.
 */
export class EventBus {
  private readonly listeners = new Set<() => void>();

  /** Call after the transaction that appended events has committed. */
  published(): void {
    for (const listener of this.listeners) listener();
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
}
