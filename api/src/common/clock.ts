import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';

/**
 * The one clock. Services read "now" here once, at the start of an operation, and pass that instant
 * to every rule they apply, so one operation never sees two different times. Integration tests can
 * fix the time (`fixAt`) to reach exact boundaries through the API; that is refused outside tests.
 */
@Injectable()
export class Clock {
  private fixed: Date | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  now(): Date {
    return this.fixed ? new Date(this.fixed.getTime()) : new Date();
  }

  /** Tests only: every later `now()` answers this instant (null returns to the real time). */
  fixAt(at: Date | null): void {
    if (this.config.env !== 'test') {
      throw new Error('The clock can only be fixed in tests');
    }
    this.fixed = at ? new Date(at.getTime()) : null;
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
