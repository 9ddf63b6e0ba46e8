/**
 * Runs imports off the main thread. Parsing a 20 MB web page (jsdom, Readability,
 * DOMPurify) takes tens of seconds, and on the process that serves the API that would
 * freeze every other call: note saves, searches, the reading pane. Built as its own entry
 * (out/main/importWorker.js) and started by `ImportRunner`.
 *
 * Loading this module loads what plain text and Markdown need; the HTML and Word stacks
 * are loaded on the first import that needs them (index.ts).
 */
import { parentPort } from 'node:worker_threads'
import { ImportError, importFile, importPaste, loadedFormatModules } from './index'
import type { ImportJob, ImportJobResult } from './importRunner'

/** A tiny text import: runs decoding, paragraph rules and language detection once, so the user's first import does not. */
const WARM_UP_FILE = { name: 'warm-up.txt', text: 'Dossier\n\nUn paragraphe de mise en route, en français.' }

async function run(job: ImportJob): Promise<ImportJobResult> {
  try {
    if (job.kind === 'warm') {
      await importFile({ name: WARM_UP_FILE.name, bytes: new TextEncoder().encode(WARM_UP_FILE.text) })
      return { id: job.id, ok: true, warm: { loadedFormatModules: loadedFormatModules() } }
    }
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
