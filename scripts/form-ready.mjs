// A build plugin for the widget bundle (vite.config.ts).

const READY_STATE = /updateFormState\(\(data\) => \(\{\s*\.\.\.data,\s*isReady: true,?\s*\}\)\);/g;
const HOOK_FORM = /[\\/]react-hook-form[\\/]dist[\\/]index\.esm\.mjs$/;

/**
 * react-hook-form's `useForm` marks the form ready from a layout effect when it mounts: it sets `isReady` in the
 * state of the component that called it, so React renders that component again, synchronously, in the task that
 * committed it, and before that render runs every passive effect of the commit. For the widget that is the
 * panel prepared on a hover: the whole form's effects and a second render of the form pulled into the task that
 * commits it (20–30 ms here, the largest part of that task). The widget never reads `formState.isReady`; the
 * hook's own flag (`control._formState.isReady`) and its notice to `useFormState` subscribers stay, so only that
 * re-render goes. A react-hook-form that writes it differently is refused by the build rather than drift unseen.
 * @returns {import('vite').Plugin}
 */
export function formReadyWithoutRerender() {
  return {
    name: 'uchi-support:form-ready-without-rerender',
    transform(code, id) {
      if (!HOOK_FORM.test(id)) return null;
      const found = code.match(READY_STATE)?.length ?? 0;
      if (found !== 1) throw new Error(`react-hook-form: expected the one isReady state update in useForm, found ${found}`);
      return { code: code.replace(READY_STATE, '/* isReady: the control keeps it, no re-render (scripts/form-ready.mjs) */'), map: null };
    },
  };
}
