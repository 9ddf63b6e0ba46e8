// Why this exists: Dossier splits its data so that saving a note rewrites one small notes file,
// not the whole library. This checks that claim on a big library (1,000 articles of 50 kB,
// 50,000 notes): time of one updateNote through the running host, and what it writes, against
// the same library kept as one file with lowdb's stock JSONFile adapter, in the same run.
// Run alone with `node bench/saveNoteInBigLibrary.mjs` after a build.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import {
  articleMeta,
  paragraphNotes,
  paths,
  plainText,
  seededId,
  writeBody,
  writeLibrary,
  writeNotes
} from './lib/dataFolder.mjs'
import { createRandom, frenchParagraph, frenchParagraphs } from './lib/frenchText.mjs'
import { startHost, writtenChars } from './lib/host.mjs'
import { formatBytes, formatMs, formatRatio, median } from './lib/stats.mjs'

const ARTICLES = 1_000
const BODY_BYTES = 50_000
const PARAGRAPHS_PER_ARTICLE = 50
const NOTES_PER_ARTICLE = 50
const NOTE_TEXT_BYTES = 200
const OUR_SAVES = 20
const BASELINE_SAVES = 5
const TARGET_SPEEDUP = 50
const TARGET_BYTES = 64_000

/** Flushes the generated files so their write-back does not land inside a timed save. */
function flushDisks() {
  spawnSync('sync', { stdio: 'ignore' })
}

/** Writes the library in Dossier's layout and returns it whole, for the one-file baseline. */
async function generateLibrary(dataDir, log) {
  const random = createRandom(7)
  const started = Date.now()
  const metas = []
  const whole = { schemaVersion: 1, articles: [], notes: [] }
  const firstDay = Date.UTC(2025, 0, 6, 8)
  for (let i = 0; i < ARTICLES; i++) {
    const id = seededId(random)
    const blocks = frenchParagraphs(1000 + i, PARAGRAPHS_PER_ARTICLE, BODY_BYTES).map((text) => ({
      type: 'paragraph',
      text
    }))
    const text = plainText(blocks)
    const importedAt = new Date(firstDay + i * 3_600_000).toISOString()
    const meta = articleMeta({
      id,
      title: blocks[0].text.split(/[.,:]/)[0],
      blocks,
      importedAt,
      sourceFile: `article-${i + 1}.txt`
    })
    // One highlight in each paragraph, as a reader working through the article would make.
    const notes = paragraphNotes({
      articleId: id,
      blocks,
      text,
      count: NOTES_PER_ARTICLE,
      random,
      noteText: () => frenchParagraph(random, NOTE_TEXT_BYTES),
      at: (n) => new Date(firstDay + i * 3_600_000 + (n + 1) * 60_000).toISOString()
    })
    await writeBody(dataDir, id, blocks)
    await writeNotes(dataDir, id, notes)
    metas.push(meta)
    whole.articles.push({ ...meta, blocks })
    whole.notes.push(...notes)
  }
  await writeLibrary(dataDir, metas)
  log(
    `generated ${ARTICLES.toLocaleString('en-US')} articles and ${whole.notes.length.toLocaleString('en-US')}` +
      ` notes in ${((Date.now() - started) / 1000).toFixed(1)} s`
  )
  return whole
}

async function mtimes(files) {
  const entries = await Promise.all(files.map(async (file) => [file, (await fs.stat(file, { bigint: true })).mtimeNs]))
  return new Map(entries)
}

function changedFiles(before, after) {
  return [...before].filter(([file, mtime]) => after.get(file) !== mtime).map(([file]) => file)
}

/** A different note text for every save, always the same length, so file sizes stay comparable. */
function noteTexts(count, seed) {
  const random = createRandom(seed)
  return Array.from({ length: count }, () => frenchParagraph(random, NOTE_TEXT_BYTES))
}

async function measureOurs(dataDir, whole, target, log) {
  const notesFile = paths.notes(dataDir, target.articleId)
  const untouched = [
    paths.library(dataDir),
    ...whole.articles.map((article) => paths.body(dataDir, article.id)),
    ...whole.articles.filter((article) => article.id !== target.articleId).map((a) => paths.notes(dataDir, a.id))
  ]
  flushDisks()
  const before = await mtimes(untouched)
  const host = await startHost(dataDir)
  try {
    const texts = noteTexts(OUR_SAVES + 1, 11)
    // Warm-up: opens (reads and parses) that article's notes file and the HTTP connection.
    await host.value('updateNote', { articleId: target.articleId, noteId: target.noteId, changes: { text: texts[0] } })
    const wcharBefore = writtenChars(host.pid)
    const times = []
    for (let i = 1; i <= OUR_SAVES; i++) {
      const started = performance.now()
      const saved = await host.value('updateNote', {
        articleId: target.articleId,
        noteId: target.noteId,
        changes: { text: texts[i] }
      })
      times.push(performance.now() - started)
      if (saved.text !== texts[i]) throw new Error('updateNote answered with another text than it was given')
    }
    const wcharAfter = writtenChars(host.pid)
    const stored = JSON.parse(await fs.readFile(notesFile, 'utf8'))
    if (stored.notes.find((n) => n.id === target.noteId)?.text !== texts[OUR_SAVES]) {
      throw new Error(`the last saved text is not in ${notesFile}`)
    }
    const changed = changedFiles(before, await mtimes(untouched))
    const ms = median(times)
    const bytes = (await fs.stat(notesFile)).size
    const perSave = wcharBefore !== null && wcharAfter !== null ? (wcharAfter - wcharBefore) / OUR_SAVES : null
    log(
      `Dossier: updateNote median ${formatMs(ms)} over ${OUR_SAVES} saves (min ${formatMs(Math.min(...times))},` +
        ` max ${formatMs(Math.max(...times))}); notes file ${formatBytes(bytes)}` +
        (perSave !== null ? `; host process wrote ${formatBytes(perSave)}/save in all (file + HTTP reply)` : '')
    )
    log(
      changed.length === 0
        ? `Dossier: library.json, ${ARTICLES} article bodies and ${ARTICLES - 1} other notes files untouched (mtimes)`
        : `Dossier: ${changed.length} files that should not change did: ${changed.slice(0, 3).join(', ')}`
    )
    return { ms, bytes, perSave, changed }
  } finally {
    await host.stop()
  }
}

async function measureLowdb(dir, whole, target, log) {
  const file = path.join(dir, 'db.json')
  const defaults = { schemaVersion: 1, articles: [], notes: [] }
  const writer = new Low(new JSONFile(file), defaults)
  writer.data = whole
  await writer.write()
  flushDisks()
  // As an app would: open the one file at start-up, then save after each edit.
  const db = new Low(new JSONFile(file), structuredClone(defaults))
  await db.read()
  const index = db.data.notes.findIndex((n) => n.id === target.noteId)
  if (index < 0) throw new Error('the target note is missing from the one-file library')
  const texts = noteTexts(BASELINE_SAVES + 1, 13)
  const save = async (text) => {
    const entry = db.data.notes[index]
    entry.text = text
    entry.updatedAt = new Date().toISOString()
    await db.write()
  }
  await save(texts[0])
  const wcharBefore = writtenChars()
  const times = []
  for (let i = 1; i <= BASELINE_SAVES; i++) {
    const started = performance.now()
    await save(texts[i])
    times.push(performance.now() - started)
  }
  const wcharAfter = writtenChars()
  const ms = median(times)
  const bytes = (await fs.stat(file)).size
  const perSave = wcharBefore !== null && wcharAfter !== null ? (wcharAfter - wcharBefore) / BASELINE_SAVES : null
  log(
    `lowdb one file: write median ${formatMs(ms)} over ${BASELINE_SAVES} saves; file ${formatBytes(bytes)}` +
      (perSave !== null ? `; process wrote ${formatBytes(perSave)}/save` : '')
  )
  return { ms, bytes }
}

export async function run({ workDir, log = console.log }) {
  const dir = path.join(workDir, 'save-note')
  const dataDir = path.join(dir, 'data')
  await fs.mkdir(dir, { recursive: true })
  const whole = await generateLibrary(dataDir, log)
  // A note in the middle of the library, in the middle of its article.
  const article = whole.articles[Math.floor(ARTICLES / 2)]
  const targetNote = whole.notes.filter((n) => n.articleId === article.id)[Math.floor(NOTES_PER_ARTICLE / 2)]
  const target = { articleId: article.id, noteId: targetNote.id }

  const ours = await measureOurs(dataDir, whole, target, log)
  // The data folder is no longer needed: free its disk before writing the one-file copy.
  await fs.rm(dataDir, { recursive: true, force: true })
  const lowdb = await measureLowdb(dir, whole, target, log)

  const speedup = lowdb.ms / ours.ms
  const bytesOk = ours.bytes <= TARGET_BYTES && ours.changed.length === 0
  const scale = `${ARTICLES.toLocaleString('en-US')} articles, ${whole.notes.length.toLocaleString('en-US')} notes`
  return {
    rows: [
      {
        name: 'Save one note: time',
        value: `${formatMs(ours.ms)} incl. HTTP`,
        baseline: `${formatMs(lowdb.ms)} lowdb 1 file`,
        ratio: `${formatRatio(speedup)} faster`,
        target: `≥ ${TARGET_SPEEDUP}× faster`,
        pass: speedup >= TARGET_SPEEDUP
      },
      {
        name: 'Save one note: bytes written',
        value: formatBytes(ours.bytes),
        baseline: `${formatBytes(lowdb.bytes)} lowdb 1 file`,
        ratio: `${formatRatio(lowdb.bytes / ours.bytes)} fewer`,
        target: `≤ ${TARGET_BYTES / 1000} kB`,
        pass: bytesOk
      }
    ],
    notes: [
      `Save note: ${scale}, 50 kB bodies, one notes file per article. Time: ours is measured client-side` +
        ` around POST /api/updateNote, so it includes the loopback HTTP round trip, request validation and an` +
        ` fsync of the file and its folder; lowdb's stock JSONFile neither talks HTTP nor fsyncs: both make our` +
        ` figure conservative. Medians of ${OUR_SAVES} (ours) and ${BASELINE_SAVES} (lowdb) saves, after one` +
        ` warm-up save each (ours: it loads that article's notes file).`,
      `Bytes written: size of the one notes file rewritten (lowdb: the whole one-file library); ` +
        (ours.changed.length === 0
          ? 'library.json, every article body and every other notes file kept their mtimes.'
          : `but ${ours.changed.length} other files changed, so this row misses.`) +
        (ours.perSave !== null
          ? ` All write() calls of the host came to ${formatBytes(ours.perSave)} per save, HTTP reply included.`
          : '')
    ]
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { runBenchmarks } = await import('./lib/report.mjs')
  process.exitCode = await runBenchmarks([{ name: 'save-note-in-big-library', run }])
}
