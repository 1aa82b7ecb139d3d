/**
 * The widget's build mounts react-hook-form's `useForm` without the re-render it asks for to set `isReady`
 * (scripts/form-ready.mjs): the form renders once when it mounts, and it still validates, reports errors to
 * `useFormState` and submits. The widget itself never reads `formState.isReady`.
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type * as HookFormModule from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { formReadyWithoutRerender } from '../../scripts/form-ready.mjs';

type HookForm = typeof HookFormModule;
type Transform = (code: string, id: string) => { code: string } | null;

const nodeRequire = createRequire(import.meta.url);
const HOOK_FORM = join(dirname(nodeRequire.resolve('react-hook-form/package.json')), 'dist', 'index.esm.mjs');
const transform = formReadyWithoutRerender().transform as Transform;

/** react-hook-form as the widget's build makes it, written beside the stock one so that `react` resolves alike. */
async function rewrittenHookForm(): Promise<HookForm> {
  const result = transform(readFileSync(HOOK_FORM, 'utf8'), HOOK_FORM);
  if (result === null) throw new Error('react-hook-form was not rewritten');
  const dir = join(process.cwd(), 'node_modules', '.cache', 'form-ready');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'index.esm.mjs');
  writeFileSync(file, result.code);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as HookForm;
}

/** A form of one required field; counts the renders of the component that calls `useForm`. */
function makeForm(hookForm: HookForm, onSubmit: (values: { name: string }) => void) {
  const renders = { count: 0 };
  function NameError() {
    const { errors } = hookForm.useFormState<{ name: string }>();
    return errors.name === undefined ? null : <p role="alert">{errors.name.message}</p>;
  }
  function Form() {
    renders.count += 1;
    const form = hookForm.useForm<{ name: string }>({ defaultValues: { name: '' } });
    return (
      <hookForm.FormProvider {...form}>
        <form onSubmit={form.handleSubmit(onSubmit)}>
          <label>
            Имя
            <input {...form.register('name', { required: 'Укажите имя' })} />
          </label>
          <NameError />
          <button type="submit">Отправить</button>
        </form>
      </hookForm.FormProvider>
    );
  }
  return { Form, renders };
}

describe('react-hook-form built for the widget', () => {
  it('mounts a form with one render (the stock hook renders it twice)', async () => {
    const stock = makeForm(await import('react-hook-form'), () => undefined);
    const view = render(<stock.Form />);
    expect(stock.renders.count).toBe(2);
    view.unmount();

    const built = makeForm(await rewrittenHookForm(), () => undefined);
    render(<built.Form />);
    expect(built.renders.count).toBe(1);
  });

  it('still validates, reports the error and submits', async () => {
    const onSubmit = vi.fn();
    const { Form } = makeForm(await rewrittenHookForm(), onSubmit);
    render(<Form />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Отправить' })));
    expect(await screen.findByRole('alert')).toHaveTextContent('Укажите имя');
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Имя'), { target: { value: 'Анна' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Отправить' })));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({ name: 'Анна' });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('refuses a react-hook-form that sets isReady some other way, and leaves other files alone', () => {
    expect(() => transform('export function useForm() {}', HOOK_FORM)).toThrow(/isReady/);
    expect(transform('updateFormState((data) => ({ ...data, isReady: true }));', '/src/widget/ticket-form/TicketForm.tsx')).toBeNull();
  });

  it('is safe for the widget: nothing in it reads isReady', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : [path];
      });
    const readers = files(join(process.cwd(), 'src')).filter((file) => /\bisReady\b/.test(readFileSync(file, 'utf8')));
    expect(readers).toEqual([]);
  });
});
