/**
 * Attaches files pasted anywhere in the widget: listens on the widget's container (never on the host document).
 * Several pickers listen there (the new ticket's, a reply's); only one on the screen shown takes the paste.
 */
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { pastedFiles } from './model/transfer-files';

/** Where to listen: the given target, else the element we render. */
export function usePasteFiles(
  own: RefObject<HTMLElement | null>,
  target: (() => HTMLElement | ShadowRoot | null) | undefined,
  onFiles: (files: File[]) => void,
): void {
  const handler = useRef(onFiles);
  useEffect(() => {
    handler.current = onFiles;
  });
  useEffect(() => {
    const node = target?.() ?? own.current;
    if (node === null) return undefined;
    const listener = (event: Event) => {
      // Not while this picker's screen is hidden (the new ticket's form stays mounted under a ticket being answered).
      if (own.current?.closest('[hidden]')) return;
      const files = pastedFiles(event);
      if (files.length === 0) return;
      event.preventDefault();
      handler.current(files);
    };
    node.addEventListener('paste', listener);
    return () => node.removeEventListener('paste', listener);
  }, [own, target]);
}
