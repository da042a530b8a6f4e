/**
 * Runs work for one key after the work before it for that key has finished, in this process.
 * Logins on one user name go through it so that each sees the failures of the one before: a
 * burst of guesses sent at once cannot all be checked against the password before the first
 * failure is counted.
 */
export class OneAtATime {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const result = before.then(work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
