/**
 * Where imports run: in a worker thread when the built worker is there (the app), in
 * this thread otherwise (unit tests run the TypeScript directly). Either way the caller
 * gets the same ImportedArticle or the same ImportError.
 */
import fs from 'node:fs'
import { Worker } from 'node:worker_threads'
import { ImportError, importFile, importPaste, type ImportedArticle } from './index'

export type ImportJob =
  | { id: number; kind: 'file'; file: { name: string; bytes: Uint8Array } }
  | { id: number; kind: 'paste'; paste: { html?: string; text?: string } }

export type ImportJobResult =
  | { id: number; ok: true; article: ImportedArticle }
  | { id: number; ok: false; fileName: string | null; reason: string }

type Job = Omit<Extract<ImportJob, { kind: 'file' }>, 'id'> | Omit<Extract<ImportJob, { kind: 'paste' }>, 'id'>

export interface ImportRunner {
  importFile(file: { name: string; bytes: Uint8Array }): Promise<ImportedArticle>
  importPaste(paste: { html?: string; text?: string }): Promise<ImportedArticle>
  close(): Promise<void>
}

export function createImportRunner(workerFile: string | null): ImportRunner {
  if (!workerFile || !fs.existsSync(workerFile)) {
    return { importFile, importPaste, close: async () => {} }
  }
  let worker: Worker | null = null
  let sequence = 0
  /** Set when the worker could not even start (a packaged app that cannot load it): imports then run here. */
  let inThread = false
  let answered = false
  const pending = new Map<
    number,
    { job: Job; resolve: (article: ImportedArticle) => void; reject: (error: Error) => void }
  >()
  const runHere = (job: Job): Promise<ImportedArticle> =>
    job.kind === 'file' ? importFile(job.file) : importPaste(job.paste)

  const failAll = (error: Error): void => {
    for (const { reject } of pending.values()) reject(error)
    pending.clear()
    worker = null
  }
  /** Started on the first import and kept: most imports come in batches. */
  const started = (): Worker => {
    if (worker) return worker
    const created = new Worker(workerFile)
    created.on('message', (result: ImportJobResult) => {
      answered = true
      const waiting = pending.get(result.id)
      if (!waiting) return
      pending.delete(result.id)
      if (result.ok) waiting.resolve(result.article)
      else if (result.fileName !== null) waiting.reject(new ImportError(result.fileName, result.reason))
      else waiting.reject(new Error(result.reason))
    })
    // A crashed worker (out of memory on a pathological file) fails its imports, not the app; the next starts afresh.
    created.on('error', (error) => {
      if (answered) return failAll(error)
      inThread = true
      worker = null
      for (const { job, resolve, reject } of pending.values()) runHere(job).then(resolve, reject)
      pending.clear()
    })
    created.on('exit', (code) => {
      if (pending.size > 0) failAll(new Error(`the import stopped unexpectedly (code ${code})`))
      worker = null
    })
    created.unref()
    worker = created
    return created
  }
  const send = (job: Job): Promise<ImportedArticle> => {
    if (inThread) return runHere(job)
    return new Promise((resolve, reject) => {
      const id = ++sequence
      pending.set(id, { job, resolve, reject })
      started().postMessage({ ...job, id })
    })
  }

  return {
    importFile: (file) => send({ kind: 'file', file }),
    importPaste: (paste) => send({ kind: 'paste', paste }),
    close: async () => {
      await worker?.terminate()
      worker = null
    }
  }
}
