/**
 * Whether an address may be handed to a web browser: http and https only. The renderer
 * opens article links with it and the Electron shell decides which window-open requests
 * go to the system browser; both must agree, so it is written once. Anything else
 * (javascript:, file:, data:, an unparsable string) is refused.
 */

// The WHATWG URL parser exists in every runtime this runs in (browsers, Node, Electron);
// src/shared compiles without DOM or Node types, so the one part used is declared here.
declare const URL: new (href: string) => { readonly protocol: string }
export function isWebLink(href: string | null | undefined): href is string {
  if (!href) return false
  try {
    const { protocol } = new URL(href)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}
