/**
 * What each stored file must look like, checked every time one is loaded.
 *
 * Valid JSON of the wrong shape used to pass straight through: library.json holding `null`
 * looked like a first run (the sample re-added, the backups ignored), `articles: {}` made
 * every library call fail, a notes file `null` hid its notes until the next save overwrote
 * them. Each file is now judged against its schema once upgraded (schema.ts); the wrong
 * shape is damage, handled like unparsable bytes: quarantined and the last good generation
 * restored (storage/durableJsonFile.ts).
 *
 * These are not the API contract's schemas (shared/api/contract.ts), on purpose: those
 * judge what a client may send, strictly (unknown fields refused, tight limits); a stored
 * file must instead be accepted whenever the app can use it. So objects here are loose
 * (a field added by a later version is not damage), fields added over the years get their
 * neutral default, and only what the code cannot do without is required. Judged on load
 * only: data already in memory is never validated again.
 */
import path from 'node:path'
import { z } from 'zod'
import type { Validation } from '../storage/durableJsonFile'
import { upgrade } from './schema'
import { ARTICLE_ITEM_TYPES } from '../../shared/domain/article'

const nonEmpty = z.string().min(1)
const nullableText = z.string().nullable().default(null)

const textQuoteSelector = z.looseObject({
  exact: z.string(),
  prefix: z.string().default(''),
  suffix: z.string().default('')
})
const textPositionSelector = z.looseObject({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative()
})
const anchorSelectors = z.looseObject({ quote: textQuoteSelector, position: textPositionSelector })

const storedNote = z.looseObject({
  id: nonEmpty,
  articleId: z.string(),
  anchor: anchorSelectors,
  highlighted: anchorSelectors.optional(),
  text: z.string().default(''),
  tagIds: z.array(z.string()).default([]),
  color: nullableText,
  anchorStatus: z.looseObject({ state: z.enum(['moved', 'orphaned']) }).optional(),
  createdAt: z.string(),
  updatedAt: z.string()
})

const storedArticleNote = z.looseObject({
  kind: z.literal('article').default('article'),
  id: nonEmpty,
  articleId: z.string(),
  text: z.string().default(''),
  tagIds: z.array(z.string()).default([]),
  createdAt: z.string(),
  updatedAt: z.string()
})

const libraryArticle = z.looseObject({
  id: nonEmpty,
  title: z.string(),
  outlet: nullableText,
  author: nullableText,
  publishedAt: nullableText,
  sourceUrl: nullableText,
  language: nullableText,
  sourceFile: nullableText,
  importedAt: z.string(),
  wordCount: z.number().default(0),
  charCount: z.number().default(0),
  editedAt: z.string().optional(),
  trashedAt: z.string().optional(),
  // Bibliographic details, absent before they existed; an unknown type is forgotten, not a damaged library.
  itemType: z.enum(ARTICLE_ITEM_TYPES).optional().catch(undefined),
  accessedAt: z.string().nullable().optional(),
  pages: z.string().nullable().optional(),
  publisher: z.string().nullable().optional(),
  place: z.string().nullable().optional()
  // noteCount is a cache the article store checks itself (and recomputes when wrong).
})

const tag = z.looseObject({
  id: nonEmpty,
  path: nonEmpty,
  color: nullableText,
  description: z.string().default('')
})

export const libraryFileSchema = z.looseObject({
  schemaVersion: z.number(),
  articles: z.array(libraryArticle),
  // Libraries from before tags and pins had neither.
  tags: z.array(tag).default([]),
  pinnedTagIds: z.array(z.string()).default([])
})

/** A briefing is completed field by field when read (completeBriefing), so only its id is required. */
export const briefingsFileSchema = z.looseObject({
  schemaVersion: z.number(),
  briefings: z.array(z.looseObject({ id: nonEmpty }))
})

/** A notes file, which must also be the one of the article its name says. */
export function notesFileSchema(articleId: string) {
  return z.looseObject({
    schemaVersion: z.number(),
    articleId: z.string().refine((stored) => stored === articleId, {
      message: `names another article than ${articleId}`
    }),
    notes: z.array(storedNote),
    // Files from before notes on the whole article have none.
    articleNotes: z.array(storedArticleNote).default([])
  })
}

const articleBlock = z.looseObject({
  type: z.enum(['paragraph', 'aside', 'quote', 'heading', 'listitem']),
  text: z.string(),
  runs: z.array(z.looseObject({ text: z.string() })).optional()
})

/** An article body (articles/<id>.json), which must be the text of the article its name says. */
export function bodyFileSchema(articleId: string) {
  return z.looseObject({
    schemaVersion: z.number(),
    articleId: z.string().refine((stored) => stored === articleId, {
      message: `names another article than ${articleId}`
    }),
    blocks: z.array(articleBlock)
  })
}

/** How a kind of stored file is judged, and how its content is told in a recovery notice. */
export interface FileSchema {
  schema: z.ZodType
  describe: (value: unknown) => string
}

/**
 * The schema of a file by its place in the data layout (schema.ts `dataLayout`):
 * library.json, briefings.json, notes/<id>.json, articles/<id>.json. Null for any other
 * file, which is then only required to hold a JSON object.
 */
export function fileSchemaFor(file: string): FileSchema | null {
  const base = path.basename(file)
  const folder = path.basename(path.dirname(file))
  if (base === 'library.json') {
    return {
      schema: libraryFileSchema,
      describe: (value) => {
        const library = value as z.infer<typeof libraryFileSchema>
        return `${count(library.articles.length, 'article')}, ${count(library.tags.length, 'tag')}`
      }
    }
  }
  if (base === 'briefings.json') {
    return {
      schema: briefingsFileSchema,
      describe: (value) => count((value as z.infer<typeof briefingsFileSchema>).briefings.length, 'briefing')
    }
  }
  if (base.endsWith('.json') && folder === 'notes') {
    const schema = notesFileSchema(base.slice(0, -'.json'.length))
    // Told of a file as read too, before its defaults: an older file has no `articleNotes`.
    const notesIn = (value: z.infer<typeof schema>) => value.notes.length + (value.articleNotes?.length ?? 0)
    return { schema, describe: (value) => count(notesIn(value as z.infer<typeof schema>), 'note') }
  }
  if (base.endsWith('.json') && folder === 'articles') {
    const schema = bodyFileSchema(base.slice(0, -'.json'.length))
    return { schema, describe: (value) => count((value as z.infer<typeof schema>).blocks.length, 'paragraph') }
  }
  return null
}

/**
 * Judges a stored file's parsed JSON: upgraded to the current schema, then checked against
 * the schema of its place in the layout (or, for a file outside it, merged over `defaults`).
 * A file from a newer Dossier throws NewerSchemaError: that is not damage, it is left as it is.
 */
export function judgeStoredFile<T>(
  file: string,
  parsed: unknown,
  defaults: T,
  fileSchema: FileSchema | null = fileSchemaFor(file)
): Validation<T> {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, reason: `it holds ${jsonKind(parsed)} where an object was expected` }
  }
  const upgraded = upgrade(file, parsed)
  if (!fileSchema) return { ok: true, value: { ...structuredClone(defaults), ...(upgraded as object) } }
  const result = fileSchema.schema.safeParse(upgraded)
  if (result.success) return { ok: true, value: result.data as T }
  return { ok: false, reason: describeIssue(result.error.issues[0]) }
}

/** The first thing wrong, with where: « articles: expected array, received object ». */
function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'it does not have the expected shape'
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : ''
  return `${where}${issue.message.replace(/^Invalid input: /, '')}`
}

function jsonKind(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  return `a ${typeof value}`
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
