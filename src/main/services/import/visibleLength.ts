/**
 * How much text a page or an article holds, white space aside: what decides whether
 * Readability's pick is trusted (htmlImport.ts). Counted in one pass without building a
 * copy of the text without its spaces, which for a 3 MB page cost the import worker about
 * 100 ms and as many megabytes of garbage, twice per page.
 */

/** UTF-16 units of `text` that JavaScript's `\s` does not match: `text.replace(/\s+/g, '').length`. */
export function visibleLength(text: string | null | undefined): number {
  if (!text) return 0
  let visible = 0
  for (let index = 0; index < text.length; index++) if (!isSpace(text.charCodeAt(index))) visible++
  return visible
}

/** `\s` as ECMAScript defines it: white space and line terminators. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  if (code < 0xa0) return false
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}
