/**
 * Where imports run: in a worker thread when the built worker is there (the app), in
 * this thread otherwise (unit tests run the TypeScript directly). Either way the caller
 * gets the same ImportedArticle or the same ImportError.
 *
 * The worker takes one import at a time, under a heap ceiling. Parsing a big web page
 * costs tens of times its size in memory: eight 31 MB imports at once took the host to
 * 4 GB and stalled every other call for seconds. Queued, the host never holds more than
 * one parse; capped, a pathological file fails on its own, with a message naming it,
 * instead of taking the whole app down.
 */
import fs from 'node:fs'
import { Worker } from 'node:worker_threads'
import { MAX_IMPORT_BYTES } from '../../../shared/import/limits'
import { hostMessage, type HostMessage } from '../../../shared/domain/hostMessages'
import { serialQueue } from '../../../shared/async/serialQueue'
import type { PreparedBody } from '../preparedBody'
import { ImportError } from './importError'
import type { ImportedArticle } from './importedArticle'
import { PASTE_SOURCE_NAME } from './pasteSource'

/**
 * The import stack, loaded when an import first runs on this thread (tests, or a worker that
 * could not start): with the worker, the host never loads it, and starts without its parsers
 * and language profiles.
 */
const importStack = () => import('./index')
const importFile = async (file: { name: string; bytes: Uint8Array }) => (await importStack()).importFile(file)
const importPaste = async (paste: { html?: string; text?: string }) => (await importStack()).importPaste(paste)

/**
 * An imported article as the worker hands it back: with its body already counted and
 * serialised (`prepared`), so that storing it costs the serving thread nothing
 * proportional to its size. Imports run on this thread come without it.
 */
export type ReadyArticle = ImportedArticle & { prepared?: PreparedBody }

export type ImportJob =
  | { id: number; kind: 'file'; file: { name: string; bytes: Uint8Array } }
  | { id: number; kind: 'paste'; paste: { html?: string; text?: string } }
  /** Loads the worker's modules and runs one tiny text import, so the user's first import finds it ready. */
  | { id: number; kind: 'warm' }

export type ImportJobResult =
  | { id: number; ok: true; article: ReadyArticle }
  | { id: number; ok: true; warm: { loadedFormatModules: string[] } }
  | { id: number; ok: false; fileName: string | null; reason: string; why?: HostMessage }

type Job = DistributiveOmit<ImportJob, 'id'>
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never

const MEGABYTE = 1024 * 1024
/**
 * Heap a parse may use per byte of input. Measured on generated French web pages
 * (jsdom, Readability, DOMPurify): a 22 MB page imports at full speed within a 1,024 MB
 * heap, and an 11 MB one within 512 MB, so about 46 bytes of heap per byte of page; with
 * 768 MB the 22 MB page still imports, but three times slower, most of it spent
 * collecting garbage near the ceiling. 48 leaves the largest allowed file that margin.
 */
const HEAP_BYTES_PER_IMPORTED_BYTE = 48
/**
 * The worker's heap ceiling (V8's old generation): enough for the largest file the import
 * limit lets in (25 MB: 1,200 MB), and no more, so that one file can never take the host
 * to several gigabytes. Above it the worker is stopped by V8 and the import refused.
 */
export const IMPORT_WORKER_HEAP_MB = Math.ceil((MAX_IMPORT_BYTES * HEAP_BYTES_PER_IMPORTED_BYTE) / MEGABYTE)

export interface ImportRunner {
  /**
   * The bytes are handed to the worker without a copy when they own their whole buffer (as
   * the API delivers a file): the caller must not read them afterwards.
   */
  importFile(file: { name: string; bytes: Uint8Array }): Promise<ReadyArticle>
  importPaste(paste: { html?: string; text?: string }): Promise<ReadyArticle>
  /**
   * Starts the worker, if there is one, and has it load what a text import needs; resolves
   * once it has (or could not: the next import then starts afresh). Never rejects.
   */
  warm(): Promise<void>
  close(): Promise<void>
}

export interface ImportRunnerOptions {
  /** The worker's heap ceiling in MB; tests set a small one to reach it quickly. */
  heapLimitMb?: number
}

/** The refusal for an import that reached the heap ceiling: it names the file, as every import failure does. */
export function tooLargeToImport(fileName: string, heapLimitMb: number): ImportError {
  return new ImportError(fileName, `it is too large or too complex to import (it needed more than ${heapLimitMb} MB)`, {
    why: hostMessage('import.tooComplex', { megabytes: heapLimitMb })
  })
}

export function createImportRunner(workerFile: string | null, options: ImportRunnerOptions = {}): ImportRunner {
  if (!workerFile || !fs.existsSync(workerFile)) {
    // The import stack loads on the first import here (and each format's parser on its first file).
    return {
      importFile,
      importPaste,
      warm: async () => {},
      close: async () => {}
    }
  }
  const heapLimitMb = options.heapLimitMb ?? IMPORT_WORKER_HEAP_MB
  /** One import in the worker at a time: the next is handed over once the last has settled. */
  const queue = serialQueue()
  let worker: Worker | null = null
  let sequence = 0
  /** Set when the worker could not even start (a packaged app that cannot load it): imports then run here. */
  let inThread = false
  let answered = false
  let closed = false
  /** The job the worker holds, if any; the queue makes it the only one. */
  let current: {
    id: number
    job: Job
    /** True when the job's bytes went to the worker without a copy: this thread no longer has them. */
    handedOver: boolean
    resolve: (value: unknown) => void
    reject: (error: Error) => void
  } | null = null
  const runHere = (job: Job): Promise<unknown> => {
    if (job.kind === 'warm') return Promise.resolve()
    return job.kind === 'file' ? importFile(job.file) : importPaste(job.paste)
  }
  /** Hands the current job its outcome, once: a dying worker reports both 'error' and 'exit'. */
  const settleCurrent = (outcome: (waiting: NonNullable<typeof current>) => void): void => {
    const waiting = current
    current = null
    if (waiting) outcome(waiting)
  }

  /** Started by `warm()` or the first import, and kept: most imports come in batches. */
  const started = (): Worker => {
    if (worker) return worker
    const created = new Worker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: heapLimitMb } })
    const forget = (): void => {
      if (worker === created) worker = null
    }
    created.on('message', (result: ImportJobResult) => {
      answered = true
      if (current?.id !== result.id) return
      settleCurrent(({ resolve, reject }) => {
        if (result.ok) resolve('article' in result ? result.article : undefined)
        else if (result.fileName !== null) reject(new ImportError(result.fileName, result.reason, { why: result.why }))
        else reject(new Error(result.reason))
      })
    })
    created.on('error', (error: Error & { code?: string }) => {
      forget()
      // V8 stopped the worker at its heap ceiling: this import is refused, and the next starts a new worker.
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        return settleCurrent(({ job, reject }) => reject(tooLargeToImport(sourceNameOf(job), heapLimitMb)))
      }
      // A crash after the worker has worked fails its import, not the app.
      if (answered) return settleCurrent(({ reject }) => reject(error))
      inThread = true
      settleCurrent(({ job, handedOver, resolve, reject }) => {
        // Its bytes went with the worker that never started: this one file is refused, the next imports here.
        if (handedOver) {
          const why = hostMessage('import.couldNotStart')
          reject(new ImportError(sourceNameOf(job), 'the import could not start: import it again', { why }))
        } else runHere(job).then(resolve, reject)
      })
    })
    created.on('exit', (code) => {
      forget()
      settleCurrent(({ reject }) => reject(new Error(`the import stopped unexpectedly (code ${code})`)))
    })
    created.unref()
    worker = created
    return created
  }
  const runInWorker = (job: Job, transfer: ArrayBuffer[] = []): Promise<unknown> => {
    if (inThread) return runHere(job)
    return new Promise((resolve, reject) => {
      const id = ++sequence
      current = { id, job, handedOver: transfer.length > 0, resolve, reject }
      started().postMessage({ ...job, id }, transfer)
    })
  }
  const send = (job: Job): Promise<unknown> => queue.run(() => runInWorker(job))

  return {
    importFile: (file) =>
      queue.run(() => runInWorker({ kind: 'file', file }, transferable(file.bytes))) as Promise<ReadyArticle>,
    importPaste: (paste) => send({ kind: 'paste', paste }) as Promise<ReadyArticle>,
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

/** The bytes' buffer when they are all of it; a small Buffer shares Node's buffer pool, which is not ours to hand over. */
function transferable(bytes: Uint8Array): ArrayBuffer[] {
  const buffer = bytes.buffer
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength
    ? [buffer]
    : []
}

function sourceNameOf(job: Job): string {
  // Drag-and-drop may hand over a path; the file is named as the importers name it, by its base name.
  if (job.kind === 'file') return job.file.name.split(/[\\/]/).at(-1) || job.file.name
  return job.kind === 'paste' ? PASTE_SOURCE_NAME : 'the import warm-up'
}
