import type { Attachment } from '@lianxi/domain';
import { clueAttachmentsPath, useInvalidateClues } from '../../api/clues';
import { AttachmentCard } from '../../components/Attachments';

interface Props {
  clueId: string;
  attachments: Attachment[];
  canUpload: boolean;
}

/** 证据材料: files kept with the clue; the server judges each by its content, not its name. */
export function ClueAttachments({ clueId, attachments, canUpload }: Props) {
  const invalidate = useInvalidateClues();
  return (
    <AttachmentCard
      title={`证据材料（${attachments.length}）`}
      attachments={attachments}
      upload={
        canUpload
          ? { path: clueAttachmentsPath(clueId), onUploaded: () => invalidate() }
          : undefined
      }
      emptyText="暂无证据材料"
      testId="clue-attachments"
    />
  );
}
