/**
 * A note is a highlight on an article plus what the analyst says about it. The anchor
 * selectors are the source of truth for where it sits; the quote is stored once, as the
 * TextQuoteSelector's `exact`.
 */
import type { TextAnchorSelectors } from '../anchoring/selectors'

export interface Note {
  id: string
  articleId: string
  anchor: TextAnchorSelectors
  text: string
  tagIds: string[]
  color: string | null
  createdAt: string
  updatedAt: string
}
