import dayjs from 'dayjs';
import { daysLate, lateBy } from '../due-dates';

/** A moment on a local calendar day, as the API sends it (ISO, UTC). */
const at = (day: string, time: string) => dayjs(`${day}T${time}`).toISOString();

describe('daysLate', () => {
  it('is 0 for a completion on or before the due date, whatever the hour', () => {
    expect(daysLate('2026-03-10', at('2026-03-01', '09:00'))).toBe(0);
    expect(daysLate('2026-03-10', at('2026-03-10', '00:00'))).toBe(0);
    expect(daysLate('2026-03-10', at('2026-03-10', '23:59:59'))).toBe(0);
  });

  it('counts calendar days after the due date', () => {
    expect(daysLate('2026-03-10', at('2026-03-11', '00:00:01'))).toBe(1);
    expect(daysLate('2026-03-10', at('2026-03-11', '23:00'))).toBe(1);
    expect(daysLate('2026-03-10', at('2026-04-09', '08:00'))).toBe(30);
    expect(daysLate('2025-12-31', at('2026-01-01', '10:00'))).toBe(1);
  });

  it('is 0 when there is no completion', () => {
    expect(daysLate('2026-03-10', null)).toBe(0);
    expect(daysLate('2026-03-10', undefined)).toBe(0);
  });

  it('says how late in words', () => {
    expect(lateBy(1)).toBe('1 day after the due date');
    expect(lateBy(12)).toBe('12 days after the due date');
  });
});
