/**
 * Parts of the form its first frame does without: the form past the category choice (CategoryForm.tsx), loaded
 * right after that frame, and the notice of a restored draft (with its confirmation dialog), loaded when there
 * is one.
 */
import { lazyModule } from '../shared/lazy-module';

export const categoryFormPart = lazyModule(() => import('./CategoryForm'));

export const restoredNoticePart = lazyModule(() => import('./DraftRestoredNotice'));
