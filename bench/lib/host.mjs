// Why this exists: benchmarks drive the real storage and UI code only through the built
// browser-mode host (out/main/host.js) and its HTTP API, never by re-implementing them.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
/** DOSSIER_BENCH_HOST points at another build (e.g. one made with --outDir while e2e tests use out/). */
export const hostEntry = process.env.DOSSIER_BENCH_HOST
  ? path.resolve(process.env.DOSSIER_BENCH_HOST)
  : path.join(projectRoot, 'out', 'main', 'host.js')

/** Starts `node out/main/host.js --data-dir <dir> --port 0` and waits for the address it prints. */
export async function startHost(dataDir, { env = {} } = {}) {
  if (!fs.existsSync(hostEntry)) throw new Error(`${hostEntry} is missing: run npm run build first`)
  const child = spawn(process.execPath, [hostEntry, '--data-dir', dataDir, '--port', '0'], {
    cwd: projectRoot,
    // A build outside the checkout finds the packages it leaves external (chardet, jsdom…) through NODE_PATH.
    env: { ...process.env, NODE_PATH: path.join(projectRoot, 'node_modules'), DOSSIER_DATA_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk.toString()))
  child.stderr.on('data', (chunk) => (output += chunk.toString()))
  let exit = null
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.once('exit', (code, signal) => (exit = { code, signal }))
  let url
  try {
    url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`host did not start within 60 s:\n${output}`)), 60_000)
      const check = () => {
        const match = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output)
        if (match) {
          clearTimeout(timer)
          resolve(match[1])
        }
      }
      child.stdout.on('data', check)
      child.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`host exited with ${code}:\n${output}`))
      })
    })
  } catch (error) {
    if (child.exitCode === null) child.kill('SIGKILL')
    throw error
  }
  const parsed = new URL(url)
  const origin = parsed.origin
  const token = new URLSearchParams(parsed.hash.slice(1)).get('token') ?? ''

  return {
    url,
    origin,
    token,
    pid: child.pid,
    output: () => output,
    /** How the host ended ({ code, signal }), or null while it runs. */
    exit: () => exit,
    /** POST /api/<method>; resolves to the host's Result ({ ok, value } or { ok: false, error }). */
    async call(method, input = {}) {
      const response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dossier-token': token },
        body: JSON.stringify(input)
      })
      const text = await response.text()
      try {
        return JSON.parse(text)
      } catch {
        return { ok: false, error: { code: 'internal', message: `HTTP ${response.status}: ${text.slice(0, 200)}` } }
      }
    },
    /**
     * A method that takes a file (importFile, replaceArticleText): the bytes as the body, the
     * other fields in the input header, as the app's transport sends them (app/httpTransport.ts).
     */
    async callWithFile(method, fields, bytes) {
      const response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          'x-dossier-token': token,
          'x-dossier-input': encodeURIComponent(JSON.stringify(fields))
        },
        body: bytes
      })
      const text = await response.text()
      try {
        return JSON.parse(text)
      } catch {
        return { ok: false, error: { code: 'internal', message: `HTTP ${response.status}: ${text.slice(0, 200)}` } }
      }
    },
    /** Like call(), but throws unless the call succeeded, and returns its value. */
    async value(method, input = {}) {
      const result = await this.call(method, input)
      if (!result.ok) throw new Error(`${method} failed: ${result.error?.code} ${result.error?.message}`)
      return result.value
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      child.kill('SIGTERM')
      await exited
      clearTimeout(timer)
    }
  }
}

/** Bytes a process has passed to write(2) and friends so far (Linux only; null elsewhere). */
export function writtenChars(pid = 'self') {
  try {
    const match = /^wchar:\s*(\d+)$/m.exec(fs.readFileSync(`/proc/${pid}/io`, 'utf8'))
    return match ? Number(match[1]) : null
  } catch {
    return null
  }
}
