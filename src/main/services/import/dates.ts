/**
 * Publication dates arrive as ISO 8601 strings, as RFC 2822 strings (RSS, HTTP headers)
 * or as free text. ISO input is kept as written, so a date stays a date and a time keeps
 * its newsroom's offset. RFC 2822 always names its zone, so it converts without guessing.
 * Free text is dropped: the JavaScript parser reads "5 mars 2024" in the machine's time
 * zone, which can move a Paris date to the day before.
 */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/
const RFC_2822 =
  /^(?:[A-Z][a-z]{2},\s*)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s+(?:GMT|UT|UTC|Z|[+-]\d{4})$/

export function normaliseDate(raw: string | null | undefined): string | null {
  const trimmed = raw?.trim()
  if (!trimmed) return null
  const parsed = Date.parse(trimmed)
  if (Number.isNaN(parsed)) return null
  if (ISO_8601.test(trimmed)) return trimmed.replace(' ', 'T')
  return RFC_2822.test(trimmed) ? new Date(parsed).toISOString() : null
}
