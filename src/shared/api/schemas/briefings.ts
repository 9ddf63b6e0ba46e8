/**
 * The API's briefing inputs: the settings an analyst changes (front matter, filter,
 * structure), a whole briefing as stored (accepted back to undo its deletion, snapshots
 * included), and the export choices.
 */
import { z } from 'zod'
import { BRIEFING_EXPORT_FORMATS } from '../../briefing/spec'
import { boundedRecord, hexColor, id, isoDateTime, isoDay } from './common'
import { anchorSelectors, noteAnchorStatus, wholeArticleAnchor } from './notes'

const briefingFrontMatter = z
  .object({
    title: z.string().trim().min(1, 'a briefing needs a title').max(500),
    subtitle: z.string().max(500),
    author: z.string().max(300),
    date: z.union([isoDay, z.literal('')]),
    keyPoints: z.string().max(50_000),
    classification: z.string().max(300)
  })
  .strict()
const briefingFilter = z
  .object({
    tagIds: z.array(id).max(500),
    tagMode: z.enum(['any', 'all']),
    articleIds: z.array(id).max(100_000),
    colors: z.array(hexColor).max(100),
    from: isoDay.nullable(),
    to: isoDay.nullable(),
    text: z.string().max(1000)
  })
  .strict()
const noteIds = z.array(id).max(100_000)
/** Group keys are tag ids, article ids, 'all', 'untagged' or `path:` plus a folded tag path. */
const sectionKey = z
  .string()
  .min(1)
  .max(700)
  .regex(/^[^\p{Cc}]+$/u, 'a section key has no control characters')
const briefingSettings = {
  frontMatter: briefingFrontMatter,
  filter: briefingFilter,
  includedNoteIds: noteIds,
  excludedNoteIds: noteIds,
  grouping: z.enum(['none', 'tag-top', 'tag-full', 'article']),
  order: z.enum(['document', 'date', 'manual']),
  manualOrder: noteIds,
  sections: boundedRecord(
    sectionKey,
    z.object({ title: z.string().max(500).optional(), intro: z.string().max(50_000) }).strict(),
    5000
  ),
  /** Below 20 characters a trimmed quote would be little more than its « […] ». */
  quoteLimit: z.number().int().min(20).max(100_000).nullable(),
  includeNotesNeedingReview: z.boolean(),
  showTags: z.boolean(),
  /** 'dossier', a bundled style's id, or `custom-` and an added style's id. */
  citationStyle: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'a citation style is named by its id'),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language is a code such as fr or en-GB')
}
/** Only the fields the user sets; frontMatter and filter may change one field at a time. */
export const briefingChanges = z
  .object({
    ...briefingSettings,
    frontMatter: briefingFrontMatter.partial(),
    filter: briefingFilter.partial()
  })
  .partial()
  .strict()
const nullableText = (max: number) => z.string().max(max).nullable()
/** A briefing as the services return it, accepted back only to undo its deletion. */
export const storedBriefing = z
  .object({
    id,
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    ...briefingSettings,
    snapshots: boundedRecord(
      id,
      z
        .object({
          kind: z.literal('article').optional(),
          articleId: id,
          anchor: anchorSelectors.or(wholeArticleAnchor),
          highlighted: anchorSelectors.optional(),
          anchorStatus: noteAnchorStatus.optional(),
          asOf: isoDay.optional(),
          text: z.string().max(100_000),
          tagIds: z.array(id).max(50),
          tags: z
            .array(z.object({ id, path: z.string().min(1).max(500), color: hexColor.nullable() }).strict())
            .max(50),
          color: hexColor.nullable(),
          createdAt: isoDateTime,
          updatedAt: isoDateTime,
          paragraph: z.number().int().positive().nullable(),
          page: z.number().int().positive().optional()
        })
        .strict(),
      100_000
    ),
    sourceSnapshots: boundedRecord(
      id,
      z
        .object({
          title: z.string().max(2000),
          outlet: nullableText(1000),
          author: nullableText(1000),
          publishedAt: nullableText(64),
          url: nullableText(4000),
          language: nullableText(35),
          importedAt: z.string().max(64)
        })
        .strict(),
      100_000
    )
  })
  .strict()
export const briefingRef = z.object({ briefingId: id }).strict()
export const paper = z.enum(['a4', 'letter'])

/** `includedNoteIds` lets the notes workspace turn a selection into a briefing. */
export const newBriefing = z
  .object({
    title: z.string().trim().max(500).optional(),
    filter: briefingFilter.partial().optional(),
    includedNoteIds: noteIds.optional(),
    /** The document's language, the interface's when the renderer creates it; 'fr' when not given. */
    language: briefingSettings.language.optional()
  })
  .strict()

export const briefingExport = z.object({ briefingId: id, format: z.enum(BRIEFING_EXPORT_FORMATS), paper }).strict()

/** A `.csl` file as read in the window: its name (for messages) and its text. */
export const citationStyleFile = z
  .object({ fileName: z.string().trim().min(1).max(500), content: z.string().max(1_000_000) })
  .strict()
