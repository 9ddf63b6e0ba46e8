/**
 * Browser mode's host is a local server with the user's notes behind it: these tests
 * attack it the way another page or process on the machine could.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { expect, test, startHost, stopHost } from './support/fixtures'
import { snapshotFiles } from './support/disk'

test('an API call without the token gets 401 and writes nothing', async ({ dossier }) => {
  const articles = await post(dossier.origin!, 'listArticles', {}, dossier.token!)
  expect(articles.status).toBe(200)
  const articleId = (articles.body as { value: { id: string }[] }).value[0]!.id
  const before = snapshotFiles(dossier.dataDir)

  const write = { articleId, range: { start: 0, end: 6 }, expectedQuote: 'Le che' }
  for (const token of [undefined, 'wrong-token', `${dossier.token}x`]) {
    const response = await post(dossier.origin!, 'createNote', write, token)
    expect(response.status).toBe(401)
    expect(response.body).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: 'Missing or wrong Dossier token.' }
    })
  }
  expect(snapshotFiles(dossier.dataDir)).toEqual(before)
})

test('the host refuses other Host headers, bad input and unknown methods', async ({ dossier }) => {
  // DNS rebinding: a hostile name resolving to 127.0.0.1 still carries its own Host header.
  const rebinding = await rawRequest(dossier.origin!, '/api/listArticles', {
    'content-type': 'application/json',
    'x-dossier-token': dossier.token!,
    host: 'evil.example'
  })
  expect(rebinding.status).toBe(421)

  const invalid = await post(
    dossier.origin!,
    'createNote',
    { articleId: '../../etc', range: { start: 5, end: 2 } },
    dossier.token!
  )
  expect(invalid.status).toBe(400)
  expect(JSON.stringify(invalid.body)).toContain('Invalid input for createNote')

  const unknown = await post(dossier.origin!, 'deleteEverything', {}, dossier.token!)
  expect(unknown.status).toBe(404)

  const page = await fetch(`${dossier.origin}/`)
  expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
  expect(page.headers.get('access-control-allow-origin')).toBeNull()
  const traversal = await fetch(`${dossier.origin}/..%2f..%2fpackage.json`)
  expect(traversal.status).toBe(404)
})

test('a second Dossier on the same data folder is refused with a clear message', async ({ dossier }) => {
  const second = startHost(dossier.dataDir)
  await expect(second).rejects.toThrow(`Another Dossier is already using ${dossier.dataDir}`)
})

test('a damaged library file is set aside, the last good copy restored, and the user told', async ({
  dossier
}, testInfo) => {
  const libraryFile = path.join(dossier.dataDir, 'library.json')
  const good = fs.readFileSync(libraryFile, 'utf8')
  // A second save makes a backup of the first.
  const dataDir = testInfo.outputPath('damaged')
  fs.mkdirSync(dataDir, { recursive: true })
  fs.mkdirSync(path.join(dataDir, '.backups'), { recursive: true })
  fs.cpSync(path.join(dossier.dataDir, 'articles'), path.join(dataDir, 'articles'), { recursive: true })
  fs.writeFileSync(path.join(dataDir, '.backups', 'library.1.json'), good)
  const damaged = good.slice(0, Math.floor(good.length / 2))
  fs.writeFileSync(path.join(dataDir, 'library.json'), damaged)

  const host = await startHost(dataDir)
  try {
    const { page } = dossier
    await page.goto(host.url)
    // The file name is set apart for bidi: invisible U+2068 … U+2069 around it.
    const warning = page.getByRole('status').filter({ hasText: /library\.json\u2069 could not be read/ })
    await expect(warning).toBeVisible()
    await expect(warning).toContainText('restored the last good copy')
    await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('Aviv Kochavi')
    await page.screenshot({ path: testInfo.outputPath('recovered.png') })

    const quarantined = fs.readdirSync(path.join(dataDir, '.quarantine'))
    expect(quarantined).toHaveLength(1)
    expect(fs.readFileSync(path.join(dataDir, '.quarantine', quarantined[0]!), 'utf8')).toBe(damaged)
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'library.json'), 'utf8'))).toEqual(JSON.parse(good))

    await warning.getByRole('button', { name: 'Dismiss' }).click()
    await expect(warning).toHaveCount(0)
  } finally {
    await stopHost(host)
  }
})

async function post(
  origin: string,
  method: string,
  input: unknown,
  token: string | undefined
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (token !== undefined) headers['x-dossier-token'] = token
  const response = await fetch(`${origin}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(input) })
  return { status: response.status, body: await response.json() }
}

/** fetch() will not send a forged Host header, so this uses a plain HTTP request. */
function rawRequest(origin: string, pathname: string, headers: Record<string, string>): Promise<{ status: number }> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, path: pathname, method: 'POST', headers }, (response) => {
      response.resume()
      resolve({ status: response.statusCode ?? 0 })
    })
    request.on('error', reject)
    request.end('{}')
  })
}
