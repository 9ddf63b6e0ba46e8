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
  /** Loads the worker's modules and runs one tiny text import, so the user's first import finds it ready. */
  | { id: number; kind: 'warm' }

export type ImportJobResult =
  | { id: number; ok: true; article: ImportedArticle }
  | { id: number; ok: true; warm: { loadedFormatModules: string[] } }
  | { id: number; ok: false; fileName: string | null; reason: string }

type Job = DistributiveOmit<ImportJob, 'id'>
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never

export interface ImportRunner {
  importFile(file: { name: string; bytes: Uint8Array }): Promise<ImportedArticle>
  importPaste(paste: { html?: string; text?: string }): Promise<ImportedArticle>
  /**
   * Starts the worker, if there is one, and has it load what a text import needs; resolves
   * once it has (or could not: the next import then starts afresh). Never rejects.
   */
  warm(): Promise<void>
  close(): Promise<void>
}

export function createImportRunner(workerFile: string | null): ImportRunner {
  if (!workerFile || !fs.existsSync(workerFile)) {
    // The text and Markdown importers are already loaded here; the HTML stack loads on first use.
    return { importFile, importPaste, warm: async () => {}, close: async () => {} }
  }
  let worker: Worker | null = null
  let sequence = 0
  /** Set when the worker could not even start (a packaged app that cannot load it): imports then run here. */
  let inThread = false
  let answered = false
  let closed = false
  const pending = new Map<number, { job: Job; resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  const runHere = (job: Job): Promise<unknown> => {
    if (job.kind === 'warm') return Promise.resolve()
    return job.kind === 'file' ? importFile(job.file) : importPaste(job.paste)
  }

  const failAll = (error: Error): void => {
    for (const { reject } of pending.values()) reject(error)
    pending.clear()
    worker = null
  }
  /** Started by `warm()` or the first import, and kept: most imports come in batches. */
  const started = (): Worker => {
    if (worker) return worker
    const created = new Worker(workerFile)
    created.on('message', (result: ImportJobResult) => {
      answered = true
      const waiting = pending.get(result.id)
      if (!waiting) return
      pending.delete(result.id)
      if (result.ok) waiting.resolve('article' in result ? result.article : undefined)
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
  const send = (job: Job): Promise<unknown> => {
    if (inThread) return runHere(job)
    return new Promise((resolve, reject) => {
      const id = ++sequence
      pending.set(id, { job, resolve, reject })
      started().postMessage({ ...job, id })
    })
  }

  return {
    importFile: (file) => send({ kind: 'file', file }) as Promise<ImportedArticle>,
    importPaste: (paste) => send({ kind: 'paste', paste }) as Promise<ImportedArticle>,
    warm: async () => {
      if (closed || inThread) return
      await send({ kind: 'warm' }).catch(() => undefined)
    },
    close: async () => {
      closed = true
      await worker?.terminate()
      worker = null
    }
  }
}
