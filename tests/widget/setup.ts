import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { categoryFormPart } from '../../src/widget/ticket-form/category-form-part';

// The form past the category choice loads right after the first frame in the widget; the tests take it as
// loaded, as a user who reads the choices first finds it (tests/widget/ticket-form/category-form-part.test.tsx
// covers the wait and a failed load).
beforeAll(async () => {
  await categoryFormPart.load();
});

afterEach(() => {
  cleanup();
  localStorage.clear();
});
