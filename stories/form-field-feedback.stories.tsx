/** What the fields tell before sending: a counter near a text's limit, a warning for a link of another kind. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { TICKET_FIELDS } from '../src/core';
import { LMS } from './support/fixtures';
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
