// Why this exists: a data file damaged on disk (cut short by a failing drive, overwritten
// with valid JSON of the wrong shape) or a backup/quarantine folder that is not a folder
// must never stop the host or silently lose the library. Each case copies one seeded data
// folder (3 articles besides the sample, 9 tags, 24 tagged notes), damages it one way,
// starts the host and checks that it started, what came back, and that a notice says so.
import fs from 'node:fs'
import path from 'node:path'
import { reportLine, seedArticleWithNotes, verdictOf } from './common.mjs'

const ARTICLES = 3
const NOTES_PER_ARTICLE = 8
const TAGS = 9
/**
 * The bar is that at most the last unacknowledged write is lost. Every write here
 * was acknowledged, so the only loss accepted is the damaged file's own last write (a
 * backup taken before each write cannot hold it), and the line says when that is what went.
 */

const cut = (file) => fs.writeFileSync(file, fs.readFileSync(file).subarray(0, Math.floor(fs.statSync(file).size / 2)))
const replaceWith = (text) => (file) => fs.writeFileSync(file, text)
const notAFolder = (dir) => {
  fs.rmSync(dir, { recursive: true, force: true })
  fs.writeFileSync(dir, 'not a folder')
}

/** [case name, which file or folder (relative to the data folder; NOTES = the first article's notes file), how to damage it, whether data is damaged (a restore is expected)]. */
const CASES = [
  ['library.json cut in half', 'library.json', cut, true],
  ['library.json null', 'library.json', replaceWith('null'), true],
  ['library.json {}', 'library.json', replaceWith('{}'), true],
  [
    'library.json articles: {}',
    'library.json',
    (file) => replaceWith(JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), articles: {} }))(file),
    true
  ],
  ['notes file cut in half', 'NOTES', cut, true],
  ['notes file null', 'NOTES', replaceWith('null'), true],
  ['.backups is a file', '.backups', notAFolder, false],
  ['notes/.backups is a file', 'notes/.backups', notAFolder, false],
  ['.quarantine is a file', '.quarantine', notAFolder, false]
]

export async function run({ startHost, scratch }) {
  const template = scratch.folder('corruption-template')
  const expected = await seed(startHost, template)
  const lines = []
  for (const [name, target, damage, restoreExpected] of CASES) {
    const dataDir = scratch.folder(name.replace(/\W+/g, '-'))
    fs.cpSync(template, dataDir, { recursive: true })
    const file = path.join(dataDir, target === 'NOTES' ? path.join('notes', `${expected.firstArticleId}.json`) : target)
    damage(file)
    let host
    try {
      host = await startHost(dataDir)
    } catch (error) {
      const reason = String(error.message).split('\n').slice(1).join(' ').slice(0, 120)
      lines.push(
        reportLine({ name: `corruption: ${name}`, runs: 1, figures: `did not start: ${reason}`, verdict: 'FAIL' })
      )
      continue
    }
    try {
      const lost = await whatWasLost(host, expected)
      const notices = await host.value('listNotices')
      const named = notices.find((notice) => notice.message.includes(path.basename(file)))
      const told = !restoreExpected || Boolean(named)
      const shown = (named ?? notices[0])?.message.replace(/\s+/g, ' ').slice(0, 160)
      const onlyLastWrite = lost.total === 1 && lost.noteIds[0] === expected.lastWrittenNoteId && target === 'NOTES'
      const figures =
        `started; lost ${lost.total} of ${expected.total} (articles ${lost.articles}, tags ${lost.tags}, notes ${lost.notes},` +
        ` notes' tags ${lost.noteTags}${onlyLastWrite ? ': the file’s last write' : ''}); notices ${notices.length}` +
        (shown ? `: “${shown}”` : '')
      lines.push(
        reportLine({
          name: `corruption: ${name}`,
          runs: 1,
          figures,
          verdict: verdictOf((lost.total === 0 || onlyLastWrite) && told)
        })
      )
    } finally {
      await host.stop()
    }
  }
  return lines
}

async function seed(startHost, dataDir) {
  const host = await startHost(dataDir)
  try {
    const tags = []
    for (let index = 0; index < TAGS; index++)
      tags.push(await host.value('createTag', { path: `Thème ${index % 3}/Sujet ${index}` }))
    const notes = []
    for (let index = 0; index < ARTICLES; index++) {
      const { articleId, noteIds } = await seedArticleWithNotes(host, `Article ${index}`, NOTES_PER_ARTICLE)
      for (const [position, noteId] of noteIds.entries()) {
        const tagIds = [tags[(index + position) % TAGS].id, tags[(index + position + 4) % TAGS].id]
        await host.value('setNoteTags', { articleId, noteId, tagIds })
        await host.value('updateNote', { articleId, noteId, changes: { text: `note ${index}-${position}` } })
        notes.push({ articleId, noteId, tagIds, text: `note ${index}-${position}` })
      }
    }
    const articleIds = (await host.value('listArticles')).map((article) => article.id)
    return {
      articleIds,
      tagIds: tags.map((tag) => tag.id),
      notes,
      firstArticleId: notes[0].articleId,
      /** The last write to the first article's notes file (seeding goes note by note). */
      lastWrittenNoteId: notes[NOTES_PER_ARTICLE - 1].noteId,
      total: articleIds.length + tags.length + notes.length
    }
  } finally {
    await host.stop()
  }
}

async function whatWasLost(host, expected) {
  const articleIds = new Set((await host.value('listArticles')).map((article) => article.id))
  const tagIds = new Set((await host.value('listTags')).map((tag) => tag.id))
  const found = new Map()
  for (const articleId of new Set(expected.notes.map((note) => note.articleId))) {
    const result = await host.call('listNotes', { articleId })
    for (const note of result.ok ? result.value : []) found.set(note.id, note)
  }
  const lostNotes = expected.notes.filter((note) => found.get(note.noteId)?.text !== note.text)
  const lost = {
    articles: expected.articleIds.filter((id) => !articleIds.has(id)).length,
    tags: expected.tagIds.filter((id) => !tagIds.has(id)).length,
    notes: lostNotes.length,
    noteTags: expected.notes.filter((note) => {
      const now = found.get(note.noteId)
      return now && [...now.tagIds].sort().join() !== [...note.tagIds].sort().join()
    }).length
  }
  const total = lost.articles + lost.tags + lost.notes + lost.noteTags
  return { ...lost, total, noteIds: lostNotes.map((note) => note.noteId) }
}
