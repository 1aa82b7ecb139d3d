import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { categoryFormPart, restoredNoticePart } from '../../src/widget/ticket-form/category-form-part';

// The form past the category choice loads right after the first frame in the widget, and a restored draft's
// notice when there is one; the tests take them as loaded, as a user who reads the choices first finds them
// (tests/widget/ticket-form/category-form-part.test.tsx covers the wait and a failed load).
// findBy… and waitFor wait for a condition, not for a time: on a busy machine the first import of a lazy
// screen alone can take longer than Testing Library's default second, so they may wait up to ten.
configure({ asyncUtilTimeout: 10_000 });

beforeAll(async () => {
  await Promise.all([categoryFormPart.load(), restoredNoticePart.load()]);
});

afterEach(() => {
  cleanup();
  localStorage.clear();
});
