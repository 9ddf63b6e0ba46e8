// The import runner's glue, with stand-in workers written to a temp folder: results and
// refusals come back as the in-thread import would give them, a worker that dies fails
// only the imports it held, and the next import starts a new one. Imports reach the worker
// one at a time, and one that reaches the heap ceiling is refused by name while the next
// gets a fresh worker. A Dossier warms its worker after start-up, before any import.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useTempDossiers } from '../testing/tempDossiers'
import { ImportError } from './index'
import { createImportRunner, IMPORT_WORKER_HEAP_MB, type ImportRunner, type ImportRunnerOptions } from './importRunner'

let dir: string
const runners: ImportRunner[] = []

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-import-runner-'))
})

afterEach(async () => {
  for (const runner of runners.splice(0)) await runner.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

function workerFile(body: string): string {
  const file = path.join(dir, `worker-${runners.length}.cjs`)
  fs.writeFileSync(file, `const { parentPort } = require('node:worker_threads')\n${body}`)
  return file
}

function runner(file: string | null, options?: ImportRunnerOptions): ImportRunner {
  const created = createImportRunner(file, options)
  runners.push(created)
  return created
}

describe('createImportRunner', () => {
  it('hands back what the worker imported', async () => {
    const file = workerFile(`parentPort.on('message', (job) => parentPort.postMessage({ id: job.id, ok: true,
      article: { blocks: [{ type: 'paragraph', text: job.file.name + ':' + job.file.bytes.length }], title: 'T', sourceFile: job.file.name } }))`)
    const article = await runner(file).importFile({ name: 'a.txt', bytes: new Uint8Array([1, 2, 3]) })
    expect(article.blocks).toEqual([{ type: 'paragraph', text: 'a.txt:3' }])
  })

  it('hands the bytes over, a small Buffer from the pool (copied) and one too big for it (transferred)', async () => {
    const file = workerFile(`parentPort.on('message', (job) => parentPort.postMessage({ id: job.id, ok: true,
      article: { blocks: [{ type: 'paragraph', text: Buffer.from(job.file.bytes).toString('latin1').slice(0, 12) + ':' + job.file.bytes.length }], title: 'T', sourceFile: job.file.name } }))`)
    const imports = runner(file)
    const pooled = Buffer.from('Un paragraphe.')
    const small = await imports.importFile({ name: 'a.txt', bytes: pooled })
    expect(small.blocks).toEqual([{ type: 'paragraph', text: 'Un paragraph:14' }])
    // The pool is shared with the rest of the process: it stays ours.
    expect(pooled.byteLength).toBe(14)
    const own = Buffer.from(`Bonjour tout${'x'.repeat(100_000)}`)
    const big = await imports.importFile({ name: 'b.txt', bytes: own })
    expect(big.blocks).toEqual([{ type: 'paragraph', text: 'Bonjour tout:100012' }])
    // Its own buffer went to the worker without a copy: nothing is left here.
    expect(own.byteLength).toBe(0)
  })

  it('turns a refusal into the ImportError that names the file and the reason', async () => {
    const file = workerFile(
      `parentPort.on('message', (job) => parentPort.postMessage({ id: job.id, ok: false, fileName: 'vide.txt', reason: 'the file is empty' }))`
    )
    const refused = runner(file).importFile({ name: 'vide.txt', bytes: new Uint8Array() })
    await expect(refused).rejects.toBeInstanceOf(ImportError)
    await expect(refused).rejects.toMatchObject({ fileName: 'vide.txt', reason: 'the file is empty' })
  })

  it('fails the imports a crashed worker held, and starts a new worker for the next one', async () => {
    const flag = path.join(dir, 'crashed-once')
    const file = workerFile(`const fs = require('node:fs')
      parentPort.on('message', (job) => {
        if (!fs.existsSync(${JSON.stringify(flag)})) { fs.writeFileSync(${JSON.stringify(flag)}, 'x'); process.exit(3) }
        parentPort.postMessage({ id: job.id, ok: true, article: { blocks: [], title: 'again', sourceFile: null } })
      })`)
    const imports = runner(file)
    await expect(imports.importPaste({ text: 'x' })).rejects.toThrow(/stopped unexpectedly/)
    await expect(imports.importPaste({ text: 'x' })).resolves.toMatchObject({ title: 'again' })
  })

  it('imports on this thread when the worker cannot even start', async () => {
    const file = workerFile(`throw new Error('cannot load')`)
    const article = await runner(file).importPaste({ text: 'Un paragraphe.\n\nUn autre.' })
    expect(article.blocks.map((block) => block.text)).toEqual(['Un paragraphe.', 'Un autre.'])
  })

  it('refuses by name a file whose bytes went to a worker that never started, and imports the next one here', async () => {
    const file = workerFile(`throw new Error('cannot load')`)
    const imports = runner(file)
    const own = () => new TextEncoder().encode('Un paragraphe.\n\nUn autre.')
    await expect(imports.importFile({ name: 'dossier/perdu.txt', bytes: own() })).rejects.toMatchObject({
      name: 'ImportError',
      fileName: 'perdu.txt',
      reason: 'the import could not start: import it again'
    })
    const next = await imports.importFile({ name: 'suivant.txt', bytes: own() })
    expect(next.blocks.map((block) => block.text)).toEqual(['Un paragraphe.', 'Un autre.'])
  })

  it('warms its worker before any import: started once, and the imports that follow use it', async () => {
    const starts = path.join(dir, 'starts')
    const file = workerFile(`require('node:fs').appendFileSync(${JSON.stringify(starts)}, 'started\\n')
      parentPort.on('message', (job) => parentPort.postMessage(job.kind === 'warm'
        ? { id: job.id, ok: true, warm: { loadedFormatModules: [] } }
        : { id: job.id, ok: true, article: { blocks: [], title: job.kind, sourceFile: null } }))`)
    const imports = runner(file)
    expect(fs.existsSync(starts)).toBe(false)
    await imports.warm()
    expect(fs.readFileSync(starts, 'utf8')).toBe('started\n')
    await expect(imports.importPaste({ text: 'x' })).resolves.toMatchObject({ title: 'paste' })
    await imports.warm()
    expect(fs.readFileSync(starts, 'utf8')).toBe('started\n')
  })

  it('never fails a warm-up: a worker that dies while warming is started afresh by the next import', async () => {
    const flag = path.join(dir, 'crashed-once')
    const file = workerFile(`const fs = require('node:fs')
      parentPort.on('message', (job) => {
        if (!fs.existsSync(${JSON.stringify(flag)})) { fs.writeFileSync(${JSON.stringify(flag)}, 'x'); process.exit(3) }
        parentPort.postMessage({ id: job.id, ok: true, article: { blocks: [], title: 'after', sourceFile: null } })
      })`)
    const imports = runner(file)
    await expect(imports.warm()).resolves.toBeUndefined()
    await expect(imports.importPaste({ text: 'x' })).resolves.toMatchObject({ title: 'after' })
  })

  it('warms nothing when there is no built worker, and a closed runner starts no worker', async () => {
    await expect(runner(null).warm()).resolves.toBeUndefined()
    const starts = path.join(dir, 'starts')
    const closed = runner(workerFile(`require('node:fs').appendFileSync(${JSON.stringify(starts)}, 'started')`))
    await closed.close()
    await closed.warm()
    expect(fs.existsSync(starts)).toBe(false)
  })

  it('hands the worker one import at a time, in the order they came', async () => {
    const log = path.join(dir, 'log')
    const file = workerFile(`const fs = require('node:fs')
      parentPort.on('message', (job) => {
        fs.appendFileSync(${JSON.stringify(log)}, 'start ' + job.file.name + '\\n')
        setTimeout(() => {
          fs.appendFileSync(${JSON.stringify(log)}, 'end ' + job.file.name + '\\n')
          parentPort.postMessage({ id: job.id, ok: true, article: { blocks: [], title: job.file.name, sourceFile: null } })
        }, 30)
      })`)
    const imports = runner(file)
    const names = ['a.txt', 'b.txt', 'c.txt']
    const titles = await Promise.all(names.map((name) => imports.importFile({ name, bytes: new Uint8Array([1]) })))
    expect(titles.map((article) => article.title)).toEqual(names)
    expect(fs.readFileSync(log, 'utf8')).toBe(
      'start a.txt\nend a.txt\nstart b.txt\nend b.txt\nstart c.txt\nend c.txt\n'
    )
  })

  it('refuses by name an import that reaches the heap ceiling, and starts a new worker for the next one', async () => {
    const starts = path.join(dir, 'starts')
    const file = workerFile(`require('node:fs').appendFileSync(${JSON.stringify(starts)}, 'started\\n')
      parentPort.on('message', (job) => {
        const name = job.kind === 'file' ? job.file.name : 'paste'
        if (name.endsWith('big.html') || name === 'paste') { const hoard = []; for (;;) hoard.push(new Array(100000).fill(hoard.length)) }
        parentPort.postMessage({ id: job.id, ok: true, article: { blocks: [], title: name, sourceFile: null } })
      })`)
    const imports = runner(file, { heapLimitMb: 24 })
    // Were it run on this thread instead, this small text would import. Fresh bytes each time: they are handed over.
    const tiny = () => new TextEncoder().encode('Un paragraphe.')
    await expect(imports.importFile({ name: 'dossiers/big.html', bytes: tiny() })).rejects.toMatchObject({
      name: 'ImportError',
      fileName: 'big.html',
      reason: 'it is too large or too complex to import (it needed more than 24 MB)'
    })
    await expect(imports.importFile({ name: 'small.txt', bytes: tiny() })).resolves.toMatchObject({
      title: 'small.txt'
    })
    await expect(imports.importPaste({ text: 'x' })).rejects.toMatchObject({ fileName: 'Pasted text' })
    await expect(imports.importFile({ name: 'after.txt', bytes: tiny() })).resolves.toMatchObject({
      title: 'after.txt'
    })
    expect(fs.readFileSync(starts, 'utf8')).toBe('started\nstarted\nstarted\n')
    // Filling a heap to its ceiling takes V8 a few seconds on a busy machine, twice here.
  }, 30_000)

  it('caps the worker heap at 48 bytes per byte of the largest importable file: 1,200 MB', () => {
    expect(IMPORT_WORKER_HEAP_MB).toBe(1200)
  })

  it('imports on this thread when there is no built worker', async () => {
    const article = await runner(path.join(dir, 'missing.js')).importPaste({ text: 'Un paragraphe.\n\nUn autre.' })
    expect(article.blocks.map((block) => block.text)).toEqual(['Un paragraphe.', 'Un autre.'])
  })
})

describe('a Dossier and its import worker', () => {
  const folder = useTempDossiers('dossier-import-warm-')

  it('starts the worker in the background after opening, before any import', async () => {
    const started = path.join(dir, 'warmed')
    const file = workerFile(`parentPort.on('message', (job) => {
      if (job.kind === 'warm') require('node:fs').writeFileSync(${JSON.stringify(started)}, 'warm')
      parentPort.postMessage({ id: job.id, ok: true, warm: { loadedFormatModules: [] } })
    })`)
    await folder.open({ importWorker: file, backgroundStartMs: 0 })
    await vi.waitFor(() => expect(fs.existsSync(started)).toBe(true), { timeout: 5000 })
  })
})
