// Why this exists: large benchmark libraries are far quicker to write straight to disk than to
// import one by one, so this writes Dossier's documented layout (src/main/services/schema.ts,
// schemaVersion 2) byte for byte as the app itself would: library.json and notes/<id>.json
// pretty-printed with a trailing newline (DurableJsonFile), articles/<id>.json compact (ArticleStore).
import fs from 'node:fs/promises'
import path from 'node:path'

export const SCHEMA_VERSION = 2
/** Blocks are joined by a blank line in the plain text that anchors measure (BLOCK_SEPARATOR). */
export const BLOCK_SEPARATOR = '\n\n'
/** Characters of context kept either side of a quote (CONTEXT_LENGTH in src/shared/anchoring). */
export const CONTEXT_LENGTH = 32

export function plainText(blocks) {
  return blocks.map((block) => block.text).join(BLOCK_SEPARATOR)
}

/** Same rule as countWords() in src/shared/domain/article.ts. */
export function countWords(text) {
  const words = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)
  return words ? words.length : 0
}

/**
 * A library entry as ArticleStore stores it. `noteCount` is how many notes its notes file
 * holds (the app keeps it in step); left out, the entry is one from before counts were
 * kept, which the app counts in the background after start-up and then saves.
 */
export function articleMeta({ id, title, blocks, importedAt, sourceFile, language = 'fr', noteCount }) {
  const text = plainText(blocks)
  return {
    id,
    title,
    outlet: null,
    author: null,
    publishedAt: null,
    sourceUrl: null,
    language,
    importedAt,
    sourceFile,
    wordCount: countWords(text),
    charCount: text.length,
    ...(noteCount === undefined ? {} : { noteCount })
  }
}

/** A note as NoteStore.create() stores it, anchored on [start, end) of the article's plain text. */
/**
 * One note in each of the first `count` paragraphs (wrapping around), quotes of 20–150
 * characters, as a reader working through an article would make them. `noteText()` and
 * `at(n)` give each note's text and time; `random` decides lengths, places and ids.
 */
export function paragraphNotes({ articleId, blocks, text, count, random, noteText, at }) {
  const notes = []
  let blockStart = 0
  for (let n = 0; n < count; n++) {
    const block = blocks[n % blocks.length].text
    const length = 20 + Math.floor(random() * 130)
    const offset = Math.floor(random() * Math.max(1, block.length - length))
    const start = blockStart + offset
    const id = seededId(random)
    notes.push(
      note({
        id,
        articleId,
        text,
        start,
        end: Math.min(start + length, blockStart + block.length),
        noteText: noteText(),
        at: at(n)
      })
    )
    blockStart += block.length + 2
  }
  return notes
}

export function note({ id, articleId, text, start, end, noteText, at }) {
  return {
    id,
    articleId,
    anchor: {
      quote: {
        type: 'TextQuoteSelector',
        exact: text.slice(start, end),
        prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
        suffix: text.slice(end, end + CONTEXT_LENGTH)
      },
      position: { type: 'TextPositionSelector', start, end }
    },
    text: noteText,
    tagIds: [],
    color: null,
    createdAt: at,
    updatedAt: at
  }
}

const pretty = (value) => `${JSON.stringify(value, null, 2)}\n`

/** `extra` adds other library fields, such as `tags` and `pinnedTagIds`. */
export async function writeLibrary(dataDir, articles, extra = {}) {
  await fs.mkdir(dataDir, { recursive: true })
  await fs.writeFile(path.join(dataDir, 'library.json'), pretty({ schemaVersion: SCHEMA_VERSION, articles, ...extra }))
}

export async function writeBody(dataDir, articleId, blocks) {
  await fs.mkdir(path.join(dataDir, 'articles'), { recursive: true })
  const body = { schemaVersion: SCHEMA_VERSION, articleId, blocks }
  await fs.writeFile(path.join(dataDir, 'articles', `${articleId}.json`), `${JSON.stringify(body)}\n`)
}

export async function writeNotes(dataDir, articleId, notes) {
  await fs.mkdir(path.join(dataDir, 'notes'), { recursive: true })
  const file = { schemaVersion: SCHEMA_VERSION, articleId, notes }
  await fs.writeFile(path.join(dataDir, 'notes', `${articleId}.json`), pretty(file))
}

export const paths = {
  library: (dataDir) => path.join(dataDir, 'library.json'),
  body: (dataDir, id) => path.join(dataDir, 'articles', `${id}.json`),
  notes: (dataDir, id) => path.join(dataDir, 'notes', `${id}.json`)
}

/** A UUID-shaped id from a seeded generator, so generated libraries are identical between runs. */
export function seededId(random) {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** Where each block starts in the article's plain text (blocks joined by a blank line, as the app measures). */
export function blockStartOffsets(blocks) {
  const starts = []
  let offset = 0
  for (const block of blocks) {
    starts.push(offset)
    offset += block.text.length + 2
  }
  return starts
}
