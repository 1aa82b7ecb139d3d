/** Steps a user takes in the ticket form, by role and label. */
import { screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/** Chooses a category by its label; past the choice, goes back to it through the chip first. */
export async function chooseCategory(user: UserEvent, label: string): Promise<void> {
  const change = screen.queryByRole('button', { name: /^Изменить категорию/ });
  if (change !== null) await user.click(change);
  await user.click(screen.getByRole('button', { name: label }));
}

/** Types into the field with this label (replacing what is there). */
export async function fill(user: UserEvent, label: string | RegExp, text: string): Promise<void> {
  const field = screen.getByLabelText(label);
  await user.clear(field);
  await user.click(field);
  await user.paste(text);
}

/** Subject, one-problem description and impact. */
export async function fillCommon(user: UserEvent, description = 'При открытии урока появляется белый экран.'): Promise<void> {
  await fill(user, 'Тема обращения', 'Не открывается урок');
  // A suggestion's description is asked for as one («Опишите предложение»).
  await fill(user, /^Опишите (проблему|предложение)$/, description);
  await user.click(screen.getByRole('radio', { name: 'Мешает работать мне' }));
}

/** Clicks "Отправить обращение". */
export async function send(user: UserEvent): Promise<void> {
  await user.click(screen.getByRole('button', { name: 'Отправить обращение' }));
}
