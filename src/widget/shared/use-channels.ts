/** The support channels every screen shows: the server's (`GET /meta`), the policy's until it answers or when it fails. */
import { resolveChannels } from '../../core';
import type { Channels } from '../../core';
import { useMeta } from '../../api';

/** The channels to show and link to. */
export function useChannels(): Channels {
  return resolveChannels(useMeta().data?.channels);
}
