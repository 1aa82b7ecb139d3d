/**
 * Every story renders inside a shadow root exactly as the embed renders the widget, with the providers and an
 * in-memory SupportApi (stories/support). Toolbar: locale (ru/en) and theme (light/dark); viewports for a
 * 360 px phone, a tablet and a desktop. The a11y addon runs axe after every story and fails it on violations.
 */
import type { Decorator, Preview } from '@storybook/react-vite';
import { createHarness } from '../stories/support/harness';
import type { WidgetParameters } from '../stories/support/harness';
import { harnessOf } from '../stories/support/play';
import { categoryFormPart, restoredNoticePart } from '../src/widget/ticket-form/category-form-part';
import { prepareValidation } from '../src/widget/ticket-form/resolver';
import { WidgetFrame } from '../stories/support/WidgetFrame';

const withWidget: Decorator = (Story, context) => {
  const harness = harnessOf(context);
  const theme = context.globals['theme'] === 'dark' ? 'dark' : 'light';
  const bare = (context.parameters['widget'] as WidgetParameters | undefined)?.bare === true;
  return (
    <WidgetFrame key={harness.id} harness={harness} theme={theme} bare={bare}>
      <Story />
    </WidgetFrame>
  );
};

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Widget language',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'ru', right: 'RU', title: 'Русский' },
          { value: 'en', right: 'EN', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Widget theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', icon: 'sun', title: 'Light' },
          { value: 'dark', icon: 'moon', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'ru', theme: 'light' },
  // A fresh memory API, clock and stores for every render; the play function reads the same harness.
  // The form past the category choice and the draft's validator are loaded ahead, as the form screen has them
  // by the time a user has read the choice.
  loaders: [
    async (context) => {
      await Promise.all([categoryFormPart.load(), restoredNoticePart.load(), prepareValidation()]);
      return { harness: createHarness(context.parameters['widget'] as WidgetParameters | undefined, context.globals['locale'] === 'en' ? 'en' : 'ru') };
    },
  ],
  decorators: [withWidget],
  parameters: {
    layout: 'fullscreen',
    // Violations fail the story; in the tests axe skips collecting passes (the Storybook panel keeps them). The size
    // of a target (2.5.8, WCAG 2.2 AA) is a rule axe leaves off unless asked.
    a11y: {
      test: 'error',
      options: { rules: { 'target-size': { enabled: true } }, ...(import.meta.env.MODE === 'test' ? { resultTypes: ['violations'] } : {}) },
    },
    viewport: {
      options: {
        phone360: { name: 'Phone 360 px', styles: { width: '360px', height: '740px' }, type: 'mobile' },
        tablet: { name: 'Tablet 768 px', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
        desktop: { name: 'Desktop 1280 px', styles: { width: '1280px', height: '800px' }, type: 'desktop' },
      },
    },
    controls: { disable: true },
    docs: { toc: true },
  },
};

export default preview;
