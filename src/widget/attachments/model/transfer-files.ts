/** Files out of a drop or a paste. */

/** The part of DataTransfer we read (tests pass plain objects). */
export interface TransferLike {
  files?: ArrayLike<File> | null;
  items?: ArrayLike<{ kind: string; getAsFile(): File | null }> | null;
  types?: ArrayLike<string> | null;
}

/** The files carried: `files`, or file items where a browser leaves `files` empty on paste. */
export function filesOf(data: TransferLike | null | undefined): File[] {
  if (data === null || data === undefined) return [];
  const files = Array.from(data.files ?? []);
  if (files.length > 0) return files;
  return Array.from(data.items ?? [])
    .filter((item) => item.kind === 'file')
    .map((item) => item.getAsFile())
    .filter((file): file is File => file !== null);
}

/** Whether a drag carries files (links and text are not ours to catch). */
export function carriesFiles(data: TransferLike | null | undefined): boolean {
  return Array.from(data?.types ?? []).includes('Files');
}

/**
 * Whether a paste should attach its files. Not when text goes into a text field: spreadsheets and word processors
 * put a picture of the copied text next to it, and the user meant the text.
 */
export function shouldAttachPaste(data: TransferLike | null | undefined, intoTextField: boolean): boolean {
  if (filesOf(data).length === 0) return false;
  return !(intoTextField && Array.from(data?.types ?? []).includes('text/plain'));
}

/** Whether an event target is a field that takes typed text. */
export function isTextField(target: EventTarget | null | undefined): boolean {
  if (typeof HTMLTextAreaElement !== 'undefined' && target instanceof HTMLTextAreaElement) return true;
  if (typeof HTMLInputElement !== 'undefined' && target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'file', 'button', 'submit', 'reset', 'range', 'color', 'image'].includes(target.type);
  }
  return typeof HTMLElement !== 'undefined' && target instanceof HTMLElement && target.isContentEditable;
}

/**
 * The files a paste event should attach: none when someone deeper took it already (the screenshot flow), or when
 * it brings text into a text field (see {@link shouldAttachPaste}).
 */
export function pastedFiles(event: Event): File[] {
  const paste = event as ClipboardEvent;
  if (paste.defaultPrevented) return [];
  const into = paste.composedPath()[0] ?? paste.target;
  return shouldAttachPaste(paste.clipboardData, isTextField(into)) ? filesOf(paste.clipboardData) : [];
}
