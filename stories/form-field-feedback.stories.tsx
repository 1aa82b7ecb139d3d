/**
 * What the fields tell before sending: a counter near a text's limit, a warning for a link of another kind, and a
 * guest's contact remembered on this device.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { TICKET_FIELDS } from '../src/core';
import { GUEST_CONTACT, LMS } from './support/fixtures';
import { FormStory } from './support/kit';
import { playKit } from './support/play';

const meta = {
  title: 'Widget/Form/Field feedback',
  component: FormStory,
} satisfies Meta<typeof FormStory>;

export default meta;
type Story = StoryObj<typeof meta>;

const LIMIT = TICKET_FIELDS.description.maxLength;
/** A description of `length` characters: sentences, as people write them (ending in a full stop, not a space). */
const describe = (length: number) => `${'При открытии итогового теста появляется белый экран, кнопка «Начать» не нажимается. '.repeat(100).slice(0, length - 1)}.`;

/** The description near its limit (84 %): the counter shows what is left. */
export const CounterNearLimit: Story = {
  tags: ['en-dark'],
  parameters: { widget: { prefill: { category: 'other', subject: 'Белый экран', description: describe(4200) } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const field = await canvas.findByLabelText(t('form:field.description'));
    await expect(field).toHaveAccessibleDescription(expect.stringContaining(t('form:counter.shown', { length: 4200, limit: LIMIT })));
  },
};

/** A paste of 5,426 characters is kept whole: the counter says by how much it is over. */
export const CounterOverLimit: Story = {
  tags: ['en-dark'],
  parameters: { widget: { prefill: { category: 'other', subject: 'Белый экран', description: describe(5426) } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const field = await canvas.findByLabelText(t('form:field.description'));
    await expect(field).toHaveValue(describe(5426));
    await expect(field).toHaveAccessibleDescription(expect.stringContaining(t('form:counter.over', { count: 426 })));
  },
};

/** A search page of the user's LMS given as the order link: a soft warning, the form still sends. */
export const LinkOfAnotherKind: Story = {
  tags: ['en-dark'],
  parameters: { widget: { prefill: { category: 'document', orderUrl: `${LMS}/search?q=Иванова`, documentUrl: `${LMS}/courses/ot-2026` } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const order = await canvas.findByLabelText(t('form:field.orderUrl'));
    await expect(order).toHaveAccessibleDescription(expect.stringContaining(t('form:linkWarning.orderUrl', { found: t('form:linkWarning.found.page') })));
    const document = canvas.getByLabelText(t('form:field.documentUrl'));
    await expect(document).toHaveAccessibleDescription(expect.stringContaining(t('form:linkWarning.documentUrl', { found: t('form:linkWarning.found.course') })));
  },
};

/** A guest who asked to be remembered: the contact is filled in, the box ticked, «Забыть» at hand; the consent is asked again. */
export const RememberedContact: Story = {
  tags: ['en-dark'],
  parameters: { widget: { user: 'guest', prefill: { category: 'other' }, rememberedContact: GUEST_CONTACT } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByLabelText(t('form:field.contact.fullName'))).toHaveValue(GUEST_CONTACT.fullName);
    await expect(canvas.getByRole('checkbox', { name: t('form:remember.label') })).toBeChecked();
    await expect(canvas.getByRole('checkbox', { name: t('form:consent.label') })).not.toBeChecked();
    await expect(canvas.getByRole('button', { name: t('form:remember.forget') })).toBeVisible();
  },
};

/** The guest pressed «Забыть мои данные»: the fields are empty, the box unticked and focused, and it is said. */
export const ContactForgotten: Story = {
  parameters: { widget: { user: 'guest', prefill: { category: 'other' }, rememberedContact: GUEST_CONTACT } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await userEvent.click(await canvas.findByRole('button', { name: t('form:remember.forget') }));
    await expect(canvas.getByLabelText(t('form:field.contact.fullName'))).toHaveValue('');
    await expect(canvas.getByText(t('form:remember.forgotten'))).toBeInTheDocument();
  },
};
