/**
 * Runs imports off the main thread. Parsing a 20 MB web page (jsdom, Readability,
 * DOMPurify) takes tens of seconds, and on the process that serves the API that would
 * freeze every other call: note saves, searches, the reading pane. Built as its own entry
 * (out/main/importWorker.js) and started by `ImportRunner`.
 */
import { parentPort } from 'node:worker_threads'
import { ImportError, importFile, importPaste } from './index'
import type { ImportJob, ImportJobResult } from './importRunner'

async function run(job: ImportJob): Promise<ImportJobResult> {
  try {
    const article = job.kind === 'file' ? await importFile(job.file) : await importPaste(job.paste)
    return { id: job.id, ok: true, article }
  } catch (error) {
    if (error instanceof ImportError) return { id: job.id, ok: false, fileName: error.fileName, reason: error.reason }
    return { id: job.id, ok: false, fileName: null, reason: error instanceof Error ? error.message : String(error) }
  }
}

parentPort?.on('message', (job: ImportJob) => {
  void run(job).then((result) => parentPort?.postMessage(result))
})
