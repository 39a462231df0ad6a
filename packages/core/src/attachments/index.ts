export { addAttachment, cleanFileName, type Upload } from './add.js';
export { attachmentsOfClue, openAttachment } from './read.js';
export { type AttachmentStore, attachmentStore } from './store.js';
