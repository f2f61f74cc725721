import { Global, Module } from '@nestjs/common';
import type { Clock } from '#domain';

/** The injection token of the process's `Clock`: `@Inject(CLOCK) private readonly clock: Clock`. */
export const CLOCK = Symbol('Clock');

/** The system's clock: the one place in the application that reads the time. */
export const systemClock: Clock = { now: () => new Date() };

/** Provides `CLOCK` everywhere; tests override it with a fixed clock. */
@Global()
@Module({ providers: [{ provide: CLOCK, useValue: systemClock }], exports: [CLOCK] })
export class ClockModule {}
