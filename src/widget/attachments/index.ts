/** The attachments feature: a queue per draft, the picker UI and the slot other features consume. */
export { AttachmentPicker } from './AttachmentPicker';
export type { AttachmentPickerProps } from './AttachmentPicker';
export { attachmentsMessages } from './messages';
export { checkFile } from './model/check-file';
export { queueReducer, initialQueueState } from './model/queue-reducer';
export type { QueueAction } from './model/queue-reducer';
export { sniffType } from './model/sniff-type';
export type { AttachmentError, AttachmentStatus, QueueItem, QueueLimits } from './model/types';
export { prepareImage } from './prepare-image';
export type { PrepareFile, PreparedFile } from './prepare-image';
export { toSlot } from './to-slot';
export { useAttachmentQueue } from './use-attachment-queue';
export type { AttachmentQueue, AttachmentQueueOptions } from './use-attachment-queue';
export { useAttachmentLimits, useDraftAttachments } from './use-draft-attachments';
export type { DraftAttachmentsOptions } from './use-draft-attachments';
export type { UploadFile } from './use-upload-jobs';
