import type { Clock } from '#domain';

/** A clock that reads what the test set: pinned at `at`, moved on only by `set()` and `advance()`. */
export class FixedClock implements Clock {
  private current: Date;

  constructor(at: Date | string) {
    this.current = new Date(at);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at);
  }

  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}
