/**
 * Entry point for re-attaching highlights to article text; callers should not need to
 * know which file holds the selector types and which the matching strategies.
 */
export { anchorSelectors, describeRange } from './anchor'
export {
  CONTEXT_LENGTH,
  type AnchorResult,
  type AnchorState,
  type TextAnchorSelectors,
  type TextPositionSelector,
  type TextQuoteSelector,
  type TextRange
} from './selectors'
