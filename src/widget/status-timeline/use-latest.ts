/** The latest value of a prop or closure, for callbacks that must not resubscribe when it changes. */
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';

/** A ref that always holds the value of the last committed render. */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
