/** The current time from the widget's clock, re-read on an interval so time-dependent text stays true. */
import { useEffect, useState } from 'react';

/** Re-reads `now()` every `everyMs` while mounted; the timer is cleared on unmount. */
export function useNow(now: () => Date, everyMs = 60_000): Date {
  const [value, setValue] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setValue(now()), everyMs);
    return () => clearInterval(timer);
  }, [now, everyMs]);
  return value;
}
