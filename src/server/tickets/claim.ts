/** Claiming uploaded files for a ticket or a message, inside the caller's transaction. */
import type { Transaction } from '../storage/types';
import { ApiFailure, failures } from '../errors';

/** Claims `ids` (uploads of `owner`) for the ticket; any unknown, foreign or used id fails the whole write. */
export async function claimAttachments(
  tx: Transaction,
  owner: string,
  ticketId: string,
  eventId: number | null,
  ids: readonly string[],
  maxPerTicket: number,
): Promise<void> {
  if (ids.length === 0) return;
  if ((await tx.attachments.countForTicket(ticketId)) + ids.length > maxPerTicket) {
    const sentence = { ru: `К обращению можно приложить не больше ${maxPerTicket} файлов.`, en: `A ticket takes ${maxPerTicket} files at most.` };
    throw new ApiFailure(422, 'too_many_attachments', sentence, {
      attachmentIds: { ru: `Можно приложить не больше ${maxPerTicket} файлов`, en: `${maxPerTicket} files at most can be attached` },
    });
  }
  if (new Set(ids).size !== ids.length) {
    throw failures.validation({ attachmentIds: { ru: 'Один и тот же файл приложен дважды', en: 'The same file is attached twice' } });
  }
  for (const [position, id] of ids.entries()) {
    // Someone else's id and an unknown one get the same answer, so ids cannot be probed.
    if (!(await tx.attachments.claim(id, owner, ticketId, eventId, position))) {
      throw failures.validation({
        attachmentIds: { ru: 'Файл не найден или уже приложен к другому обращению. Загрузите его заново', en: 'The file is not found or attached to another ticket already. Upload it again' },
      });
    }
  }
}
