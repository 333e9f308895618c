import { describe, expect, it } from 'vitest';
import { addBusinessHours } from './work-calendar';

const SHANGHAI = 'Asia/Shanghai';
const at = (local: string) => new Date(`${local}+08:00`);

describe('business hours', () => {
  it('count only working hours of working days', () => {
    // Monday 2026-12-07 10:00 + 4 h → 14:00 the same day.
    expect(addBusinessHours(at('2026-12-07T10:00:00'), 4, undefined, SHANGHAI)).toEqual(at('2026-12-07T14:00:00'));
    // Friday 17:00 + 8 h: 1 h on Friday, 7 h on Monday → Monday 16:00.
    expect(addBusinessHours(at('2026-12-11T17:00:00'), 8, undefined, SHANGHAI)).toEqual(at('2026-12-14T16:00:00'));
    // Sent at night: the clock starts at 09:00 next morning.
    expect(addBusinessHours(at('2026-12-07T22:30:00'), 1.5, undefined, SHANGHAI)).toEqual(at('2026-12-08T10:30:00'));
  });

  it('skip holidays and count make-up workdays (调休), with a custom day', () => {
    const calendar = { holidays: ['2026-10-01', '2026-10-02'], workdays: ['2026-10-10'], start: '08:30', end: '17:30' };
    // Wednesday 2026-09-30 17:00 + 2 h: 0.5 h that day, Thursday and Friday are holidays, the weekend is off → Monday 10:00.
    expect(addBusinessHours(at('2026-09-30T17:00:00'), 2, calendar, SHANGHAI)).toEqual(at('2026-10-05T10:00:00'));
    // Saturday 2026-10-10 is worked.
    expect(addBusinessHours(at('2026-10-10T08:00:00'), 1, calendar, SHANGHAI)).toEqual(at('2026-10-10T09:30:00'));
  });
});
