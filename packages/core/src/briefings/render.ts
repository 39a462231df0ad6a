import { type Briefing, briefingBlocks } from '@lianxi/domain';

const RED = 'C00000';
const BODY_FONT = '仿宋';
const TITLE_FONT = '宋体';

/**
 * 工作简报 as a Word document, laid out like the printed issue. The Word library is loaded
 * on the first document, not with the service: most processes never write one.
 */
export async function briefingDocx(b: Briefing): Promise<Buffer> {
  const { AlignmentType, BorderStyle, Document, Packer, Paragraph, TextRun } = await import('docx');
  const children = briefingBlocks(b).map((block) => {
    switch (block.kind) {
      case 'masthead':
        return new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 200 },
          children: [
            new TextRun({ text: block.text, bold: true, size: 72, color: RED, font: TITLE_FONT }),
          ],
        });
      case 'issue':
        return new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: block.text, size: 32, font: BODY_FONT })],
        });
      case 'issuer':
        return new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 200 },
          children: [new TextRun({ text: block.text, size: 28, font: BODY_FONT })],
        });
      case 'rule':
        return new Paragraph({
          border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 1 } },
          children: [],
        });
      case 'headline':
        return new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 300, after: 300 },
          children: [new TextRun({ text: block.text, bold: true, size: 36, font: TITLE_FONT })],
        });
      case 'paragraph':
        return new Paragraph({
          indent: { firstLine: 640 },
          spacing: { line: 560 },
          children: [new TextRun({ text: block.text, size: 32, font: BODY_FONT })],
        });
      case 'distribution':
      case 'imprint':
        return new Paragraph({
          alignment: block.kind === 'imprint' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text: block.text, size: 28, font: BODY_FONT })],
        });
    }
  });
  const doc = new Document({
    creator: b.issuer,
    title: `${b.title} 第 ${b.issueNo} 期`,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The printable page: A4, the masthead in red, body in 仿宋, ready for the browser's print. */
export function briefingHtml(b: Briefing): string {
  const body = briefingBlocks(b)
    .map((block) =>
      block.kind === 'rule'
        ? '<hr class="rule">'
        : `<p class="${block.kind}">${escape(block.text)}</p>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escape(`${b.title} 第 ${b.issueNo} 期`)}</title>
<style>
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  body { font-family: "FangSong", "仿宋", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.75; color: #000; max-width: 160mm; margin: 0 auto; }
  .masthead { text-align: center; color: #c00000; font-family: "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 36pt; font-weight: bold; margin: 0 0 8pt; }
  .issue { text-align: center; margin: 0; }
  .issuer { text-align: center; margin: 8pt 0 0; font-size: 14pt; }
  .rule { border: 0; border-top: 2px solid #c00000; margin: 6pt 0 18pt; }
  .headline { text-align: center; font-weight: bold; font-size: 18pt; margin: 12pt 0; }
  .paragraph { text-indent: 2em; margin: 0; }
  .distribution { font-size: 14pt; margin: 0; }
  .imprint { font-size: 14pt; text-align: right; margin: 8pt 0 0; }
  @media print { body { max-width: none; } }
</style>
</head>
<body>
${body}
</body>
</html>`;
}
