/**
 * The API's tag inputs: a tag record as the services return it (accepted back to undo a
 * deletion) and the changes a merge made, accepted back to undo the merge exactly.
 */
import { z } from 'zod'
import { hexColor, id } from './common'

export const tagRecord = z
  .object({
    id,
    path: z.string().min(1).max(500),
    color: hexColor.nullable(),
    description: z.string().max(2000)
  })
  .strict()

export const newTag = z
  .object({
    path: z.string().trim().min(1, 'a tag needs a name').max(500),
    color: hexColor.nullable().optional()
  })
  .strict()

/** A deleted tag and the notes that carried it. */
export const deletedTag = z
  .object({
    tag: tagRecord,
    tagged: z.array(z.object({ articleId: id, noteId: id }).strict()).max(100_000)
  })
  .strict()

/** What `mergeTags` changed (TagMergeChanges in contract.ts). */
export const tagMergeChanges = z
  .object({
    tags: z
      .array(
        z.object({ before: tagRecord.nullable(), after: tagRecord.nullable(), index: z.number().int().min(0) }).strict()
      )
      .max(10_000),
    notes: z
      .array(
        z
          .object({
            articleId: id,
            noteId: id,
            before: z.array(id).max(50),
            after: z.array(id).max(50)
          })
          .strict()
      )
      .max(100_000)
  })
  .strict()

/** A tag path as typed: a parent with no record of its own is named by its path. */
const tagPath = z.string().trim().min(1, 'a tag needs a name').max(500)

/** Renames or moves every tag at or under `path` (a parent tag, recorded or not). */
export const tagBranchRename = z.object({ path: tagPath, newPath: tagPath }).strict()

/** Folds every tag at or under `path` into the tag `intoId`. */
export const tagBranchMerge = z.object({ path: tagPath, intoId: id }).strict()

/** New colours for several tags at once: a whole branch, or a branch's old colours on undo. */
export const tagColors = z
  .object({
    colors: z
      .array(z.object({ tagId: id, color: hexColor.nullable() }).strict())
      .min(1)
      .max(10_000)
  })
  .strict()
