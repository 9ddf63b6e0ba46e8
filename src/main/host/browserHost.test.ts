import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import net from 'node:net'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ApiHandlers } from '../../shared/api/contract'
import { startBrowserHost, type BrowserHost } from './browserHost'

let host: BrowserHost
let rendererDir: string

beforeEach(async () => {
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-host-'))
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Dossier</title>')
  host = await startBrowserHost({ handlers: {} as ApiHandlers, rendererDir, token: 'secret-token' })
})

afterEach(async () => {
  await host.close()
  fs.rmSync(rendererDir, { recursive: true, force: true })
})

/** A raw request, so the declared length can differ from what is sent. */
function post(headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: host.port, path: '/api/listArticles', method: 'POST', headers },
      (response) => {
        let text = ''
        response.on('data', (chunk: Buffer) => (text += chunk.toString()))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }))
      }
    )
    request.on('error', reject)
    request.end(body)
  })
}

describe('browser host limits', () => {
  it('answers 413 with a message for a body declared larger than 32 MB, without reading it', async () => {
    const answer = await post(
      {
        host: `127.0.0.1:${host.port}`,
        'content-type': 'application/json',
        'x-dossier-token': 'secret-token',
        'content-length': String(40 * 1024 * 1024)
      },
      '{}'
    )
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'The request is larger than 32 MB, the most Dossier accepts in one call.'
      }
    })
  })

  it('reads and drops the rest of a refused body, so a client still sending gets the 413, not a reset', async () => {
    const declared = 40 * 1024 * 1024
    const socket = net.connect({ host: '127.0.0.1', port: host.port, allowHalfOpen: true })
    let received = ''
    let failure: Error | null = null
    socket.on('error', (error) => (failure = error))
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()))
    const megabyte = Buffer.alloc(1024 * 1024, 'A')
    socket.write(
      'POST /api/importFile HTTP/1.1\r\n' +
        `Host: 127.0.0.1:${host.port}\r\nContent-Type: application/json\r\n` +
        `X-Dossier-Token: secret-token\r\nContent-Length: ${declared}\r\n\r\n`
    )
    socket.write(megabyte)
    // The answer comes while the body is still on its way; the client then sends the rest, as a browser does.
    await new Promise<void>((resolve) => {
      socket.once('data', () => resolve())
      socket.once('close', () => resolve())
    })
    for (let sent = 1; sent < 40; sent++) {
      if (!socket.write(megabyte)) await new Promise((resolve) => socket.once('drain', resolve))
    }
    socket.end()
    await new Promise((resolve) => socket.once('close', resolve))
    expect(failure).toBeNull()
    expect(received.split('\r\n')[0]).toBe('HTTP/1.1 413 Payload Too Large')
    expect(received).toContain('\r\nConnection: close\r\n')
    expect(received).toContain('the most Dossier accepts in one call.')
  })
})

describe('browser host connections', () => {
  const headers = (): Record<string, string> => ({
    host: `127.0.0.1:${host.port}`,
    'content-type': 'application/json',
    'x-dossier-token': 'secret-token'
  })
  const connected = (socket: net.Socket): Promise<void> => new Promise((resolve) => socket.once('connect', resolve))

  beforeEach(async () => {
    await host.close()
    const handlers = { listArticles: async () => [] } as unknown as ApiHandlers
    host = await startBrowserHost({ handlers, rendererDir, token: 'secret-token', maxConnections: 4 })
  })

  it('makes way for a real call by closing the oldest idle connection when the cap is reached', async () => {
    const idle = Array.from({ length: 10 }, () => net.connect({ host: '127.0.0.1', port: host.port }))
    const closedByHost: number[] = []
    idle.forEach((socket, index) => {
      socket.on('error', () => undefined)
      socket.on('close', () => closedByHost.push(index))
    })
    await Promise.all(idle.map(connected))
    const answer = await post(headers(), '{}')
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toEqual({ ok: true, value: [] })
    // 10 idle + 1 real against a cap of 4: the 7 oldest idle ones made way, the newest 3 are still open.
    expect(closedByHost.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6])
    for (const socket of idle) socket.destroy()
  })

  it('never closes a connection with a request in flight to make way', async () => {
    const busy = net.connect({ host: '127.0.0.1', port: host.port })
    await connected(busy)
    let answer = ''
    busy.on('data', (chunk: Buffer) => (answer += chunk.toString()))
    busy.write(
      'POST /api/listArticles HTTP/1.1\r\n' +
        `Host: 127.0.0.1:${host.port}\r\nContent-Type: application/json\r\n` +
        'X-Dossier-Token: secret-token\r\nContent-Length: 2\r\n\r\n{'
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    const idle = Array.from({ length: 8 }, () => net.connect({ host: '127.0.0.1', port: host.port }))
    for (const socket of idle) socket.on('error', () => undefined)
    await Promise.all(idle.map(connected))
    expect((await post(headers(), '{}')).status).toBe(200)
    let evicted = false
    busy.on('close', () => (evicted = !answer))
    const answered = new Promise((resolve) => busy.once('data', resolve))
    busy.write('}')
    await answered
    expect(evicted).toBe(false)
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 200 OK')
    busy.destroy()
    for (const socket of idle) socket.destroy()
  })
})

describe('a file sent as bytes', () => {
  /** A host whose importFile says what reached it. */
  async function hostSeeingImports(): Promise<BrowserHost> {
    await host.close()
    const handlers = {
      importFile: async ({ name, bytes }: { name: string; bytes: Uint8Array }) => ({
        ok: false,
        fileName: name,
        reason: `${bytes.constructor.name} of ${bytes.byteLength} bytes, first ${bytes[0]}`
      })
    } as unknown as ApiHandlers
    return startBrowserHost({ handlers, rendererDir, token: 'secret-token' })
  }

  function send(headers: Record<string, string>, body: Buffer): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        { host: '127.0.0.1', port: host.port, path: '/api/importFile', method: 'POST', headers },
        (response) => {
          let text = ''
          response.on('data', (chunk: Buffer) => (text += chunk.toString()))
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }))
        }
      )
      request.on('error', reject)
      request.end(body)
    })
  }

  it('reaches the service as bytes, with the name from the header in any script', async () => {
    host = await hostSeeingImports()
    const answer = await send(
      {
        host: `127.0.0.1:${host.port}`,
        'content-type': 'application/octet-stream',
        'x-dossier-token': 'secret-token',
        'x-dossier-input': encodeURIComponent(JSON.stringify({ name: 'Défense « Maroc ».txt' }))
      },
      Buffer.from([7, 1, 2, 3, 4])
    )
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toEqual({
      ok: true,
      value: { ok: false, fileName: 'Défense « Maroc ».txt', reason: 'Buffer of 5 bytes, first 7' }
    })
  })

  it('still needs the token', async () => {
    host = await hostSeeingImports()
    const answer = await send(
      {
        host: `127.0.0.1:${host.port}`,
        'content-type': 'application/octet-stream',
        'x-dossier-input': encodeURIComponent('{"name":"a.txt"}')
      },
      Buffer.from('abc')
    )
    expect(answer.status).toBe(401)
  })

  it('is refused with 400 without the header that carries the rest of the input, or with one that is not an object', async () => {
    host = await hostSeeingImports()
    const base = {
      host: `127.0.0.1:${host.port}`,
      'content-type': 'application/octet-stream',
      'x-dossier-token': 'secret-token'
    }
    const missing = await send(base, Buffer.from('abc'))
    expect(missing.status).toBe(400)
    expect(JSON.parse(missing.body).error.message).toBe(
      "Unreadable request: a file's bytes need the x-dossier-input header"
    )
    const notObject = await send({ ...base, 'x-dossier-input': '%5B1%5D' }, Buffer.from('abc'))
    expect(notObject.status).toBe(400)
    expect(JSON.parse(notObject.body).error.message).toBe(
      'Unreadable request: the x-dossier-input header must hold a JSON object'
    )
  })

  it('answers 413 for bytes over 32 MB', async () => {
    host = await hostSeeingImports()
    const answer = await send(
      {
        host: `127.0.0.1:${host.port}`,
        'content-type': 'application/octet-stream',
        'x-dossier-token': 'secret-token',
        'x-dossier-input': encodeURIComponent('{"name":"big.txt"}')
      },
      Buffer.alloc(33 * 1024 * 1024)
    )
    expect(answer.status).toBe(413)
  })
})
