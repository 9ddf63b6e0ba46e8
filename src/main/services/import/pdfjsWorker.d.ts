/**
 * pdfjs-dist ships no types for its worker module; pdfImport.ts only hands the module to
 * pdf.js (as `globalThis.pdfjsWorker`), which looks for this one export.
 */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown
}
