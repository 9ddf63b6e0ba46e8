// Why this exists: Dossier splits its data so that saving a note rewrites one small notes file,
// not the whole library. This checks that claim on a big library (1,000 articles of 50 kB,
// 50,000 notes), against the design a lowdb user would write (every note in one lowdb JSONFile,
// article bodies kept apart: about 60 MB), in the same run:
// - time: median of 20 updateNote calls through the running host (HTTP included), once the
//   search index is loaded and the host has gone quiet, against 5 saves of the one-file notes;
// - bytes: everything the host process writes (/proc/<pid>/io wchar: files, search index and
//   HTTP replies alike) from one more save until 10 s after it, against the one-file size.
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
/** What counts as "after the save": debounced writes such as the search index land within this. */
const AFTER_SAVE_MS = 10_000
/** The host is quiet once it wrote nothing for this long (its start-up indexing and saving are done). */
const QUIET_MS = 3_000
const QUIET_CEILING_MS = 180_000

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
      sourceFile: `article-${i + 1}.txt`,
      // As the app keeps it: without it, the start-up count of notes would rewrite library.json once.
      noteCount: NOTES_PER_ARTICLE
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

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Waits until search has its index and the host wrote nothing for QUIET_MS, so start-up work stays out of the figures. */
async function waitUntilQuiet(host, log) {
  const started = performance.now()
  while ((await host.value('search', { query: 'maroc', limit: 1 })).indexing) {
    if (performance.now() - started > QUIET_CEILING_MS) throw new Error('the search index was not ready in time')
    await sleep(250)
  }
  let last = writtenChars(host.pid)
  let quietSince = performance.now()
  while (performance.now() - quietSince < QUIET_MS) {
    if (performance.now() - started > QUIET_CEILING_MS) throw new Error('the host never went quiet')
    await sleep(250)
    const now = writtenChars(host.pid)
    if (now !== last) quietSince = performance.now()
    last = now
  }
  log(`host quiet ${formatMs(performance.now() - started)} after start (index loaded or built, and saved)`)
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
    await waitUntilQuiet(host, log)
    const texts = noteTexts(OUR_SAVES + 2, 11)
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
    // One more save, then everything the host writes in the next AFTER_SAVE_MS.
    await waitUntilQuiet(host, log)
    const wcharBeforeOne = writtenChars(host.pid)
    await host.value('updateNote', {
      articleId: target.articleId,
      noteId: target.noteId,
      changes: { text: texts[OUR_SAVES + 1] }
    })
    await sleep(AFTER_SAVE_MS)
    const oneSaveWritten = wcharBeforeOne === null ? null : writtenChars(host.pid) - wcharBeforeOne
    const stored = JSON.parse(await fs.readFile(notesFile, 'utf8'))
    if (stored.notes.find((n) => n.id === target.noteId)?.text !== texts[OUR_SAVES + 1]) {
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
    log(
      oneSaveWritten === null
        ? 'Dossier: /proc/<pid>/io is not readable here; bytes written cannot be counted'
        : `Dossier: one save, then ${AFTER_SAVE_MS / 1000} s: the host wrote ${formatBytes(oneSaveWritten)} in all`
    )
    return { ms, bytes, perSave, changed, oneSaveWritten }
  } finally {
    await host.stop()
  }
}

async function measureLowdb(dir, whole, target, log) {
  // The design a lowdb user would write: every note in one file, article bodies kept apart.
  const file = path.join(dir, 'notes.json')
  const defaults = { schemaVersion: 1, notes: [] }
  const writer = new Low(new JSONFile(file), defaults)
  writer.data = { schemaVersion: 1, notes: whole.notes }
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
    `lowdb, all notes in one file: write median ${formatMs(ms)} over ${BASELINE_SAVES} saves; file ${formatBytes(bytes)}` +
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
  const written = ours.oneSaveWritten
  const bytesOk = written !== null && written <= TARGET_BYTES && ours.changed.length === 0
  const scale = `${ARTICLES.toLocaleString('en-US')} articles, ${whole.notes.length.toLocaleString('en-US')} notes`
  return {
    rows: [
      {
        name: 'Save one note: time',
        value: `${formatMs(ours.ms)} incl. HTTP`,
        baseline: `${formatMs(lowdb.ms)} lowdb notes file`,
        ratio: `${formatRatio(speedup)} faster`,
        target: `≥ ${TARGET_SPEEDUP}× faster`,
        pass: speedup >= TARGET_SPEEDUP
      },
      {
        name: `Save one note: bytes written in ${AFTER_SAVE_MS / 1000} s`,
        value: written === null ? 'n/a' : formatBytes(written),
        baseline: `${formatBytes(lowdb.bytes)} lowdb notes file`,
        ratio: written === null ? 'n/a' : `${formatRatio(lowdb.bytes / written)} fewer`,
        target: `≤ ${TARGET_BYTES / 1000} kB`,
        pass: bytesOk
      }
    ],
    notes: [
      `Save note: ${scale}, 50 kB bodies, one notes file per article; baseline: the same ${whole.notes.length.toLocaleString('en-US')} notes in one lowdb JSONFile, bodies apart. Time: ours is measured client-side` +
        ` around POST /api/updateNote, so it includes the loopback HTTP round trip, request validation and an` +
        ` fsync of the file and its folder; lowdb's stock JSONFile neither talks HTTP nor fsyncs: both make our` +
        ` figure conservative. Medians of ${OUR_SAVES} (ours) and ${BASELINE_SAVES} (lowdb) saves, after one` +
        ` warm-up save each (ours: it loads that article's notes file).`,
      `Bytes written: every write() of the host process (/proc/<pid>/io wchar: the notes file, the search` +
        ` index, HTTP replies) from one save until ${AFTER_SAVE_MS / 1000} s after it, once the host was quiet;` +
        ` the notes file itself is ${formatBytes(ours.bytes)}. Baseline: the size of the one notes file lowdb rewrites. ` +
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
