import { loadExcel } from '../common/excel.js';

export interface SheetColumn<R> {
  header: string;
  width?: number;
  value: (row: R) => string | number | Date | null;
}

/** One sheet, a bold frozen header row, one row per record. */
export async function workbook<R>(
  sheetName: string,
  columns: SheetColumn<R>[],
  rows: R[],
): Promise<Buffer> {
  const book = new (await loadExcel()).Workbook();
  book.creator = '联席 Lianxi';
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 14 }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(columns.map((c) => c.value(r)));
  return Buffer.from(await book.xlsx.writeBuffer());
}
