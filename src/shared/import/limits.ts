/** Limits the user is told about, shared by the renderer (checked before upload) and the import service. */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024
export const MAX_IMPORT_LABEL = '25 MB'
export const IMPORTABLE_EXTENSIONS = [
  '.txt',
  '.text',
  '.md',
  '.markdown',
  '.html',
  '.htm',
  '.xhtml',
  '.docx',
  '.pdf'
] as const
