// Why this exists: the host's limits, each tried the way a careless or hostile local
// program would: ids that are names every object inherits, a body over the limit, thousands
// of idle connections, a 31 MB import while other calls wait on it, and the launcher killed
// with SIGKILL. Each must end in a clear refusal or in the host carrying on, never in a
// reset, a 5xx, a stall or a host left running without its launcher.
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { callWithFile, reportLine, seedArticleWithNotes, sleep, verdictOf } from './common.mjs'

/** Over the host's 32 MB request limit (MAX_BODY_BYTES in src/main/host/browserHost.ts). */
const OVERSIZED_BODY_BYTES = 33 * 1024 * 1024
/** The host's descriptor limit is lowered to this for the idle-connection case; more idle sockets than that are opened. */
const HOST_FD_LIMIT = 2048
const IDLE_CONNECTIONS = 3000
/** The import worker's heap ceiling (IMPORT_WORKER_HEAP_MB in importRunner.ts) plus the host's own memory and the request. */
const MAX_PEAK_RSS_MB = 1200 + 500
/**
 * Slowest answer to another call allowed while an import runs, and just after (issue 12): 100 ms
 * around a 3 MB import (`--quick`), 250 ms around the 23 MB page (a 31 MB request when files went
 * as base64), which no click should wait longer than.
 */
const MAX_LATENCY_MS = { quick: 100, full: 250 }
/** Calls go on this long after the import answered: storing and indexing the article come after the answer. */
const PROBE_AFTER_MS = 2000

export async function run(context) {
  const lines = []
  for (const check of [protoIds, oversizedBody, idleConnections, bigImport, launcherKilled]) {
    try {
      lines.push(await check(context))
    } catch (error) {
      const name = `limits: ${check.caseName}`
      lines.push(
        reportLine({ name, runs: 0, figures: `stopped: ${String(error.message).split('\n')[0]}`, verdict: 'FAIL' })
      )
    }
  }
  return lines
}

async function withHost(startHost, dataDir, body) {
  const host = await startHost(dataDir)
  try {
    return await body(host)
  } finally {
    await host.stop()
  }
}

protoIds.caseName = '__proto__ ids refused'
async function protoIds({ startHost, scratch }) {
  const dataDir = scratch.folder('proto-ids')
  return withHost(startHost, dataDir, async (host) => {
    const { articleId, noteIds } = await seedArticleWithNotes(host, 'Prototype', 1)
    const before = fs.readFileSync(path.join(dataDir, 'library.json'), 'utf8')
    const tag = { id: '__proto__', path: 'Piège', color: null, description: '' }
    const calls = [
      ['openArticle', { articleId: '__proto__' }],
      ['listNotes', { articleId: 'constructor' }],
      ['deleteTag', { tagId: '__proto__' }],
      ['renameTag', { tagId: 'hasOwnProperty', path: 'x' }],
      ['setNoteTags', { articleId, noteId: noteIds[0], tagIds: ['__proto__'] }],
      ['createNote', { articleId: 'prototype', range: { start: 0, end: 3 }, expectedQuote: 'Pro' }],
      ['restoreTag', { tag, tagged: [] }],
      ['updateNote', { articleId, noteId: 'toString', changes: { text: 'x' } }]
    ]
    let refused = 0
    let serverErrors = 0
    for (const [method, input] of calls) {
      const response = await rawCall(host, method, JSON.stringify(input))
      if (response.status >= 500) serverErrors++
      if (response.body?.ok === false && response.body.error?.code === 'invalid-input') refused++
    }
    // A "__proto__" key in the JSON text itself, where a plain object would take it as its prototype.
    const smuggled = await rawCall(
      host,
      'updateArticleMeta',
      `{"articleId":"${articleId}","changes":{"__proto__":{"title":"x"}}}`
    )
    if (smuggled.status >= 500) serverErrors++
    if (smuggled.body?.ok === false) refused++
    const unchanged = fs.readFileSync(path.join(dataDir, 'library.json'), 'utf8') === before
    const total = calls.length + 1
    const figures = `refused ${refused} of ${total}, 5xx ${serverErrors}, library.json ${unchanged ? 'unchanged' : 'CHANGED'}`
    return reportLine({
      name: `limits: ${protoIds.caseName}`,
      runs: total,
      figures,
      verdict: verdictOf(refused === total && serverErrors === 0 && unchanged)
    })
  })
}

oversizedBody.caseName = 'body over the limit gets 413'
async function oversizedBody({ startHost, scratch }) {
  return withHost(startHost, scratch.folder('oversized-body'), async (host) => {
    const body = `{"name":"big.txt","text":"${'A'.repeat(OVERSIZED_BODY_BYTES)}"}`
    const declared = await statusOf(() =>
      fetch(`${host.origin}/api/importFile`, { method: 'POST', headers: headers(host), body })
    )
    // A file's bytes as the body, the way the app sends them.
    const bytes = await statusOf(() =>
      fetch(`${host.origin}/api/importFile`, {
        method: 'POST',
        headers: {
          ...headers(host),
          'content-type': 'application/octet-stream',
          'x-dossier-input': encodeURIComponent('{"name":"big.txt"}')
        },
        body: new Uint8Array(OVERSIZED_BODY_BYTES)
      })
    )
    // The same without a Content-Length: the host must count as it reads.
    const streamed = await statusOf(() =>
      fetch(`${host.origin}/api/importFile`, {
        method: 'POST',
        headers: headers(host),
        body: new Blob([body]).stream(),
        duplex: 'half'
      })
    )
    const after = await statusOf(() =>
      fetch(`${host.origin}/api/listArticles`, { method: 'POST', headers: headers(host), body: '{}' })
    )
    const figures = `with Content-Length ${declared}, chunked ${streamed}, file bytes ${bytes}, next call ${after}`
    return reportLine({
      name: `limits: ${oversizedBody.caseName}`,
      runs: 3,
      figures,
      verdict: verdictOf(declared === '413' && streamed === '413' && bytes === '413' && after === '200')
    })
  })
}

idleConnections.caseName = 'idle connections do not exhaust fds'
async function idleConnections({ startHost, scratch }) {
  const name = `limits: ${idleConnections.caseName}`
  try {
    execFileSync('prlimit', ['--version'], { stdio: 'pipe' })
  } catch {
    return reportLine({
      name,
      runs: 0,
      figures: 'prlimit (util-linux) is needed to lower the host’s descriptor limit',
      verdict: 'SKIPPED (no prlimit)'
    })
  }
  return withHost(startHost, scratch.folder('idle-connections'), async (host) => {
    execFileSync('prlimit', ['--pid', String(host.pid), `--nofile=${HOST_FD_LIMIT}:${HOST_FD_LIMIT}`], {
      stdio: 'pipe'
    })
    const url = new URL(host.origin)
    const sockets = []
    let closedByHost = 0
    for (let index = 0; index < IDLE_CONNECTIONS; index++) {
      const socket = net.connect({ host: url.hostname, port: Number(url.port) })
      socket.on('error', () => undefined)
      socket.on('close', () => closedByHost++)
      sockets.push(socket)
      if (index % 200 === 199) await sleep(20)
    }
    await sleep(1000)
    try {
      // Reads and writes both: a write opens data files, which is what exhausted descriptors break.
      let answered = null
      const started = performance.now()
      while (performance.now() - started < 30_000) {
        const result = await host.call('createTag', { path: `Connexions/${Date.now()}` }).catch(() => null)
        if (result?.ok) {
          answered = performance.now() - started
          break
        }
        await sleep(250)
      }
      const descriptors = fs.readdirSync(`/proc/${host.pid}/fd`).length
      const figures =
        `${IDLE_CONNECTIONS} idle against a limit of ${HOST_FD_LIMIT}: closed by the host ${closedByHost},` +
        ` host descriptors ${descriptors}, a write ${answered === null ? 'never answered (30 s)' : `answered after ${Math.round(answered)} ms`}`
      // The bar is the issue's: descriptors never run out and the host answers again; how long it took is printed.
      const passed = answered !== null && descriptors < HOST_FD_LIMIT
      return reportLine({ name, runs: 1, figures, verdict: verdictOf(passed) })
    } finally {
      for (const socket of sockets) socket.destroy()
    }
  })
}

bigImport.caseName = 'big import: memory and latency'
export async function bigImport({ options, startHost, scratch }) {
  // 23 MB of web page, a 31 MB request when files went as base64 (the issue's figure), now
  // 23 MB of bytes; --quick imports 3 MB. Once: on a busy two-core machine it takes minutes.
  const paragraphs = options.quick ? 1600 : 12_400
  const count = 1
  const sentence = 'Le ministre de la Défense a déclaré que la coopération militaire « progresse » avec Rabat. '
  const html = `<!doctype html><html lang="fr"><head><title>Dossier de presse</title></head><body><article><h1>Dossier</h1>${`<p>${sentence.repeat(20)}</p>\n`.repeat(paragraphs)}</article></body></html>`
  const bytes = new TextEncoder().encode(html)
  const requestMb = Math.round(bytes.length / 2 ** 20)
  const maxLatency = options.quick ? MAX_LATENCY_MS.quick : MAX_LATENCY_MS.full
  const name = `limits: ${requestMb} MB import: memory and latency${count > 1 ? ` (${count} at once)` : ''}`
  return withHost(startHost, scratch.folder('big-import'), async (host) => {
    await host.value('listArticles')
    await sleep(2000)
    const baseline = memoryOf(host.pid, 'VmRSS')
    let finished = 0
    const imports = Array.from({ length: count }, (_, index) =>
      callWithFile(host, 'importFile', { name: `dossier-${index + 1}.html` }, bytes)
        .catch((error) => ({ ok: false, error: { message: `no answer (${error.cause?.code ?? error.message})` } }))
        .finally(() => finished++)
    )
    let worst = 0
    let calls = 0
    let answeredAt = null
    while (answeredAt === null || performance.now() - answeredAt < PROBE_AFTER_MS) {
      if (answeredAt === null && finished === count) answeredAt = performance.now()
      const asked = performance.now()
      await host.value('listArticles')
      worst = Math.max(worst, performance.now() - asked)
      calls++
      await sleep(50)
    }
    const outcomes = await Promise.all(imports)
    const peak = memoryOf(host.pid, 'VmHWM')
    const described = outcomes.map((outcome) =>
      outcome.ok && outcome.value.ok ? 'imported' : `refused (“${outcome.value?.reason ?? outcome.error?.message}”)`
    )
    const clear = outcomes.every(
      (outcome) => outcome.ok && (outcome.value.ok || /too large or too complex/.test(outcome.value.reason))
    )
    // A call with no answer at all: whether the host had died says which way to look.
    const unanswered = outcomes.some((outcome) => !outcome.ok)
    const hostState = unanswered
      ? ` (host ${host.exit() ? `exited: ${JSON.stringify(host.exit())}` : 'still running'})`
      : ''
    const figures =
      `host ${baseline} MB → peak ${peak} MB;` +
      ` slowest of ${calls} listArticles during and ${PROBE_AFTER_MS / 1000} s after ${Math.round(worst)} ms` +
      ` (at most ${maxLatency}); ${described.join(', ')}${hostState};` +
      // Latencies follow the machine's load: the line says what it was.
      ` load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores`
    return reportLine({
      name,
      runs: count,
      figures,
      verdict: verdictOf(clear && peak <= MAX_PEAK_RSS_MB && worst <= maxLatency)
    })
  })
}

launcherKilled.caseName = 'launcher SIGKILL: host gone, port freed'
async function launcherKilled({ options, scratch, projectRoot, startHost }) {
  const name = `limits: ${launcherKilled.caseName}`
  const dataDir = scratch.folder('launcher-killed')
  const launcher = spawn(
    process.execPath,
    [path.join(path.dirname(options.host), 'launcher.js'), '--browser', '--data-dir', dataDir, '--port', '0'],
    {
      env: { ...process.env, NODE_PATH: path.join(projectRoot, 'node_modules'), DOSSIER_DATA_DIR: '' },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let output = ''
  launcher.stdout.on('data', (chunk) => (output += chunk))
  launcher.stderr.on('data', (chunk) => (output += chunk))
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the launcher did not start the host within 60 s: ${output}`)),
      60_000
    )
    launcher.stdout.on('data', () => {
      const match = /Open http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    })
  })
  const hostPid = Number(
    fs.readFileSync(`/proc/${launcher.pid}/task/${launcher.pid}/children`, 'utf8').trim().split(/\s+/)[0]
  )
  launcher.kill('SIGKILL')
  let goneAfter = null
  for (let waited = 0; waited <= 15_000; waited += 100) {
    if (!isRunning(hostPid)) {
      goneAfter = waited
      break
    }
    await sleep(100)
  }
  if (goneAfter === null) process.kill(hostPid, 'SIGKILL')
  const portFree = await canListen(port)
  const reusable = await startHost(dataDir).then(
    (host) => host.stop().then(() => true),
    () => false
  )
  const figures =
    `host ${goneAfter === null ? 'STILL RUNNING after 15 s (killed by torture)' : `gone within ${goneAfter} ms`},` +
    ` port ${portFree ? 'freed' : 'still taken'}, data folder ${reusable ? 'opens again' : 'still locked'}`
  return reportLine({ name, runs: 1, figures, verdict: verdictOf(goneAfter !== null && portFree && reusable) })
}

function headers(host) {
  return { 'content-type': 'application/json', 'x-dossier-token': host.token }
}

async function rawCall(host, method, body) {
  const response = await fetch(`${host.origin}/api/${method}`, { method: 'POST', headers: headers(host), body })
  const text = await response.text()
  try {
    return { status: response.status, body: JSON.parse(text) }
  } catch {
    return { status: response.status, body: null }
  }
}

/** The HTTP status as text, or what went wrong instead of an answer (a reset, for instance). */
async function statusOf(request) {
  try {
    const response = await request()
    await response.arrayBuffer()
    return String(response.status)
  } catch (error) {
    return `no answer (${error.cause?.code ?? error.message})`
  }
}

/** A /proc/<pid>/status figure in MB: VmRSS now, VmHWM the peak so far. */
function memoryOf(pid, field) {
  const match = new RegExp(`^${field}:\\s*(\\d+) kB$`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
  return match ? Math.round(Number(match[1]) / 1024) : NaN
}

/** Running, and not a zombie waiting for a parent that is gone. */
function isRunning(pid) {
  try {
    return !/^State:\s*Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
  } catch {
    return false
  }
}

function canListen(port) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}
