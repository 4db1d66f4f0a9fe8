import { Injectable } from '@nestjs/common';

/**
 * The time, as one injectable: rules that depend on it (a pause before a quiz retry) ask the
 * clock instead of `new Date()`, so a test can move time on without waiting for it.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
