/** Small accessible primitives every feature uses. */
export * from './Button';
export * from './ConfirmDialog';
export * from './Field';
export * from './Notice';
export * from './RetryNotice';
export * from './Heading';
