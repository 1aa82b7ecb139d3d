/**
 * A part of the widget the first open does not need, loaded the first time something asks for it and then
 * read synchronously. Unlike `React.lazy` it never suspends: a component renders without the part (or
 * asks for it ahead, when it becomes likely) and renders again once it is there.
 */
import { useEffect, useSyncExternalStore } from 'react';

/** A module loaded on demand, once; a failed load is tried again on the next demand. */
export interface LazyModule<T> {
  /** Loads the module (once) and resolves to it. */
  load(): Promise<T>;
  /** The module if it has loaded, else undefined. */
  peek(): T | undefined;
  subscribe(listener: () => void): () => void;
}

/** Wraps `importer` (a dynamic `import()`) so that it runs once and its result can be read synchronously. */
export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  const listeners = new Set<() => void>();
  return {
    load() {
      pending ??= importer().then(
        (module) => {
          value = module;
          for (const listener of listeners) listener();
          return module;
        },
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
    peek: () => value,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const UNFOLLOWED = () => () => undefined;

/**
 * The module once it has loaded; asks for nothing. With `follow` (the default) its arrival re-renders; without,
 * the next render for any other reason reads it (a part loaded ahead of showing it costs no render).
 */
export function useLoadedModule<T>(module: LazyModule<T>, follow = true): T | undefined {
  return useSyncExternalStore(follow ? module.subscribe : UNFOLLOWED, module.peek, module.peek);
}

/**
 * The module once it has loaded; while `wanted`, asks for it (a failed load leaves undefined, and the caller
 * goes on without the part).
 */
export function useLazyModule<T>(module: LazyModule<T>, wanted: boolean): T | undefined {
  const value = useLoadedModule(module);
  useEffect(() => {
    if (wanted && value === undefined) module.load().catch(() => undefined);
  }, [module, wanted, value]);
  return value;
}

/** Runs `task` once the next frame has been painted (a task queued from the frame callback); returns a cancel. */
export function afterPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
