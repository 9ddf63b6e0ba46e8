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
import { prepareBodyWithTerms } from '../preparedBody'
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
    const article = job.kind === 'paste' ? await importPaste(job.paste) : await importFile(job.file)
    // Counted and serialised here, where the text already is: the serving thread only writes the bytes
    // and posts the counted search terms.
    return { id: job.id, ok: true, article: { ...article, prepared: await prepareBodyWithTerms(article.blocks) } }
  } catch (error) {
    if (error instanceof ImportError) {
      return { id: job.id, ok: false, fileName: error.fileName, reason: error.reason, why: error.why }
    }
    return { id: job.id, ok: false, fileName: null, reason: error instanceof Error ? error.message : String(error) }
  }
}

parentPort?.on('message', (job: ImportJob) => {
  void run(job).then((result) => {
    // The serialised body is handed over, not copied: it can be tens of megabytes.
    const prepared = result.ok && 'article' in result ? result.article.prepared : undefined
    parentPort?.postMessage(result, prepared ? [prepared.bodyFile.buffer as ArrayBuffer] : [])
  })
})
