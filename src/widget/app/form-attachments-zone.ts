/**
 * The form's attachment zone with its texts and CSS, a chunk loaded right after the form's first frame: the
 * zone sits below the category choice, so the first frame never shows it.
 */
export { AttachmentZone } from '../attachments/AttachmentZone';
export { attachmentsMessages } from '../attachments/messages';
export { default as attachmentsCss } from '../attachments/styles.css?inline';
