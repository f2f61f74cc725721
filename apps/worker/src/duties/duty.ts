import type { FactoryProvider, Type } from '@nestjs/common';

/**
 * One of the daily duties: finds what the date calls for (a reminder due, a deadline passed, a contract nearing
 * its end), changes states and writes the outbox in its own transaction, and answers the new outbox rows' ids
 * for sending. A duty is safe to run again on the same day, by any number of workers at once: what it writes is
 * keyed (one email per record, kind and occasion), so a second run finds it done.
 */
export interface Duty {
  readonly name: string;
  perform(): Promise<string[]>;
}

export const DUTIES = Symbol('DUTIES');

/** The duties, collected under DUTIES for the duties processor, which runs them in this order. */
export function dutiesProvider(duties: Type<Duty>[]): FactoryProvider<Duty[]> {
  return { provide: DUTIES, useFactory: (...found: Duty[]) => found, inject: duties };
}
