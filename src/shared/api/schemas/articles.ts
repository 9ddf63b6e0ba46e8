/**
 * The API's article inputs: files and pastes to import, metadata corrections, and the
 * reading pane's edited text, which comes back as blocks, the same model import produces.
 */
import { z } from 'zod'
import { ARTICLE_ITEM_TYPES } from '../../domain/article'
import { MAX_IMPORT_BYTES } from '../../import/limits'
import { BIBLIOGRAPHY_FORMATS } from '../../bibliography/formats'
import { id } from './common'

/** The largest importable file, with room so the import service, not zod, names the limit. */
const MAX_FILE_BYTES = Math.ceil(MAX_IMPORT_BYTES * 1.2)
const MAX_PASTE_CHARS = 20_000_000

/**
 * A file sent for import: its name and its bytes, as bytes (spread into an object schema).
 * Not base64 in JSON: a 31 MB file was 41 MB of JSON to parse and decode on the thread that
 * serves every other call. Electron's IPC clones the bytes; browser mode sends them as the
 * request body (src/main/host/byteCalls.ts); either way they reach the import worker as they came.
 */
export const importedFile = {
  name: z.string().min(1).max(255),
  bytes: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected the file’s bytes')
    .refine((bytes) => bytes.byteLength <= MAX_FILE_BYTES, 'the file is larger than the import limit')
}

export const pastedContent = z
  .object({ html: z.string().max(MAX_PASTE_CHARS).optional(), text: z.string().max(MAX_PASTE_CHARS).optional() })
  .strict()

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional()

export const articleMetaChanges = z
  .object({
    title: z.string().trim().min(1, 'a title cannot be empty').max(500).optional(),
    outlet: optionalText(300),
    author: optionalText(300),
    // A report often says only its year, or its month: YYYY and YYYY-MM are dates too.
    publishedAt: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?)?)?$/, 'a date is written YYYY-MM-DD')
      .nullable()
      .optional(),
    sourceUrl: z
      .string()
      .trim()
      .max(2000)
      .regex(/^https?:\/\/\S+$/i, 'a source address starts with http:// or https://')
      .nullable()
      .optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'a language is a two-letter code such as fr')
      .nullable()
      .optional(),
    itemType: z.enum(ARTICLE_ITEM_TYPES).optional(),
    accessedAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'an accessed date is written YYYY-MM-DD')
      .nullable()
      .optional(),
    pages: optionalText(50),
    publisher: optionalText(300),
    place: optionalText(300)
  })
  .strict()

/** The reading pane's edits come back as blocks, the same model import produces. */
const inlineRun = z
  .object({
    text: z.string().max(1_000_000),
    marks: z
      .array(z.enum(['bold', 'italic', 'underline', 'strikethrough', 'code', 'superscript', 'subscript']))
      .max(7)
      .optional(),
    href: z
      .string()
      .max(2000)
      .regex(/^(https?:\/\/|mailto:)\S+$/i, 'only http(s) and mailto links are kept')
      .optional()
  })
  .strict()
const blockText = {
  text: z.string().max(5_000_000),
  runs: z.array(inlineRun).max(10_000).optional(),
  page: z.number().int().positive().max(1_000_000).optional()
}
export const articleBlock = z
  .discriminatedUnion('type', [
    z.object({ type: z.enum(['paragraph', 'aside', 'quote']), ...blockText }).strict(),
    z
      .object({
        type: z.literal('heading'),
        level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
        ...blockText
      })
      .strict(),
    z
      .object({
        type: z.literal('listitem'),
        listType: z.enum(['bullet', 'number']),
        depth: z.number().int().min(0).max(12),
        ...blockText
      })
      .strict()
  ])
  .refine(
    (block) => block.runs === undefined || block.runs.map((run) => run.text).join('') === block.text,
    "a block's formatting runs must spell out its text"
  )

/** A reference file to fill an article's details from: its name and its text (CSL-JSON, BibTeX or RIS). */
export const referenceFile = z
  .object({ name: z.string().min(1).max(255), text: z.string().max(5_000_000, 'the reference file is too large') })
  .strict()

/** A bibliography export: the whole library, or the articles named (a briefing's sources). */
export const bibliographyExport = z
  .object({ format: z.enum(BIBLIOGRAPHY_FORMATS), articleIds: z.array(id).max(100_000).optional() })
  .strict()
