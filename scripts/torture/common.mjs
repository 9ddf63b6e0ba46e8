// Why this exists: every torture case starts the built browser-mode host on a scratch data
// folder, kills or damages it, starts it again and checks what came back. This is what the
// cases share: options, scratch folders, the one-line report, and reading the data folder
// the way a person would (every JSON file must parse), without going through the API.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Parses `--quick`, `--kills N` (or `--kills-per-kind N`: kills of each kind), `--parallel N`
 * (kill cases run at once, each on its own data folders and port; default: the cores),
 * `--minutes M` (the kills stop starting new runs after M minutes and say how far they got),
 * `--host <path>` and `--only <family>`.
 */
export function parseOptions(argv) {
  const value = (name) => {
    const index = argv.indexOf(`--${name}`)
    return index >= 0 ? argv[index + 1] : undefined
  }
  const wholeNumber = (name, fallback, example) => {
    const given = value(name)
    const number = given === undefined ? fallback : Number(given)
    if (!Number.isInteger(number) || number < 1)
      throw new Error(`--${name} takes a whole number, e.g. --${name} ${example}`)
    return number
  }
  const quick = argv.includes('--quick')
  const kills = wholeNumber(value('kills-per-kind') === undefined ? 'kills' : 'kills-per-kind', quick ? 2 : 10, 1000)
  const minutes = value('minutes') === undefined ? null : Number(value('minutes'))
  if (minutes !== null && !(minutes > 0)) throw new Error('--minutes takes a number of minutes, e.g. --minutes 90')
  return {
    quick,
    kills,
    parallel: wholeNumber('parallel', os.availableParallelism(), 5),
    minutes,
    host: path.resolve(value('host') ?? path.join('out', 'main', 'host.js')),
    only: value('only') ?? null,
    /** How long 20 clients tag while tags are deleted. */
    taggingSeconds: quick ? 10 : 60
  }
}

/** Runs the tasks (functions returning promises), at most `limit` at once, in the order given. */
export async function inParallel(tasks, limit) {
  let next = 0
  const lane = async () => {
    while (next < tasks.length) await tasks[next++]()
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane))
}

/** One scratch folder per run, removed at the end unless the run asks to keep it. */
export function scratch(prefix) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `dossier-torture-${prefix}-`))
  let count = 0
  return {
    root,
    folder(name) {
      const dir = path.join(root, `${String(++count).padStart(3, '0')}-${name}`)
      fs.mkdirSync(dir, { recursive: true })
      return dir
    },
    remove() {
      fs.rmSync(root, { recursive: true, force: true })
    }
  }
}

/**
 * The line printed per case: its name, how many runs, the figures, and PASS, FAIL or
 * SKIPPED (with the reason). Kept to one line so runs can be compared with diff.
 */
export function reportLine({ name, runs, figures, verdict }) {
  const line = `${name.padEnd(44)} runs ${String(runs).padStart(5)}  ${figures}  ${verdict}`
  console.log(line)
  return { name, runs, figures, verdict }
}

export const verdictOf = (passed) => (passed ? 'PASS' : 'FAIL')

/**
 * Every *.json under the data folder that does not parse (the search index: every line), outside
 * the quarantine (which holds damaged files on purpose). Given a `memo` (a Map kept between calls
 * on the same folder), a file whose size and modification time are those it had when it last
 * parsed is not read again: an unchanged file cannot have become damaged, and a folder checked
 * after every kill would otherwise be read whole each time.
 */
export function unreadableJsonFiles(dataDir, memo = new Map()) {
  const bad = []
  for (const relative of fs.readdirSync(dataDir, { recursive: true })) {
    const name = String(relative)
    if (!name.endsWith('.json') || name.split(path.sep).includes('.quarantine')) continue
    const file = path.join(dataDir, name)
    try {
      const stat = fs.statSync(file)
      if (!stat.isFile()) continue
      const signature = `${stat.size}:${stat.mtimeMs}:${stat.ino}`
      if (memo.get(name) === signature) continue
      const text = fs.readFileSync(file, 'utf8')
      // The search index base is one JSON value per line (src/main/services/search/indexFile.ts).
      const values = path.basename(name) === 'search-index.json' ? text.split('\n').filter(Boolean) : [text]
      for (const value of values) JSON.parse(value)
      memo.set(name, signature)
    } catch (error) {
      memo.delete(name)
      bad.push(`${name} (${error.message})`)
    }
  }
  return bad
}

/** Files the host moved to .quarantine: each one is a file it found damaged. */
export function quarantined(dataDir) {
  const dir = path.join(dataDir, '.quarantine')
  try {
    return fs.statSync(dir).isDirectory() ? fs.readdirSync(dir, { recursive: true }).map(String) : []
  } catch {
    return []
  }
}

/** Kills the host the hard way and waits until it is gone. */
export async function killHard(host) {
  try {
    process.kill(host.pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
  await host.stop()
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** A whole number in [0, max). */
export function randomBelow(max) {
  return Math.floor(Math.random() * max)
}

/** Paragraphs of plain French text, each distinct, for articles to highlight in. */
export function articleText(label, paragraphs = 4) {
  const lines = []
  for (let index = 0; index < paragraphs; index++) {
    lines.push(`${label} paragraphe ${index} : la coopération militaire « progresse » selon le ministre, dit-on.`)
  }
  return lines.join('\n\n')
}

/**
 * Imports one article from pasted text and puts `count` notes on it, each on its own word
 * range, so that tag operations have several notes files to rewrite.
 */
export async function seedArticleWithNotes(host, label, count) {
  const outcome = await host.value('importPaste', { text: articleText(label, Math.max(1, Math.ceil(count / 8))) })
  if (!outcome.ok) throw new Error(`seeding ${label} failed: ${outcome.reason}`)
  const articleId = outcome.article.id
  const opened = await host.value('openArticle', { articleId })
  const text = opened.body.blocks.map((block) => block.text).join('\n\n')
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)]
  const notes = []
  for (let index = 0; index < count; index++) {
    const word = words[index % words.length]
    const range = { start: word.index, end: word.index + word[0].length }
    notes.push(await host.value('createNote', { articleId, range, expectedQuote: word[0] }))
  }
  return { articleId, noteIds: notes.map((note) => note.id) }
}

/**
 * Every note on a passage of the given articles, by id, as the host now reports them: one
 * workspace query (which reads the same note store as listNotes), or one listNotes per
 * article past a thousand notes, where pages sorted by date could split notes of one instant.
 */
export async function notesById(host, articleIds) {
  const byId = new Map()
  const page = await host.value('queryNotes', {
    ...{ tagIds: [], tagMode: 'any', untagged: false, articleIds, colors: [], states: [] },
    ...{ from: null, to: null, text: '', sort: 'date-asc', offset: 0, limit: 1000 }
  })
  const notes = page.total <= page.notes.length ? page.notes : await allNotesOneByOne(host, articleIds)
  for (const note of notes) if (note.kind !== 'article') byId.set(note.id, note)
  return byId
}

async function allNotesOneByOne(host, articleIds) {
  const notes = []
  for (const articleId of articleIds) notes.push(...(await host.value('listNotes', { articleId })))
  return notes
}

/** The tag references in notes files on disk that name no tag in library.json: what must never happen. */
export function danglingTagReferences(dataDir) {
  const library = JSON.parse(fs.readFileSync(path.join(dataDir, 'library.json'), 'utf8'))
  const tagIds = new Set((library?.tags ?? []).map((tag) => tag.id))
  let dangling = 0
  const notesDir = path.join(dataDir, 'notes')
  for (const name of fs.readdirSync(notesDir)) {
    if (!name.endsWith('.json')) continue
    const file = JSON.parse(fs.readFileSync(path.join(notesDir, name), 'utf8'))
    for (const note of file?.notes ?? []) dangling += note.tagIds.filter((id) => !tagIds.has(id)).length
  }
  return dangling
}

/**
 * A call that carries a file, sent as the app sends it: the bytes as the request body and
 * the rest of the input in the `x-dossier-input` header (src/shared/api/client.ts). Resolves
 * to the host's Result, like `host.call`.
 */
export async function callWithFile(host, method, fields, bytes) {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      'x-dossier-token': host.token,
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
}
