/** Form states beyond the categories: guest mode, the page's suggestion, one ticket — one problem and its split. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { action } from 'storybook/actions';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { SERVER_PARTS } from './support/failures';
import { BROWSER_SNAPSHOT } from './support/fixtures';
import { choose, fillGuestContact, submit } from './support/form-play';
import { PRIVACY_POLICY_URL } from './support/harness';
import { FieldsPending } from '../src/widget/ticket-form/FieldsPending';
import { OneProblemCheck } from '../src/widget/ticket-form/OneProblemCheck';
import { FormStory } from './support/kit';
import { expectFocus, playKit, typeInto } from './support/play';

const meta = {
  title: 'Widget/Form/States',
  component: FormStory,
} satisfies Meta<typeof FormStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Two problems in one description (the check splits them). */
const TWO_PROBLEMS = 'Не открывается итоговый тест по охране труда. Кроме того, в заявке № 15 неправильно указана фамилия слушателя.';

/** A guest typed a phone and an e-mail that are not ones: each field says what it wants; a usual phone spelling is shown as +7 (XXX) XXX-XX-XX once left. */
export const GuestContactChecks: Story = {
  tags: ['en-dark'],
  parameters: { widget: { user: 'guest', prefill: { category: 'other' } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await typeInto(canvas, t('form:field.contact.phone'), '12345');
    const email = await canvas.findByRole('textbox', { name: new RegExp(t('form:field.contact.email')) });
    await userEvent.type(email, 'ivanova@');
    await submit(canvas, t);
    await expect(email).toHaveAccessibleDescription(expect.stringContaining(t('form:error.contact.email.email')));
    await expect(canvas.getByLabelText(t('form:field.contact.phone'))).toHaveAccessibleDescription(expect.stringContaining(t('form:error.contact.phone.phone')));
    await typeInto(canvas, t('form:field.contact.phone'), '8 912 345 67 89');
    const phone = canvas.getByLabelText(t('form:field.contact.phone'));
    phone.blur();
    await expect(phone).toHaveValue('+7 (912) 345-67-89');
  },
};

/** The form pre-filled with a two-problem description. */
const WITH_TWO_PROBLEMS = { widget: { prefill: { category: 'test', subject: 'Тест и заявка', description: TWO_PROBLEMS } } };
/** The same as an "other" ticket (fewest fields, so the split can be sent). */
const OTHER_WITH_TWO_PROBLEMS = { widget: { prefill: { category: 'other', subject: 'Две проблемы', description: TWO_PROBLEMS } } };

/** Without the LMS (guest), past the category: the contact fields become inputs, as for an e-mail. */
export const Guest: Story = { tags: ['en-dark'], parameters: { widget: { user: 'guest', prefill: { category: 'other' } } } };

/** A guest's first screen: the category choice, with no "your data" line (a guest types it after choosing). */
export const GuestCategoryChoice: Story = { parameters: { widget: { user: 'guest' } } };

/** A guest pressed "Send" at once: every contact field and the consent are listed in the summary. */
export const GuestErrors: Story = {
  parameters: { widget: { user: 'guest', prefill: { category: 'other' } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await submit(canvas, t);
    const title = await canvas.findByRole('heading', { name: t('form:summary.title', { count: 9 }) });
    await expectFocus(context.canvasElement, title.closest('section'));
  },
};

/** A guest filled in everything but the consent: the required box, what the data is for, and the host's policy in a new tab. */
export const ConsentUnchecked: Story = {
  tags: ['en-dark'],
  parameters: { widget: { user: 'guest', prefill: { category: 'other' } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const box = await canvas.findByRole('checkbox', { name: t('form:consent.label') });
    await expect(box).not.toBeChecked();
    const link = canvas.getByRole('link', { name: `${t('form:consent.policy')} ${t('form:consent.newTab')}` });
    await expect(link).toHaveAttribute('href', PRIVACY_POLICY_URL);
    await expect(link).toHaveAttribute('target', '_blank');
  },
};

/** The host gave no `privacyPolicyUrl`: the consent is still asked, its text without a link. */
export const ConsentWithoutPolicy: Story = {
  parameters: { widget: { user: 'guest', prefill: { category: 'other' }, privacyPolicyUrl: null } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByRole('checkbox', { name: t('form:consent.label') })).toBeVisible();
    await expect(canvas.queryByRole('link', { name: new RegExp(t('form:consent.policy')) })).toBeNull();
  },
};

/** A guest sent without ticking the consent: refused, the box says why and the summary points at it. */
export const ConsentRefused: Story = {
  tags: ['en-dark'],
  parameters: { widget: { user: 'guest', prefill: { category: 'other', subject: 'Не могу войти в СДО', description: 'Пароль не подходит, письмо для восстановления не приходит.' } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await fillGuestContact(canvas, t);
    await choose(canvas, t('common:impact.blocks_me'));
    await submit(canvas, t);
    const title = await canvas.findByRole('heading', { name: t('form:summary.title', { count: 1 }) });
    await expectFocus(context.canvasElement, title.closest('section'));
    const box = canvas.getByRole('checkbox', { name: t('form:consent.label') });
    await expect(box).toHaveAccessibleDescription(expect.stringContaining(t('form:error.consent.required')));
  },
};

/** The consent given: the box ticked, its error gone once the form is checked again. */
export const ConsentGiven: Story = {
  parameters: { widget: { user: 'guest', prefill: { category: 'other' } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const box = await canvas.findByRole('checkbox', { name: t('form:consent.label') });
    await userEvent.click(box);
    await expect(box).toBeChecked();
  },
};

/** Opened on a course page of the LMS: the course comes first among the categories, marked as this page's. */
export const PageSuggestion: Story = { parameters: { widget: { pageUrl: BROWSER_SNAPSHOT.pageUrl } } };

/** Past the choice, the user asked to change it: the chosen category is marked, the page's still first. */
export const ChangingCategory: Story = {
  tags: ['en-dark'],
  parameters: { widget: { pageUrl: BROWSER_SNAPSHOT.pageUrl, prefill: { category: 'technical' } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const category = t('common:category.technical');
    await userEvent.click(await canvas.findByRole('button', { name: t('form:chip.changeLabel', { category }) }));
    await expect(await canvas.findByRole('button', { name: category })).toHaveAttribute('aria-current', 'true');
    await expectFocus(context.canvasElement, canvas.getByRole('heading', { name: t('form:field.category') }));
  },
};

/** A category chosen before the fields past it have loaded (a moment after the first frame): a busy box holds their place and the focus. */
export const FieldsLoading: Story = {
  render: () => <FieldsPending failed={false} onRetry={() => undefined} onType={() => undefined} focusOnShow />,
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const box = (await canvas.findByText(t('common:loading'))).parentElement;
    await expect(box).toHaveAttribute('aria-busy', 'true');
    await expectFocus(context.canvasElement, box);
  },
};

/** The fields past the category choice could not load (offline right after opening): what failed and a retry in their place. */
export const FieldsFailedToLoad: Story = {
  tags: ['en-dark'],
  render: () => <FieldsPending failed onRetry={() => undefined} onType={() => undefined} />,
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(t('form:fieldsFailed'));
    await expect(canvas.getByRole('button', { name: t('common:retry') })).toBeEnabled();
  },
};

/** The one-line summary of the signed-in user, opened to the full read-only list. */
export const ContextExpanded: Story = {
  parameters: { widget: { prefill: { category: 'other' } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const line = await canvas.findByText(t('context.auto', { ns: 'form' }));
    await userEvent.click(line);
    await expect(await canvas.findByText(t('form:context.hostHint'))).toBeVisible();
  },
};

/**
 * The description reads as two problems: sending waits until the user splits it or confirms it is one. The send
 * button stays reachable with its reason; pressing it moves to the check.
 */
export const OneProblemWarning: Story = {
  tags: ['en-dark'],
  parameters: WITH_TWO_PROBLEMS,
  play: async (context) => {
    const { canvas, t, harness } = playKit(context);
    const found = await canvas.findByText(t('form:oneProblem.found', { count: 2 }));
    await expect(found).toBeVisible();
    await expect(canvas.getByText(t('form:oneProblem.markers', { count: 1, markers: t('form:oneProblem.marker', { marker: 'Кроме того' }) }))).toBeVisible();
    const send = canvas.getByRole('button', { name: t('form:send.submit') });
    await expect(send).toHaveAttribute('aria-disabled', 'true');
    await expect(send).toHaveAccessibleDescription(t('form:send.oneProblem'));
    // Greyed, not the accent faded (which reads as live on a dark background): it looks like the panel's surfaces.
    const surface = getComputedStyle(send).getPropertyValue('--us-surface').trim();
    await expect(getComputedStyle(send).backgroundColor).toBe(colourOf(send, surface));
    send.focus();
    await userEvent.keyboard('{Enter}');
    await expectFocus(context.canvasElement, found.closest('.us-one-problem__panel'));
    await expect(harness.api.store.all()).toHaveLength(0);
  },
};

/**
 * The same, seen from the description on a phone: the panel is screens below, so a line under the field says
 * what was found, and its button takes the user to the panel.
 */
export const OneProblemPointer: Story = {
  parameters: WITH_TWO_PROBLEMS,
  globals: { viewport: { value: 'phone360', isRotated: false } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const pointer = await canvas.findByText(t('form:oneProblem.pointer', { count: 2 }), { selector: '.us-field__problems' });
    await expect(pointer).toBeVisible();
    await userEvent.click(within(pointer).getByRole('button', { name: t('form:oneProblem.pointerShow') }));
    await expectFocus(context.canvasElement, canvas.getByText(t('form:oneProblem.found', { count: 2 })).closest('.us-one-problem__panel'));
  },
};

/**
 * The same on the checklist: the decision is one of its required lines, so the bar's count is not complete while
 * sending would stop for it; the line leads to the check's panel.
 */
export const OneProblemOnChecklist: Story = {
  tags: ['en-dark'],
  parameters: WITH_TWO_PROBLEMS,
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const line = await canvas.findByRole('button', { name: t('form:checklist.item.oneProblem') });
    await expect(line.closest('li')).toHaveTextContent(t('form:checklist.todo'));
    await expect(canvas.getByText(t('form:checklist.progress', { done: 3, count: 10 }))).toBeVisible();
    await userEvent.click(line);
    await expectFocus(context.canvasElement, canvas.getByText(t('form:oneProblem.found', { count: 2 })).closest('.us-one-problem__panel'));
  },
};

/** "It is one problem": the confirmation is recorded on the ticket and sending is allowed again. */
export const OneProblemConfirmed: Story = {
  parameters: WITH_TWO_PROBLEMS,
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await userEvent.click(await canvas.findByRole('button', { name: t('form:oneProblem.confirm') }));
    await expect(await canvas.findByText(t('form:oneProblem.confirmed'), { selector: '.us-one-problem__confirmed' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: t('form:send.submit') })).toBeEnabled();
  },
};

/**
 * Split pressed before the fields every part shares are filled (the course's title and link): the summary lists them
 * and says why, without the one-problem rule the user is obeying, nor what each part asks for itself (the impact).
 */
export const SplitNeedsSharedFields: Story = {
  parameters: { widget: { prefill: { category: 'course', subject: 'Две проблемы', description: TWO_PROBLEMS } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await userEvent.click(await canvas.findByRole('button', { name: t('form:oneProblem.split', { count: 2 }) }));
    await expect(await canvas.findByText(t('form:summary.introSplit'))).toBeVisible();
    await expect(canvas.queryByRole('button', { name: t('form:summary.oneProblem') })).toBeNull();
    await expect(canvas.getByRole('button', { name: t('form:error.courseUrl.required') })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: t('form:error.impact.required') })).toBeNull();
    await expect(canvas.queryByRole('heading', { name: t('form:split.heading', { count: 2 }) })).toBeNull();
  },
};

/** The check's panel whose «Разделить» cannot load the split view (offline): each press fails as the form's would. */
function SplitOffline() {
  const [failed, setFailed] = useState(false);
  return (
    <OneProblemCheck
      parts={['Не открывается итоговый тест по охране труда.', 'Кроме того, в заявке № 15 неправильно указана фамилия слушателя.']}
      markers={['Кроме того']}
      confirmed={false}
      splitFailed={failed}
      onSplit={() => setFailed(true)}
      onConfirm={action('one problem')}
      onUndo={action('undo')}
    />
  );
}

/**
 * «Разделить» pressed, but the split view's file did not load (offline, a blocked file): the reason is said beside
 * the button, which keeps the focus and tries again at the next press.
 */
export const SplitFailedToLoad: Story = {
  tags: ['en-dark'],
  render: () => <SplitOffline />,
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const split = await canvas.findByRole('button', { name: t('form:oneProblem.split', { count: 2 }) });
    await userEvent.click(split);
    await expect(await canvas.findByText(t('form:oneProblem.splitFailed'))).toHaveAttribute('role', 'status');
    await expect(split).toHaveAccessibleDescription(t('form:oneProblem.splitFailed'));
    await expect(split).toBeEnabled();
    await expectFocus(context.canvasElement, split);
  },
};

/** Split: one draft per problem, each editable, sent as separate tickets — ends with their numbers. */
export const SplitIntoTickets: Story = {
  tags: ['en-dark'],
  parameters: OTHER_WITH_TWO_PROBLEMS,
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await choose(canvas, t('common:impact.blocks_me'));
    await userEvent.click(await canvas.findByRole('button', { name: t('form:oneProblem.split', { count: 2 }) }));
    const heading = await canvas.findByRole('heading', { name: t('form:split.heading', { count: 2 }) });
    await expectFocus(context.canvasElement, heading);
    await userEvent.click(canvas.getByRole('button', { name: t('form:split.send', { count: 2 }) }));
    await expect(await canvas.findByText(t('form:split.done'), {}, { timeout: 4000 })).toBeVisible();
    const numbers = canvas.getByRole('list', { name: t('form:split.results') });
    await expect(numbers.querySelectorAll('li')).toHaveLength(2);
  },
};

/** Split of a technical ticket: the first part keeps the form's steps, the second starts its own; the links stay shared. */
export const SplitPartOwnSteps: Story = {
  parameters: { widget: { prefill: { category: 'technical', subject: 'Две проблемы', description: TWO_PROBLEMS } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await typeInto(canvas, t('form:field.steps'), 'Открыть итоговый тест — ошибка.');
    await choose(canvas, t('common:impact.blocks_me'));
    await userEvent.click(await canvas.findByRole('button', { name: t('form:oneProblem.split', { count: 2 }) }));
    await canvas.findByRole('heading', { name: t('form:split.heading', { count: 2 }) });
    const steps = canvas.getAllByRole('textbox', { name: new RegExp(t('form:field.steps')) });
    await expect(steps).toHaveLength(2);
    await expect(steps[0]).toHaveValue('Открыть итоговый тест — ошибка.');
    await expect(steps[1]).toHaveValue('');
  },
};

/**
 * Split before the steps and the impact were answered: the split asks none of them first; each part, sent as it is,
 * marks its own empty impact («Выберите…») and steps, and a summary naming each part's field has the focus.
 */
export const SplitPartsMissingTheirOwn: Story = {
  tags: ['en-dark'],
  parameters: { widget: { prefill: { category: 'technical', subject: '', description: TWO_PROBLEMS } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await userEvent.click(await canvas.findByRole('button', { name: t('form:oneProblem.split', { count: 2 }) }));
    await canvas.findByRole('heading', { name: t('form:split.heading', { count: 2 }) });
    await userEvent.click(canvas.getByRole('button', { name: t('form:split.send', { count: 2 }) }));
    const impacts = await canvas.findAllByRole('combobox', { name: new RegExp(t('form:field.impact').replace('?', '\\?')) });
    await waitFor(() => expect(impacts[0]).toHaveAttribute('aria-invalid', 'true'));
    const summary = await canvas.findByRole('region', { name: t('form:summary.title', { count: 4 }) });
    await expectFocus(context.canvasElement, summary);
    await expect(canvas.queryByText(t('form:split.sharedInvalid'))).toBeNull();
    await userEvent.click(within(summary).getAllByRole('button')[0] as HTMLElement);
    await expectFocus(context.canvasElement, impacts[0] ?? null);
  },
};

/** Split where the second problem hurts less: its part answers the impact itself and shows the priority it gets. */
export const SplitPartOwnImpact: Story = {
  parameters: OTHER_WITH_TWO_PROBLEMS,
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await choose(canvas, t('common:impact.blocks_me'));
    await userEvent.click(await canvas.findByRole('button', { name: t('form:oneProblem.split', { count: 2 }) }));
    const impacts = await canvas.findAllByRole('combobox', { name: new RegExp(t('form:field.impact').replace('?', '\\?')) });
    await expect(impacts).toHaveLength(2);
    await userEvent.selectOptions(impacts[1] as HTMLElement, t('common:impact.minor'));
    await expect(impacts[1]).toHaveAccessibleDescription(t('form:priority', { priority: t('form:priorityValue.low') }));
  },
};

/**
 * Split where the second problem is about something else: its part gets the order category, asks for the order
 * link itself and says so when it is missing.
 */
export const SplitPartOwnCategory: Story = {
  tags: ['en-dark'],
  parameters: OTHER_WITH_TWO_PROBLEMS,
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await choose(canvas, t('common:impact.blocks_me'));
    await userEvent.click(await canvas.findByRole('button', { name: t('form:oneProblem.split', { count: 2 }) }));
    const categories = await canvas.findAllByRole('combobox', { name: t('form:split.category') });
    await userEvent.selectOptions(categories[1] as HTMLElement, t('common:category.order'));
    await userEvent.click(canvas.getByRole('button', { name: t('form:split.send', { count: 2 }) }));
    const orderUrl = await canvas.findByLabelText(new RegExp(t('form:field.orderUrl')));
    await expect(orderUrl).toHaveAccessibleDescription(t('form:error.orderUrl.required'));
  },
};

/**
 * The widget's check saw one problem, the server's (a newer version of it) saw two and refused the send: the
 * same panel offers the server's split.
 */
export const ServerFoundSeveralProblems: Story = {
  tags: ['en-dark'],
  parameters: {
    widget: {
      prefill: { category: 'other', subject: 'Курс и счёт', description: SERVER_PARTS.join(' ') },
      api: { failures: { create: { kind: 'several-problems', times: 1 } } },
    },
  },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await choose(canvas, t('common:impact.minor'));
    await submit(canvas, t);
    const panel = await canvas.findByText(t('form:oneProblem.found', { count: 2 }));
    await expect(panel).toBeVisible();
    await expect(canvas.getByText(t('form:oneProblem.markers', { count: 1, markers: t('form:oneProblem.marker', { marker: 'Счёт за март' }) }))).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: t('form:oneProblem.split', { count: 2 }) }));
    await expect(await canvas.findByRole('heading', { name: t('form:split.heading', { count: 2 }) })).toBeVisible();
  },
};

/** The split view before sending: two drafts to review. */
export const SplitReview: Story = {
  parameters: OTHER_WITH_TWO_PROBLEMS,
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await choose(canvas, t('common:impact.minor'));
    await userEvent.click(await canvas.findByRole('button', { name: t('form:oneProblem.split', { count: 2 }) }));
    await expect(await canvas.findByRole('heading', { name: t('form:split.heading', { count: 2 }) })).toBeVisible();
  },
};

/** The two-problem "other" form whose second ticket fails once (the server is down), then goes through. */
const SECOND_PART_FAILS_ONCE = { widget: { ...OTHER_WITH_TWO_PROBLEMS.widget, api: { failures: { create: { kind: 'server' as const, after: 1, times: 1 } } } } };

/**
 * Split, partly sent: the first part is registered, the second failed (the server was down) and says why; the
 * progress reads «Отправлено 1 из 2», the back button is gone, and the send button offers the rest.
 */
export const SplitPartlySent: Story = {
  tags: ['en-dark'],
  parameters: SECOND_PART_FAILS_ONCE,
  play: async (context) => {
    const { canvas, t, text, harness } = playKit(context);
    await choose(canvas, t('common:impact.blocks_me'));
    await userEvent.click(await canvas.findByRole('button', { name: t('form:oneProblem.split', { count: 2 }) }));
    await userEvent.click(await canvas.findByRole('button', { name: t('form:split.send', { count: 2 }) }));
    // The button offers the rest once the second part has failed.
    await expect(await canvas.findByRole('button', { name: t('form:split.retry') }, { timeout: 4000 })).toBeEnabled();
    await expect(canvas.getByText(t('form:split.progress', { sent: 1, count: 2 }))).toBeVisible();
    const first = canvas.getByRole('group', { name: t('form:split.item', { index: 1, count: 2 }) });
    const second = canvas.getByRole('group', { name: t('form:split.item', { index: 2, count: 2 }) });
    const number = harness.api.store.all()[0]?.number ?? '';
    await expect(first).toHaveTextContent(text('form:split.sent', { number }));
    await expect(second).toHaveTextContent(text('form:split.failed', { reason: t('common:failure.server') }));
    await expect(canvas.getByRole('button', { name: t('form:split.back') })).toBeDisabled();
  },
};

/** «Отправить оставшиеся» sends only the part that failed (the first is not sent twice): all registered. */
export const SplitRemainingSent: Story = {
  parameters: SECOND_PART_FAILS_ONCE,
  play: async (context) => {
    const { canvas, t, harness } = playKit(context);
    await choose(canvas, t('common:impact.blocks_me'));
    await userEvent.click(await canvas.findByRole('button', { name: t('form:oneProblem.split', { count: 2 }) }));
    await userEvent.click(await canvas.findByRole('button', { name: t('form:split.send', { count: 2 }) }));
    await userEvent.click(await canvas.findByRole('button', { name: t('form:split.retry') }, { timeout: 4000 }));
    await expect(await canvas.findByText(t('form:split.done'), {}, { timeout: 4000 })).toBeVisible();
    await expect(canvas.getByRole('list', { name: t('form:split.results') }).querySelectorAll('li')).toHaveLength(2);
    await expect(harness.api.store.all()).toHaveLength(2);
  },
};

/** `colour` (a CSS value) as the browser computes it beside `near`. */
function colourOf(near: Element, colour: string): string {
  const probe = near.ownerDocument.createElement('span');
  probe.style.color = colour;
  near.parentElement?.append(probe);
  const computed = getComputedStyle(probe).color;
  probe.remove();
  return computed;
}
