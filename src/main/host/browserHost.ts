/**
 * Browser mode: a loopback HTTP host that serves the built renderer and the API contract,
 * so Dossier runs in any browser where the Electron runtime is missing.
 *
 * It is a local server with access to the user's notes, so: bound to 127.0.0.1 only; a
 * random per-launch token, sent in a header (never a cookie, which a hostile page could
 * make the browser send), required on every API call; the Host header checked against
 * DNS rebinding; no CORS headers, so other origins cannot read answers.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import path from 'node:path'
import { BYTES_CONTENT_TYPE, decodeInputHeader, INPUT_HEADER } from '../../shared/api/client'
import type { ApiHandlers } from '../../shared/api/contract'
import { dispatchApiCall } from '../../shared/api/dispatch'
import { TOKEN_HEADER } from '../../shared/api/tokenHeader'
import { fail, type Result } from '../../shared/result'
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy'

const API_PREFIX = '/api/'
/** Large enough for an imported document, small enough that a runaway client cannot exhaust memory. */
const MAX_BODY_BYTES = 32 * 1024 * 1024
/** A browser sends its headers at once; a client that trickles them is holding a connection open. */
const HEADERS_TIMEOUT_MS = 15_000
/**
 * Browsers open at most six connections to one host; this leaves room for several windows and
 * tools. At the cap the oldest idle connection makes way: refusing instead let 3,000 idle
 * sockets keep a real call waiting 28 s, until the headers timeout freed a place.
 */
const MAX_CONNECTIONS = 256
/**
 * How long the rest of a refused (413) body is read and dropped before the connection closes:
 * closing at once, with the client still sending, made it see a reset instead of the answer.
 * On loopback 32 MB take well under a second; a client that trickles is cut off.
 */
const LINGER_AFTER_REFUSAL_MS = 3_000

export interface BrowserHostOptions {
  handlers: ApiHandlers
  rendererDir: string
  port?: number
  /** Only tests pass a token; a launch makes its own. */
  token?: string
  /** Only tests lower it, to reach it with a few sockets. */
  maxConnections?: number
}

export interface BrowserHost {
  port: number
  token: string
  /** The address to open: the token travels in the fragment, which browsers never send to a server. */
  url: string
  close(): Promise<void>
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store'
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon'
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(32).toString('base64url')
  const expectedToken = Buffer.from(token)
  const rendererDir = path.resolve(options.rendererDir)
  let port = 0

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, fail('internal', String(error)))
      else response.destroy()
    })
  })

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (!isAllowedHost(request.headers.host, port)) {
      sendText(response, 421, 'Misdirected request: Dossier answers only on 127.0.0.1.')
      return
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`)
    if (url.pathname.startsWith(API_PREFIX)) {
      await handleApi(request, response, url.pathname.slice(API_PREFIX.length))
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'Method not allowed.')
      return
    }
    await serveStatic(response, url.pathname, request.method === 'HEAD')
  }

  async function handleApi(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    methodName: string
  ): Promise<void> {
    if (!hasValidToken(request.headers[TOKEN_HEADER])) {
      request.resume()
      sendJson(response, 401, fail('unauthorized', 'Missing or wrong Dossier token.'))
      return
    }
    if (request.method !== 'POST') {
      sendJson(response, 405, fail('invalid-input', 'API calls must be POST.'))
      return
    }
    const contentType = String(request.headers['content-type'] ?? '')
    const carriesBytes = contentType.startsWith(BYTES_CONTENT_TYPE)
    if (!carriesBytes && !contentType.startsWith('application/json')) {
      request.resume()
      sendJson(response, 415, fail('invalid-input', 'API calls must send JSON, or a file’s bytes.'))
      return
    }
    let input: unknown
    try {
      if (carriesBytes) {
        // The file's bytes are the body, kept as they arrived: no decoding on this thread.
        const header = request.headers[INPUT_HEADER]
        if (typeof header !== 'string') throw new Error(`a file's bytes need the ${INPUT_HEADER} header`)
        const fields = decodeInputHeader(header)
        input = { ...fields, bytes: await readBody(request) }
      } else {
        input = JSON.parse((await readBody(request)).toString('utf8'))
      }
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        refuseTooLarge(request, response, error)
        return
      }
      request.resume()
      sendJson(response, 400, fail('invalid-input', `Unreadable request: ${(error as Error).message}`))
      return
    }
    const result = await dispatchApiCall(options.handlers, methodName, input)
    sendJson(response, statusFor(result), result)
  }

  /**
   * Said as soon as the size is known, then the rest of the body is read and dropped for a
   * moment before the connection closes, so that a client still sending reads the 413 rather
   * than a reset; the host never holds the excess.
   */
  function refuseTooLarge(request: http.IncomingMessage, response: http.ServerResponse, error: Error): void {
    const socket = request.socket
    request.resume()
    response.setHeader('Connection', 'close')
    response.once('finish', () => lingerThenClose(socket))
    sendJson(response, 413, fail('invalid-input', error.message))
  }

  function hasValidToken(header: string | string[] | undefined): boolean {
    if (typeof header !== 'string') return false
    const given = Buffer.from(header)
    return given.length === expectedToken.length && timingSafeEqual(given, expectedToken)
  }

  async function serveStatic(response: http.ServerResponse, pathname: string, headOnly: boolean): Promise<void> {
    let relative: string
    try {
      relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname)
    } catch {
      sendText(response, 400, 'Bad path.')
      return
    }
    const file = path.resolve(rendererDir, `.${relative}`)
    if (!file.startsWith(rendererDir + path.sep)) {
      sendText(response, 404, 'Not found.')
      return
    }
    const stat = await fs.stat(file).catch(() => null)
    if (!stat?.isFile()) {
      sendText(response, 404, 'Not found.')
      return
    }
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': stat.size
    })
    if (headOnly) response.end()
    else createReadStream(file).pipe(response)
  }

  // Limits for a server only this computer can reach, which another local program could still
  // flood: headers must arrive promptly, and connections are capped well below the file
  // descriptors a process gets, so thousands of idle sockets cannot starve the data files.
  server.headersTimeout = HEADERS_TIMEOUT_MS
  const maxConnections = options.maxConnections ?? MAX_CONNECTIONS
  /** Open connections, oldest first, with the number of requests each has in flight. */
  const connections = new Map<Socket, { inFlight: number }>()
  server.on('connection', (socket: Socket) => {
    if (connections.size >= maxConnections) {
      const idle = oldestIdle(connections)
      // Every connection is busy with a request: the newcomer is the one refused.
      if (!idle) {
        socket.destroy()
        return
      }
      idle.destroy()
      connections.delete(idle)
    }
    connections.set(socket, { inFlight: 0 })
    socket.once('close', () => connections.delete(socket))
  })
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    const state = connections.get(request.socket)
    if (!state) return
    state.inFlight++
    response.once('close', () => state.inFlight--)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  port = (server.address() as AddressInfo).port

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

/** The connection open longest with no request in flight: between requests, or not one byte of headers yet. */
function oldestIdle(connections: ReadonlyMap<Socket, { inFlight: number }>): Socket | undefined {
  for (const [socket, state] of connections) if (state.inFlight === 0) return socket
  return undefined
}

/**
 * Node's HTTP server closes a `Connection: close` socket as soon as the answer is written
 * (by `destroySoon`), unread bytes and all, which the client sees as a reset. Instead: our
 * side is ended (the client reads the answer, then end of stream), what it still sends is
 * read and dropped, and the socket goes when the client closes or the linger time is up.
 */
function lingerThenClose(socket: Socket): void {
  if (socket.destroyed) return
  socket.removeListener('finish', socket.destroy)
  socket.end()
  socket.resume()
  const timer = setTimeout(() => socket.destroy(), LINGER_AFTER_REFUSAL_MS)
  timer.unref()
  socket.once('end', () => socket.destroy())
  socket.once('close', () => clearTimeout(timer))
}

function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

function statusFor(result: Result<unknown>): number {
  if (result.ok) return 200
  switch (result.error.code) {
    case 'invalid-input':
      return 400
    case 'not-found':
    case 'unknown-method':
      return 404
    case 'unauthorized':
      return 401
    default:
      return 500
  }
}

class BodyTooLargeError extends Error {
  constructor() {
    super(`The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB, the most Dossier accepts in one call.`)
  }
}

/**
 * The body, read into one buffer as it arrives: of the declared size when there is a
 * Content-Length, so that no whole-body copy is left for the end (joining 31 MB of chunks
 * held the serving thread 0.1 s).
 */
function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = request.headers['content-length'] === undefined ? null : Number(request.headers['content-length'])
    if (declared !== null && declared > MAX_BODY_BYTES) {
      reject(new BodyTooLargeError())
      return
    }
    const whole = declared !== null && Number.isSafeInteger(declared) ? Buffer.allocUnsafe(declared) : null
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      if (size > MAX_BODY_BYTES) return
      if (whole && chunks.length === 0 && size + chunk.length <= whole.length) chunk.copy(whole, size)
      else {
        // More than declared (Node does not let that happen): kept in full all the same.
        if (whole && chunks.length === 0) chunks.push(whole.subarray(0, size))
        chunks.push(chunk)
      }
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0
        reject(new BodyTooLargeError())
      }
    })
    request.on('end', () => {
      resolve(whole && chunks.length === 0 ? whole.subarray(0, size) : Buffer.concat(chunks))
    })
    request.on('error', reject)
  })
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body)
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload)
  })
  response.end(payload)
}

function sendText(response: http.ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
  response.end(text)
}
