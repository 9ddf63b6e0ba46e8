// Why this exists: the kinds of operation scripts/torture/kills.mjs kills the host during, each
// as `seed(host)` (run once, on the folder every batch of kills copies) and `cycle(seed,
// dataDir)`, whose `killDuring(host)` starts the operation and returns while it is in flight,
// and whose `check(restarted, outcome)` counts what an acknowledged write lost (`lost`) and
// what a multi-file operation left half done (`half`), with a `detail` saying what was seen.
import fs from 'node:fs'
import path from 'node:path'
import { articleText, callWithFile, notesById, randomBelow, seedArticleWithNotes, sleep } from './common.mjs'

/** Writers running at once in the note-save and import cases: enough to have writes in flight at any instant. */
const WRITERS = 3
/** Notes a tag operation touches, over this many articles (one notes file each). */
const TAGGED_NOTES = 24
const TAGGED_ARTICLES = 3

/**
 * Writers create notes and rewrite their text without pause; each note belongs to one
 * writer, so at most one write per note is in flight when the kill lands. After the
 * restart every note must hold its last acknowledged text or the one in flight.
 */
export const noteSaves = {
  async seed(host) {
    const articles = []
    for (const label of ['Notes A', 'Notes B']) articles.push(await seedArticleWithNotes(host, label, 4))
    const words = new Map()
    for (const { articleId } of articles) {
      const opened = await host.value('openArticle', { articleId })
      const text = opened.body.blocks.map((block) => block.text).join('\n\n')
      words.set(articleId, [...text.matchAll(/[\p{L}\p{N}]+/gu)])
    }
    return { articles, words }
  },
  cycle({ articles, words }) {
    /** noteId → the texts it may hold after a restart. */
    const expected = new Map()
    for (const { articleId, noteIds } of articles) {
      for (const noteId of noteIds) expected.set(noteId, { articleId, allowed: new Set(['']) })
    }
    let written = 0
    return {
      async killDuring(current) {
        let stopped = false
        const writer = async (slot) => {
          const mine = () => [...expected.entries()].filter((_, index) => index % WRITERS === slot)
          while (!stopped) {
            const owned = mine()
            if (owned.length < 3 || Math.random() < 0.2) {
              const articleId = articles[randomBelow(articles.length)].articleId
              const list = words.get(articleId)
              const word = list[randomBelow(list.length)]
              const range = { start: word.index, end: word.index + word[0].length }
              const result = await current
                .call('createNote', { articleId, range, expectedQuote: word[0] })
                .catch(() => null)
              if (result?.ok) expected.set(result.value.id, { articleId, allowed: new Set(['']) })
              else return
            } else {
              const [noteId, entry] = owned[randomBelow(owned.length)]
              const text = `texte ${++written} ${'é'.repeat(randomBelow(200))}`
              entry.allowed.add(text)
              const result = await current
                .call('updateNote', { articleId: entry.articleId, noteId, changes: { text } })
                .catch(() => null)
              if (result?.ok) entry.allowed = new Set([text])
              else return
            }
          }
        }
        const writers = Array.from({ length: WRITERS }, (_, slot) => writer(slot))
        await sleep(50 + randomBelow(400))
        stopped = true
        return { writers }
      },
      async check(restarted, { writers }) {
        await Promise.all(writers)
        const found = await notesById(
          restarted,
          articles.map((article) => article.articleId)
        )
        const missing = []
        for (const [noteId, entry] of expected) {
          const note = found.get(noteId)
          if (!note || !entry.allowed.has(note.text))
            missing.push(`${noteId}: ${note ? `holds « ${note.text.slice(0, 20)} »` : 'gone'}`)
          else entry.allowed = new Set([note.text])
        }
        // Notes created but not acknowledged may or may not be there; those that are, are kept.
        for (const [noteId, note] of found)
          if (!expected.has(noteId)) expected.set(noteId, { articleId: note.articleId, allowed: new Set([note.text]) })
        return { lost: missing.length, detail: missing.length ? `lost notes ${missing.join('; ')}` : undefined }
      }
    }
  }
}

/**
 * Writers import small text files without pause; every acknowledged import must be listed
 * after the restart, open the first time, and keep its file on disk at every later restart.
 */
export const imports = {
  async seed() {
    return null
  },
  cycle(_seed, dataDir) {
    const acknowledged = new Set()
    const opened = new Set()
    let sequence = 0
    return {
      async killDuring(current) {
        let stopped = false
        const writer = async () => {
          while (!stopped) {
            const name = `torture-${++sequence}.txt`
            const bytes = new TextEncoder().encode(articleText(`Import ${sequence}`, 3))
            const result = await callWithFile(current, 'importFile', { name }, bytes).catch(() => null)
            if (result?.ok && result.value.ok) acknowledged.add(result.value.article.id)
            else return
          }
        }
        const writers = Array.from({ length: WRITERS }, () => writer())
        await sleep(100 + randomBelow(600))
        stopped = true
        return { writers }
      },
      async check(restarted, { writers }) {
        await Promise.all(writers)
        const listed = new Set((await restarted.value('listArticles')).map((article) => article.id))
        const lost = []
        const half = []
        for (const id of acknowledged) {
          if (!listed.has(id)) lost.push(id)
          else if (opened.has(id)) {
            if (!fs.existsSync(path.join(dataDir, 'articles', `${id}.json`))) half.push(`${id} (its file is gone)`)
          } else if ((await restarted.call('openArticle', { articleId: id })).ok) opened.add(id)
          else half.push(`${id} (does not open)`)
        }
        const detail = [
          lost.length ? `not listed: ${lost.join(', ')}` : '',
          half.length ? `half: ${half.join(', ')}` : ''
        ]
        return { lost: lost.length, half: half.length, detail: detail.filter(Boolean).join('; ') || undefined }
      }
    }
  }
}

/**
 * One tag operation per kill, over TAGGED_NOTES notes in TAGGED_ARTICLES notes files. The
 * kill lands at a random point of a window that starts as long as the operation took
 * undisturbed and then narrows after each kill that came too late (the operation had
 * finished) and widens after each that came before the answer, so that about half the
 * kills land before the operation is done, whatever the machine's load.
 */
export function tagOperation(kind) {
  /** Creates the round's tags and tags every note with the first; returns what the operation needs. */
  const prepare = async (current, notes, label) => {
    const from = await current.value('createTag', { path: `Torture/${kind}-${label}` })
    const into = kind === 'merge' ? await current.value('createTag', { path: `Torture/into-${label}` }) : null
    await current.value('bulkUpdateNotes', { notes, addTagIds: [from.id] })
    let deleted = null
    if (kind === 'restore') {
      const { tagged } = await current.value('deleteTag', { tagId: from.id })
      deleted = { tag: { id: from.id, path: from.path, color: from.color, description: from.description }, tagged }
    }
    return { from, into, deleted }
  }
  const operate = (current, { from, into, deleted }) => {
    if (kind === 'merge') return current.call('mergeTags', { fromId: from.id, intoId: into.id })
    if (kind === 'delete') return current.call('deleteTag', { tagId: from.id })
    return current.call('restoreTag', deleted)
  }
  return {
    countsAcks: true,
    async seed(host) {
      const notes = []
      for (let index = 0; index < TAGGED_ARTICLES; index++) {
        const { articleId, noteIds } = await seedArticleWithNotes(host, `Tags ${index}`, TAGGED_NOTES / TAGGED_ARTICLES)
        for (const noteId of noteIds) notes.push({ articleId, noteId })
      }
      // How long the operation takes undisturbed, so kills can be spread over it.
      const measured = await prepare(host, notes, 'measured')
      const started = performance.now()
      await operate(host, measured)
      const durationMs = Math.max(20, performance.now() - started)
      await removeTags(host, [measured.from, measured.into])
      return { notes, durationMs }
    },
    cycle({ notes, durationMs }) {
      const articleIds = [...new Set(notes.map((note) => note.articleId))]
      let windowMs = durationMs
      let round = 0
      return {
        async killDuring(current) {
          const prepared = await prepare(current, notes, String(++round))
          let acked = false
          const operation = operate(current, prepared)
            .then((result) => (acked = result.ok === true))
            .catch(() => undefined)
          await Promise.race([operation, sleep(randomBelow(Math.ceil(windowMs)))])
          windowMs = Math.min(durationMs * 5, Math.max(5, windowMs * (acked ? 0.7 : 1.2)))
          return {
            prepared,
            operation,
            get acked() {
              return acked
            }
          }
        },
        async check(restarted, { prepared, operation, acked }) {
          await operation
          const tagIds = new Set((await restarted.value('listTags')).map((tag) => tag.id))
          const found = await notesById(restarted, articleIds)
          const withTag = (tag) =>
            tag ? notes.filter(({ noteId }) => found.get(noteId)?.tagIds.includes(tag.id)).length : 0
          const fromThere = tagIds.has(prepared.from.id)
          const onFrom = withTag(prepared.from)
          const onInto = withTag(prepared.into)
          const all = notes.length
          // The state before the operation, and the state after it; anything else is half-applied.
          const before = kind === 'restore' ? !fromThere && onFrom === 0 : fromThere && onFrom === all && onInto === 0
          const after =
            kind === 'merge'
              ? !fromThere && onFrom === 0 && onInto === all
              : kind === 'delete'
                ? !fromThere && onFrom === 0
                : fromThere && onFrom === all
          const detail =
            `${kind} of ${prepared.from.path} (${acked ? 'answered' : 'not answered'} before the kill):` +
            ` tag ${fromThere ? 'listed' : 'not listed'}, on ${onFrom} of ${all} notes` +
            (prepared.into ? `, target on ${onInto}` : '')
          const cleanUp = () => removeTags(restarted, [prepared.from, prepared.into])
          if (!before && !after) return { lost: 0, half: 1, detail, cleanUp }
          return acked && !after ? { lost: 1, half: 0, detail, cleanUp } : { lost: 0, half: 0, cleanUp }
        }
      }
    }
  }
}

/** Clears a round's tags so notes never pile up tags (50 at most per note). */
async function removeTags(host, tags) {
  const present = new Set((await host.value('listTags')).map((tag) => tag.id))
  for (const tag of tags) if (tag && present.has(tag.id)) await host.value('deleteTag', { tagId: tag.id })
}
