/** Play steps on the ticket form, by role and label in the story's locale (so they run in ru and en). */
import { expect, userEvent } from 'storybook/test';
import { priorityFor } from '../../src/core';
import type { Category } from '../../src/core';
import { FILLED, GUEST_CONTACT } from './fixtures';
import { typeInto } from './play';
import type { shadowCanvas, Texts } from './play';

type Canvas = ReturnType<typeof shadowCanvas>;

/** Chooses an impact by its label. */
export async function choose(canvas: Canvas, label: string): Promise<void> {
  await userEvent.click(await canvas.findByRole('radio', { name: label }));
}

/** Chooses a category on the form's first screen by its label. */
export async function chooseCategory(canvas: Canvas, label: string): Promise<void> {
  await userEvent.click(await canvas.findByRole('button', { name: label }));
}

/** Completes a form pre-filled with {@link FILLED}: the impact and the fields `open({…})` cannot pre-fill. */
export async function completeFilled(canvas: Canvas, t: Texts, category: Category): Promise<void> {
  const filled = FILLED[category];
  if (filled.testQuestion !== undefined) await typeInto(canvas, t('form:field.testQuestion'), filled.testQuestion);
  if (filled.steps !== undefined) await typeInto(canvas, t('form:field.steps'), filled.steps);
  await choose(canvas, t(`common:impact.${filled.impact}`));
  await expect(await canvas.findByText(t('form:priority', { priority: t(`form:priorityValue.${priorityFor(category, filled.impact)}`) }))).toBeVisible();
}

/** Presses "Send request". */
export async function submit(canvas: Canvas, t: Texts): Promise<void> {
  await userEvent.click(await canvas.findByRole('button', { name: t('form:send.submit') }));
}

/** Types a guest's contact fields (every required one), as in {@link GUEST_CONTACT}. */
export async function fillGuestContact(canvas: Canvas, t: Texts): Promise<void> {
  await typeInto(canvas, t('form:field.contact.organization'), GUEST_CONTACT.organization);
  await typeInto(canvas, t('form:field.contact.lmsUrl'), GUEST_CONTACT.lmsUrl);
  await typeInto(canvas, t('form:field.contact.fullName'), GUEST_CONTACT.fullName);
  await userEvent.selectOptions(canvas.getByRole('combobox', { name: t('form:field.contact.role') }), GUEST_CONTACT.role);
  await typeInto(canvas, t('form:field.contact.phone'), '8 900 123-45-67');
}
