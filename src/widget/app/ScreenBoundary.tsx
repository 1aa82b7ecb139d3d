/**
 * A screen that could not render, most often because its chunk did not load (offline, a blocked file): an
 * error and "Повторить" in its place. Without it the error would unmount the whole widget until a reload.
 */
import { Component } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { RetryNotice } from '../shared/ui';

/** Props of {@link ScreenBoundary}. */
export interface ScreenBoundaryProps {
  /** Called before rendering the screen again: the shell makes new lazy screens (React.lazy keeps a failure). */
  onRetry(): void;
  children: ReactNode;
}

/** What failed and the retry, which takes the focus (the control the user left may be gone with the screen). */
export function ScreenFailed({ onRetry }: { onRetry(): void }) {
  const { t } = useTranslation('app');
  return <RetryNotice message={t('screenFailed')} retryLabel={t('common:retry')} onRetry={onRetry} focus />;
}

/** Catches what its screen throws and offers to try again. */
export class ScreenBoundary extends Component<ScreenBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <ScreenFailed
        onRetry={() => {
          this.props.onRetry();
          this.setState({ failed: false });
        }}
      />
    );
  }
}
