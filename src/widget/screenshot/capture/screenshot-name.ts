/** The file name of a screenshot: the user's local date and time, sortable. */

const pad = (value: number) => String(value).padStart(2, '0');

/** "screenshot-2025-12-01-09-30.png". */
export function screenshotName(at: Date): string {
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `screenshot-${date}-${pad(at.getHours())}-${pad(at.getMinutes())}.png`;
}
