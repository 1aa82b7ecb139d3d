/** The form for each category: empty, filled (ready to send) and refused with errors. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { isFieldRequired } from '../src/core';
import type { Category } from '../src/core';
import { CATEGORY_FIELDS } from '../src/widget/ticket-form/form-values';
import { FILLED } from './support/fixtures';
import { completeFilled, submit } from './support/form-play';
import { FormStory } from './support/kit';
import { expectFocus, playKit } from './support/play';

const meta = {
  title: 'Widget/Form/Categories',
  component: FormStory,
} satisfies Meta<typeof FormStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Wrong links shown in the error stories (the schema wants absolute http(s) URLs). */
const BAD_LINKS: Partial<Record<Category, Record<string, string>>> = {
  course: { courseUrl: 'lms.example.ru/courses/5b0c1e2a' },
  order: { orderUrl: 'заявка № 15' },
};

/** The category chosen, nothing typed: its own fields and checklist show. */
function empty(category: Category): Story {
  return { parameters: { widget: { prefill: { category } } } };
}

/** Everything filled: the priority shows, the checklist is complete (but the screenshot). */
function filled(category: Category): Story {
  return {
    parameters: { widget: { prefill: FILLED[category].prefill } },
    play: async (context) => {
      const { canvas, t } = playKit(context);
      await completeFilled(canvas, t, category);
    },
  };
}

/** "Send" pressed too early: the error summary takes focus and lists every field to fix. */
function withErrors(category: Category): Story {
  return {
    parameters: { widget: { prefill: { category, ...BAD_LINKS[category] } } },
    play: async (context) => {
      const { canvas, t } = playKit(context);
      await submit(canvas, t);
      const count = 3 + CATEGORY_FIELDS[category].filter((name) => isFieldRequired(name, category)).length;
      const title = await canvas.findByRole('heading', { name: t('form:summary.title', { count }) });
      await expectFocus(context.canvasElement, title.closest('section'));
    },
  };
}

/** Nothing chosen yet: the first thing a user sees. */
export const NoCategory: Story = { tags: ['en-dark'] };

export const CourseEmpty = empty('course');
export const CourseFilled = filled('course');
export const CourseErrors: Story = { ...withErrors('course'), tags: ['en-dark'] };
export const TestEmpty = empty('test');
export const TestFilled = filled('test');
export const TestErrors = withErrors('test');
export const OrderEmpty = empty('order');
export const OrderFilled = filled('order');
export const OrderErrors = withErrors('order');
export const DocumentEmpty = empty('document');
export const DocumentFilled = filled('document');
export const DocumentErrors = withErrors('document');
export const TechnicalEmpty = empty('technical');
export const TechnicalFilled: Story = { ...filled('technical'), tags: ['en-dark'] };
export const TechnicalErrors = withErrors('technical');
export const SuggestionEmpty = empty('suggestion');
export const SuggestionFilled = filled('suggestion');
export const SuggestionErrors = withErrors('suggestion');
export const OtherEmpty = empty('other');
export const OtherFilled = filled('other');
export const OtherErrors = withErrors('other');
