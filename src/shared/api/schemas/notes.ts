/**
 * The API's note inputs: where a note is anchored, a note as stored (accepted back to undo
 * its deletion), new and re-attached highlights, and the notes workspace's query and bulk
 * edits. The anchor schemas are shared with briefings, whose snapshots copy notes.
 */
import { z } from 'zod'
import { hexColor, id, isoDateTime, isoDay } from './common'

const textQuoteSelector = z
  .object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1).max(100_000),
    prefix: z.string().max(64),
    suffix: z.string().max(64)
  })
  .strict()
const textPositionSelector = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive()
  })
  .strict()

export const anchorSelectors = z.object({ quote: textQuoteSelector, position: textPositionSelector }).strict()

/** The placeholder anchor a note on the whole article carries where an anchor is expected (a briefing's copy). */
export const wholeArticleAnchor = z
  .object({
    quote: z
      .object({
        type: z.literal('TextQuoteSelector'),
        exact: z.literal(''),
        prefix: z.literal(''),
        suffix: z.literal('')
      })
      .strict(),
    position: z.object({ type: z.literal('TextPositionSelector'), start: z.literal(0), end: z.literal(0) }).strict()
  })
  .strict()

/** How a note fared through edits (domain/note.ts): stored with the note and with a briefing's snapshot of it. */
export const noteAnchorStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('moved'), checkedAt: isoDateTime }).strict(),
  z
    .object({ state: z.literal('orphaned'), checkedAt: isoDateTime, lastSeenAt: z.number().int().min(0).optional() })
    .strict()
])

export const textRange = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().positive()
  })
  .strict()
  .refine((range) => range.end > range.start, 'end must be after start')

/** A note as the services return it, accepted back only to undo its deletion. */
export const storedNote = z
  .object({
    id,
    articleId: id,
    anchor: anchorSelectors,
    highlighted: anchorSelectors.optional(),
    text: z.string().max(100_000),
    tagIds: z.array(id).max(50),
    color: hexColor.nullable(),
    anchorStatus: noteAnchorStatus.optional(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime
  })
  .strict()

export const noteRef = z.object({ articleId: id, noteId: id }).strict()

/** A note on the whole article as the services return it, accepted back only to undo its deletion. */
export const storedArticleNote = z
  .object({
    kind: z.literal('article'),
    id,
    articleId: id,
    text: z.string().max(100_000),
    tagIds: z.array(id).max(50),
    createdAt: isoDateTime,
    updatedAt: isoDateTime
  })
  .strict()

export const newArticleNote = z.object({ articleId: id, text: z.string().max(100_000) }).strict()

export const newNote = z
  .object({
    articleId: id,
    range: textRange,
    /** What the user saw selected; the service refuses a range that says otherwise. */
    expectedQuote: z.string().min(1).max(100_000),
    /** A colour picked in the selection popover; tags' colours still come first. */
    color: hexColor.nullable().optional()
  })
  .strict()

export const noteReattachment = z
  .object({
    articleId: id,
    noteId: id,
    range: textRange,
    expectedQuote: z.string().min(1).max(100_000)
  })
  .strict()

/** The notes workspace's filters, sort and page (notes/workspace.ts). */
export const notesQuery = z
  .object({
    tagIds: z.array(id).max(500),
    tagMode: z.enum(['any', 'all']),
    untagged: z.boolean(),
    articleIds: z.array(id).max(10_000),
    colors: z.array(hexColor).max(50),
    states: z.array(z.enum(['anchored', 'moved', 'orphaned'])).max(3),
    from: isoDay.nullable(),
    to: isoDay.nullable(),
    text: z.string().max(500),
    sort: z.enum(['date-desc', 'date-asc', 'article', 'tag']),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(1000)
  })
  .strict()

export const bulkNoteUpdate = z
  .object({
    notes: z.array(noteRef).min(1).max(10_000),
    addTagIds: z.array(id).max(50).optional(),
    removeTagIds: z.array(id).max(50).optional(),
    color: hexColor.nullable().optional()
  })
  .strict()

/** What `bulkUpdateNotes` handed back, accepted to undo it. */
export const noteFieldsRestore = z
  .object({
    fields: z
      .array(z.object({ articleId: id, noteId: id, tagIds: z.array(id).max(50), color: hexColor.nullable() }).strict())
      .min(1)
      .max(10_000)
  })
  .strict()
