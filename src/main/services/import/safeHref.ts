/**
 * The one place that decides which links an imported article may keep. Imported links
 * open from the reading pane, so anything that could run code or read local files
 * (javascript:, data:, file:, vbscript:…) is dropped and only its text survives.
 */
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])
const WEB_PROTOCOLS = new Set(['http:', 'https:'])

/** The normalised link when it is http(s) or mailto, else null. */
export function safeHref(raw: string | null | undefined): string | null {
  return parseWithProtocol(raw, LINK_PROTOCOLS)
}

/** The normalised URL when it is http(s): a source URL is a web page, never a mail address. */
export function safeWebUrl(raw: string | null | undefined): string | null {
  return parseWithProtocol(raw, WEB_PROTOCOLS)
}

function parseWithProtocol(raw: string | null | undefined, protocols: ReadonlySet<string>): string | null {
  const trimmed = raw?.trim()
  if (!trimmed || !URL.canParse(trimmed)) return null
  const url = new URL(trimmed)
  return protocols.has(url.protocol) ? url.href : null
}
