/**
 * The key that tells a repeat report from a new clue: the unified social credit code when
 * there is one, else the web host, else the normalised name. Two reports of the same
 * scheme reach the same key however the reporter typed it.
 */
export interface ClueSubject {
  name: string;
  creditCode?: string | null;
  url?: string | null;
}

/** Full-width forms (ＡＢＣ１２３，) become their ASCII twins; the ideographic space a space. */
function halfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Company-form suffixes that reporters drop or add at will. */
const SUFFIXES = /(有限责任公司|股份有限公司|有限公司|集团|公司|工作室|合作社)$/;

export function normaliseName(name: string): string {
  const plain = halfWidth(name)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
  return plain.replace(SUFFIXES, '') || plain;
}

export function hostOf(url: string): string | null {
  const text = halfWidth(url).trim();
  try {
    const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
    const host = parsed.hostname
      .toLowerCase()
      .replace(/^www\./, '')
      .replace(/\.$/, '');
    return host.includes('.') ? host : null;
  } catch {
    return null;
  }
}

export function subjectKey(subject: ClueSubject): string {
  const code = subject.creditCode
    ? halfWidth(subject.creditCode).toUpperCase().replace(/\s/g, '')
    : '';
  if (/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return `credit:${code}`;
  const host = subject.url ? hostOf(subject.url) : null;
  if (host) return `host:${host}`;
  return `name:${normaliseName(subject.name)}`;
}
