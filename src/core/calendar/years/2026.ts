import type { YearCalendar } from '../types';

/**
 * 2026: Постановление Правительства РФ от 24.09.2025 «О переносе выходных дней в 2026 году».
 * Days off Jan 1–11, Feb 21–23, Mar 7–9, May 1–3, May 9–11, Jun 12–14, Nov 4, Dec 31 (Dec 31 2025 is in
 * the 2025 table); no working Saturdays.
 */
export const CALENDAR_2026: YearCalendar = {
  year: 2026,
  // Weekend days of the ranges above (Jan 3–4, Feb 21–22, …) are off anyway and are not repeated here.
  daysOff: [
    '01-01', '01-02', '01-05', '01-06', '01-07', '01-08', '01-09',
    '02-23',
    '03-09',
    '05-01', '05-11',
    '06-12',
    '11-04',
    '12-31',
  ],
  workingWeekends: [],
  shortDays: ['04-30', '05-08', '06-11', '11-03'],
};
