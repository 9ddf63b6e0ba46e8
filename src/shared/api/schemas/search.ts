/**
 * The API's search input: one box over article titles and text, quotes, note text and tag
 * names, with `tag:` and `article:` filters parsed from the query by the search service.
 */
import { z } from 'zod'

export const searchQuery = z
  .object({ query: z.string().max(500), limit: z.number().int().min(1).max(200).optional() })
  .strict()
