import type { YearCalendar } from '../types';

/**
 * 2025: Постановление Правительства РФ № 1335 от 04.10.2024 «О переносе выходных дней в 2025 году».
 * Days off Jan 1–8, May 1–4, May 8–11, Jun 12–15, Nov 2–4, Dec 31; Saturday Nov 1 works (short).
 */
export const CALENDAR_2025: YearCalendar = {
  year: 2025,
  // Weekend days of the ranges above (Jan 4–5, May 3–4, …) are off anyway and are not repeated here.
  daysOff: [
    '01-01', '01-02', '01-03', '01-06', '01-07', '01-08',
    '05-01', '05-02', '05-08', '05-09',
    '06-12', '06-13',
    '11-03', '11-04',
    '12-31',
  ],
  workingWeekends: ['11-01'],
  shortDays: ['03-07', '04-30', '06-11', '11-01'],
};
