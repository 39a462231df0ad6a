import { type Briefing, briefingBlocks } from '@lianxi/domain';
import type { CSSProperties } from 'react';

const RED = '#c00000';
const SERIF = '"FangSong", "仿宋", "Noto Serif CJK SC", "Songti SC", serif';
const TITLE = '"SimSun", "宋体", "Noto Serif CJK SC", "Songti SC", serif';

/** The printed page's styles (the API's printable HTML), scaled to a screen column. */
const STYLES: Record<string, CSSProperties> = {
  masthead: {
    textAlign: 'center',
    color: RED,
    fontFamily: TITLE,
    fontSize: 'clamp(26px, 6vw, 40px)',
    fontWeight: 'bold',
    letterSpacing: 2,
    margin: '0 0 8px',
  },
  issue: { textAlign: 'center', margin: 0 },
  issuer: { textAlign: 'center', margin: '8px 0 0', fontSize: 15 },
  headline: { textAlign: 'center', fontWeight: 'bold', fontSize: 20, margin: '14px 0' },
  paragraph: { textIndent: '2em', margin: 0 },
  distribution: { fontSize: 15, margin: 0 },
  imprint: { fontSize: 15, textAlign: 'right', margin: '8px 0 0' },
};

/**
 * 工作简报 as it will print: drawn from the same `briefingBlocks` as the .docx and the
 * printable page, so what the office reads here is what goes out.
 */
export function BriefingPreview({ briefing }: { briefing: Briefing }) {
  return (
    <div
      data-testid="briefing-preview"
      style={{
        background: '#fff',
        color: '#000',
        fontFamily: SERIF,
        fontSize: 16,
        lineHeight: 1.75,
        padding: 'clamp(16px, 4vw, 40px)',
        boxShadow: '0 1px 6px rgba(0,0,0,0.12)',
        maxWidth: 720,
        margin: '0 auto',
        wordBreak: 'break-word',
      }}
    >
      {briefingBlocks(briefing).map((block, i) =>
        block.kind === 'rule' ? (
          <hr key={i} style={{ border: 0, borderTop: `2px solid ${RED}`, margin: '6px 0 18px' }} />
        ) : (
          <p key={i} style={STYLES[block.kind]} data-block={block.kind}>
            {block.text}
          </p>
        ),
      )}
    </div>
  );
}
