/**
 * exceljs takes about 30 MB once loaded; most processes never touch a spreadsheet, so it is
 * loaded by the first import or export that needs it rather than at start.
 */
export const loadExcel = async () => (await import('exceljs')).default;
