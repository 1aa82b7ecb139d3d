/** What a user does with the widget, by role and label: find the launcher and panel, fill, paste, send. */
import type { Locator, Page } from 'playwright';
import { waitUntil } from './page-checks';
import type { TrackedPage } from './page-checks';

/** The loader's launcher button (in its own shadow root). */
export function launcher(page: Page): Locator {
  return page.locator('uchi-support-launcher').getByRole('button');
}

/** The launcher's panel. */
export function panel(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Техподдержка Uchi.Pro' });
}

/** Fills the fields every ticket has: category (when still to choose), subject, description, impact. */
export async function fillBasics(scope: Locator, ticket: { category?: string; subject: string; description: string }): Promise<void> {
  // Without a category the form is already past its choice.
  if (ticket.category !== undefined) await scope.getByRole('button', { name: ticket.category, exact: true }).click();
  await scope.getByLabel('Тема обращения').fill(ticket.subject);
  await scope.getByLabel('Опишите проблему').fill(ticket.description);
  await scope.getByRole('radio', { name: 'Мешает работать мне' }).check();
}

/** Sends the form and waits for the confirmation; on failure, says what the form shows instead. */
export async function send(tracked: TrackedPage, scope: Locator): Promise<void> {
  await scope.getByRole('button', { name: 'Отправить обращение' }).click();
  const confirmed = scope.getByText(/^Номер обращения: UP-/);
  await waitUntil(tracked, 'the confirmation', () => confirmed.isVisible(), 15_000).catch(async (error: unknown) => {
    const shown = await scope.innerText().catch(() => '');
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nThe widget shows:\n${shown.slice(0, 3000)}`);
  });
}

/** Runs in the page on an element of the widget: draws a PNG on a canvas and pastes it there as a file. */
export const PASTE_PNG = async (target: Element) => {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 200;
  const g = canvas.getContext('2d');
  if (g === null) throw new Error('no 2d context');
  g.fillStyle = '#2f6fed';
  g.fillRect(0, 0, 320, 200);
  g.fillStyle = '#ffffff';
  g.fillRect(40, 40, 120, 60);
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b === null ? reject(new Error('toBlob')) : resolve(b)), 'image/png'));
  const data = new DataTransfer();
  data.items.add(new File([blob], 'screenshot.png', { type: 'image/png' }));
  target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }));
};
