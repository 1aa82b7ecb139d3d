/** Tearing down the widget's react-query client without leaving its timers running on the host page. */
import type { QueryClient } from '@tanstack/react-query';

/**
 * Leaves no react-query timer behind: a query still fetching would schedule its 5-minute gc timer after
 * `clear()` removed it, so fetches are cancelled first; `MutationCache.clear()` drops mutations but not their gc
 * timers (which hold the sent ticket), so those are stopped by hand.
 */
export function releaseQueryClient(queryClient: QueryClient): void {
  const release = () => {
    for (const mutation of queryClient.getMutationCache().getAll()) mutation.destroy();
    queryClient.clear();
  };
  // Cancelling settles each fetch (which then schedules its gc) before `release` removes the query.
  void queryClient.cancelQueries().finally(release);
}
