import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
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
})
