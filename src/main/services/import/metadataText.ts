/**
 * Titles, outlets and bylines are shown in lists, window titles and exports, where
 * another engineer may one day interpolate them into markup. A page whose <title> holds
 * `<img onerror=…>` is an attack, not a headline, so tag-shaped text is removed from
 * metadata. Article text is not touched: a paragraph may legitimately quote markup.
 */
const TAG_SHAPED = /<\/?[a-z!?][^<>]*>/gi

/** The value as one line of plain text, or null when nothing readable is left. */
export function cleanMetadataText(value: string | null | undefined): string | null {
  const cleaned = value
    ?.replace(TAG_SHAPED, ' ')
    .replace(/[ \t\n\r\f]+/g, ' ')
    .trim()
  return cleaned ? cleaned : null
}
