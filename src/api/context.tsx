/** Which SupportApi the hooks talk to: the HTTP client in the embed, an in-memory one in stories. */
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { SupportApi } from './types';

const ApiContext = createContext<SupportApi | null>(null);

/** Provides the SupportApi to the hooks below it. */
export function SupportApiProvider({ api, children }: { api: SupportApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The SupportApi in scope; throws outside a provider, which is always a programming error. */
export function useSupportApi(): SupportApi {
  const api = useContext(ApiContext);
  if (api === null) throw new Error('useSupportApi() outside <SupportApiProvider>');
  return api;
}
