/** The form past the category choice (CategoryForm.tsx) as a part loaded right after the form's first frame. */
import { lazyModule } from '../shared/lazy-module';

export const categoryFormPart = lazyModule(() => import('./CategoryForm'));
