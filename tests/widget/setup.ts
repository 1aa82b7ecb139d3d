import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { categoryFormPart, restoredNoticePart } from '../../src/widget/ticket-form/category-form-part';

// The form past the category choice loads right after the first frame in the widget, and a restored draft's
// notice when there is one; the tests take them as loaded, as a user who reads the choices first finds them
// (tests/widget/ticket-form/category-form-part.test.tsx covers the wait and a failed load).
beforeAll(async () => {
  await Promise.all([categoryFormPart.load(), restoredNoticePart.load()]);
});

afterEach(() => {
  cleanup();
  localStorage.clear();
});
