/** Moves focus after an action removed the focused button: to the first of the named buttons that exists, else a fallback. */
import { useCallback, useEffect, useState } from 'react';
import type { RefObject } from 'react';

/** Returns `focusAfter(keys)`; keys match `data-focus` attributes inside `root`. */
export function useFocusAfter(root: RefObject<HTMLElement | null>, fallback: RefObject<HTMLElement | null>) {
  const [request, setRequest] = useState<{ keys: readonly string[] } | null>(null);
  useEffect(() => {
    if (request === null) return;
    const found = request.keys
      .map((key) => root.current?.querySelector<HTMLElement>(`[data-focus="${key}"]`) ?? null)
      .find((element) => element !== null);
    (found ?? fallback.current)?.focus();
  }, [request, root, fallback]);
  // A fresh object each time, so asking twice for the same keys still moves focus.
  return useCallback((keys: readonly string[]) => setRequest({ keys }), []);
}
