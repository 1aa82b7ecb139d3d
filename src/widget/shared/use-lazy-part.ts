/** What a lazily loaded part of the widget needs before its first paint: its texts and its CSS. */
import { useLayoutEffect } from 'react';
import { useTranslation } from './i18n-react';
import { useWidgetEnv } from './env';
import { ensureNamespaces } from './i18n';
import type { Messages } from './i18n';

/** Registers `namespaces` at once (children render after this) and adopts `css` before paint. */
export function useLazyPart(namespaces: Record<string, Messages>, css: string): void {
  const { i18n } = useTranslation();
  ensureNamespaces(i18n, namespaces);
  const { adoptStyles } = useWidgetEnv();
  useLayoutEffect(() => adoptStyles?.(css), [adoptStyles, css]);
}
