import {
  type MeetingKind,
  RESOLUTION_PROGRESS_LABELS,
  type ResolutionProgress,
} from '@lianxi/domain';
import { Tag } from 'antd';

export const MEETING_KIND_COLOURS: Record<MeetingKind, string> = {
  plenary: 'red',
  regular: 'blue',
  special: 'purple',
};

const PROGRESS_COLOURS: Record<ResolutionProgress, string> = {
  pending: 'default',
  in_progress: 'processing',
  done: 'success',
};

/** 未交办 / 落实中 / 已落实; `data-progress` lets tests read it. */
export function ProgressTag({ progress }: { progress: ResolutionProgress }) {
  return (
    <Tag
      color={PROGRESS_COLOURS[progress]}
      data-testid="resolution-progress"
      data-progress={progress}
    >
      {RESOLUTION_PROGRESS_LABELS[progress]}
    </Tag>
  );
}
