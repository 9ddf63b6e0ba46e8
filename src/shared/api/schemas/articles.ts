/**
 * The API's article inputs: files and pastes to import, metadata corrections, and the
 * reading pane's edited text, which comes back as blocks, the same model import produces.
 */
import { z } from 'zod'
import { MAX_IMPORT_BYTES } from '../../import/limits'

/** Base64 of the largest importable file, with room so the import service, not zod, names the limit. */
const MAX_BASE64_CHARS = Math.ceil((MAX_IMPORT_BYTES * 1.2 * 4) / 3)
const MAX_PASTE_CHARS = 20_000_000

/** A file sent for import: its name and its bytes in base64 (spread into an object schema). */
export const importedFile = {
  name: z.string().min(1).max(255),
  dataBase64: z.string().max(MAX_BASE64_CHARS, 'the file is larger than the import limit')
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
    publishedAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'a date is written YYYY-MM-DD')
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
      .optional()
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
