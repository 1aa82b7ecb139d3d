/** The attachments picker over a real queue (memory API uploads), with files the story adds on mount. */
import { useEffect, useRef } from 'react';
import { action } from 'storybook/actions';
import { useMeta } from '../../src/api';
import { useDraftAttachments } from '../../src/widget/attachments';
import { useWidgetEnv } from '../../src/widget/shared/env';
import { makeFile } from './files';
import type { FileSpec } from './files';

/** Props: the files to add, as a user would pick them. */
export interface AttachmentsStoryProps {
  files: FileSpec[];
}

/** The picker as the form screen shows it, plus the files of the story. */
export function AttachmentsStory({ files }: AttachmentsStoryProps) {
  const env = useWidgetEnv();
  const { queue, slot } = useDraftAttachments({
    draftKey: `form:${env.userKey}`,
    onCapture: action('capture'),
    pasteTarget: () => env.container?.() ?? null,
  });
  const added = useRef(false);
  const { add } = queue;
  // Files are checked against the server's limits: add them once GET /meta has answered, as a user would.
  const limitsKnown = useMeta().data !== undefined;
  useEffect(() => {
    if (added.current || files.length === 0 || !limitsKnown) return;
    added.current = true;
    void Promise.all(files.map(makeFile)).then(add);
  }, [files, add, limitsKnown]);
  return slot.node;
}
