export { addAttachment } from './add.js';
export { addOrderAttachment } from './add-to-order.js';
export { addTaskAttachment } from './add-to-task.js';
export { attachmentsOfOrder, attachmentsOfTask } from './list-work.js';
export { attachmentsOfClue, openAttachment } from './read.js';
export { cleanFileName, type ReceivedFile, receiveUpload, type Upload } from './receive.js';
export { type AttachmentStore, attachmentStore } from './store.js';
