import { FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import type { Briefing, BriefingSections } from '@lianxi/domain';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { briefingHtml, downloadBriefingDocx, useBriefing } from '../../api/briefings';
import { isOffice, useMe } from '../../auth';
import { useErrorNotice } from '../../components/feedback';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatTime } from '../../lib/format';
import { BriefingEditor } from './BriefingEditor';
import { BriefingStatusTag, periodText } from './briefing-parts';
import { BriefingPreview } from './BriefingPreview';

export default function BriefingPage() {
  const { id } = useParams();
  const query = useBriefing(id);
  return (
    <QueryState {...query} notFoundTitle="简报不存在或尚未印发">
      {(briefing) => <BriefingView briefing={briefing} />}
    </QueryState>
  );
}

export const docxName = (b: Briefing) => `${b.title}${b.year}年第${b.issueNo}期.docx`;

/** Prints the API's printable page from a hidden frame: a bare link would carry no token. */
async function printBriefing(id: string) {
  const html = await briefingHtml(id);
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  Object.assign(frame.style, {
    position: 'fixed',
    right: '0',
    bottom: '0',
    width: '0',
    height: '0',
    border: '0',
  });
  frame.onload = () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
    setTimeout(() => frame.remove(), 60_000);
  };
  frame.srcdoc = html;
  document.body.appendChild(frame);
}

function Files({ briefing, dirty }: { briefing: Briefing; dirty: boolean }) {
  const notice = useErrorNotice();
  const [busy, setBusy] = useState<'docx' | 'print' | null>(null);
  const run = async (what: 'docx' | 'print') => {
    setBusy(what);
    try {
      if (what === 'docx') await downloadBriefingDocx(briefing.id, docxName(briefing));
      else await printBriefing(briefing.id);
    } catch (e) {
      notice(e);
    } finally {
      setBusy(null);
    }
  };
  const hint = dirty ? '有未保存的修改：下载和打印的是已保存的内容' : undefined;
  return (
    <Space wrap>
      <Tooltip title={hint}>
        <Button
          icon={<FileWordOutlined />}
          loading={busy === 'docx'}
          onClick={() => void run('docx')}
          data-testid="briefing-docx"
        >
          下载 Word
        </Button>
      </Tooltip>
      <Tooltip title={hint}>
        <Button
          icon={<PrinterOutlined />}
          loading={busy === 'print'}
          onClick={() => void run('print')}
          data-testid="briefing-print"
        >
          打印
        </Button>
      </Tooltip>
    </Space>
  );
}

function BriefingView({ briefing }: { briefing: Briefing }) {
  const me = useMe();
  const editable = isOffice(me.role) && briefing.status === 'draft';
  const [draft, setDraft] = useState<{ sections: BriefingSections; dirty: boolean }>({
    sections: briefing.sections,
    dirty: false,
  });
  const shown = { ...briefing, sections: draft.sections };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="briefing-detail">
      <Card
        title={
          <Space wrap>
            <span>
              {briefing.title} {briefing.year} 年第 {briefing.issueNo} 期
            </span>
            <BriefingStatusTag status={briefing.status} />
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'period', label: '统计期间', children: periodText(briefing) },
            {
              key: 'issued',
              label: '编发日期',
              children: formatDate(`${briefing.issuedOn}T12:00:00+08:00`),
            },
            {
              key: 'published',
              label: '印发时间',
              children: briefing.publishedAt ? formatTime(briefing.publishedAt) : '未印发',
            },
          ]}
        />
        <Files briefing={briefing} dirty={draft.dirty} />
        {editable && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title="草稿由平台按统计期间的数据自动生成，可逐段修改；右侧预览即印发版式。"
          />
        )}
      </Card>
      {editable ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={10}>
            <BriefingEditor
              briefing={briefing}
              onChange={(sections, dirty) => setDraft({ sections, dirty })}
            />
          </Col>
          <Col xs={24} xl={14}>
            <BriefingPreview briefing={shown} />
          </Col>
        </Row>
      ) : (
        <BriefingPreview briefing={briefing} />
      )}
    </Space>
  );
}
