/** Helpers for play functions: the story's shadow root as a Testing Library container, and the harness. */
import { expect, fireEvent, userEvent, waitFor, within } from 'storybook/test';
import type { StoryHarness } from './harness';
import { STORY_HOST_ATTRIBUTE, STORY_MOUNT_ATTRIBUTE } from './WidgetFrame';

/** The open shadow root the story rendered into. */
export function storyShadow(canvasElement: HTMLElement): ShadowRoot {
  const shadow = canvasElement.querySelector(`[${STORY_HOST_ATTRIBUTE}]`)?.shadowRoot;
  if (shadow === null || shadow === undefined) throw new Error('The story has no shadow host: is the widget decorator on?');
  return shadow;
}

/**
 * Testing Library queries scoped to the story's mount point inside the shadow root. (A ShadowRoot itself
 * would do for the get/query queries with a cast, but `findBy`/`waitFor` refuse a container that is not an
 * element or a document.)
 */
export function shadowCanvas(canvasElement: HTMLElement) {
  const mount = storyShadow(canvasElement).querySelector<HTMLElement>(`[${STORY_MOUNT_ATTRIBUTE}]`);
  if (mount === null) throw new Error('The story has no mount point in its shadow root');
  return within(mount);
}

/** The harness the preview's loader built for this story. */
export function harnessOf(context: { loaded: Record<string, unknown> }): StoryHarness {
  const harness = context.loaded['harness'];
  if (harness === undefined) throw new Error('No harness: the preview loader did not run');
  return harness as StoryHarness;
}

/** The element focused inside the shadow root (document.activeElement stops at the host). */
export function shadowFocus(canvasElement: HTMLElement): Element | null {
  return storyShadow(canvasElement).activeElement;
}

/** A text of the story's locale by its i18n key. */
export type Texts = (key: string, options?: Record<string, unknown>) => string;

/**
 * What most play functions need: queries inside the shadow root, the harness, and texts — `t` as written (for
 * accessible names, which keep no-break spaces like "№ 123") and `text` with white space collapsed as
 * Testing Library's text matchers see the DOM.
 */
export function playKit(context: { canvasElement: HTMLElement; loaded: Record<string, unknown> }) {
  const harness = harnessOf(context);
  const t: Texts = (key, options) => String(harness.t(key, options ?? {}));
  const text: Texts = (key, options) => t(key, options).replace(/\s+/g, ' ');
  return { canvas: shadowCanvas(context.canvasElement), t, text, harness };
}

/** Waits until a ticket's view has arrived and moved focus to its subject, so typing is not interrupted. */
export async function ticketArrived(context: { canvasElement: HTMLElement; loaded: Record<string, unknown> }, ticketId: string): Promise<void> {
  const { canvas, harness } = playKit(context);
  const subject = harness.api.store.get(ticketId)?.subject ?? '';
  await expectFocus(context.canvasElement, await canvas.findByRole('heading', { level: 2, name: subject }));
}

/** Asserts that `element` has focus inside the shadow root (`toHaveFocus` only sees the host from outside). */
export async function expectFocus(canvasElement: HTMLElement, element: Element | null): Promise<void> {
  await waitFor(() => expect(shadowFocus(canvasElement)).toBe(element));
}

/**
 * Enters `text` into the field labelled `label`: a click (focus, as a user), then the value as one input event.
 * user-event's typing is not used inside the shadow root: it tracks the focused element from `document`, where
 * focus shows as the shadow host, so React never hears the change of a controlled field.
 */
export async function typeInto(canvas: ReturnType<typeof shadowCanvas>, label: string, text: string): Promise<void> {
  const field = await canvas.findByRole('textbox', { name: label });
  await userEvent.click(field);
  fireEvent.input(field, { target: { value: text } });
  await expect(field).toHaveValue(text);
}
