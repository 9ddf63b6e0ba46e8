/**
 * What a news page says about itself in its <head>: Open Graph and article tags, the
 * author and date metas, the canonical URL and the declared language. These beat
 * anything guessed from the body, so they are read from the original document before
 * Readability or the sanitizer throw the <head> away.
 */
import { normaliseDate } from './dates'
import { normaliseLanguage } from './language'
import { cleanMetadataText } from './metadataText'
import { safeWebUrl } from './safeHref'

export interface HtmlMetadata {
  /** og:title, which sites write for sharing and so is the cleanest headline they have. */
  shareTitle: string | null
  /** <title>, usually the headline plus the site's name. */
  documentTitle: string | null
  /** The page's first <h1>, read before Readability removes it from the article body. */
  firstHeading: string | null
  outlet: string | null
  author: string | null
  publishedAt: string | null
  sourceUrl: string | null
  language: string | null
}

export function readHtmlMetadata(document: Document): HtmlMetadata {
  const meta = (selector: string): string | null =>
    cleanMetadataText(document.querySelector(selector)?.getAttribute('content'))
  const outlet = meta('meta[property="og:site_name"]') ?? meta('meta[name="application-name"]')
  const shareTitle = meta('meta[property="og:title"]') ?? meta('meta[name="twitter:title"]')
  const documentTitle = cleanMetadataText(document.title)
  return {
    shareTitle: shareTitle && withoutSiteSuffix(shareTitle, outlet),
    documentTitle: documentTitle && withoutSiteSuffix(documentTitle, outlet),
    firstHeading: cleanMetadataText(document.querySelector('h1')?.textContent),
    outlet,
    author: pageAuthor(meta),
    publishedAt: normaliseDate(
      meta('meta[property="article:published_time"]') ??
        meta('meta[name="article:published_time"]') ??
        meta('meta[name="date"]') ??
        meta('meta[itemprop="datePublished"]') ??
        meta('meta[name="DC.date"]')
    ),
    sourceUrl:
      safeWebUrl(document.querySelector('link[rel~="canonical"]')?.getAttribute('href')) ??
      safeWebUrl(meta('meta[property="og:url"]')),
    language:
      normaliseLanguage(document.documentElement.getAttribute('lang')) ??
      normaliseLanguage(document.documentElement.getAttribute('xml:lang')) ??
      normaliseLanguage(meta('meta[property="og:locale"]')) ??
      normaliseLanguage(meta('meta[http-equiv="content-language" i]'))
  }
}

/** `article:author` is often a profile URL, which is not a name. */
function pageAuthor(meta: (selector: string) => string | null): string | null {
  const candidates = [meta('meta[name="author"]'), meta('meta[property="article:author"]'), meta('meta[name="byl"]')]
  return candidates.find((value): value is string => value !== null && !/^https?:\/\//i.test(value)) ?? null
}

/** "Le titre | Le Quotidien" → "Le titre", when "Le Quotidien" is the site's own name. */
export function withoutSiteSuffix(title: string, outlet: string | null): string {
  if (!outlet) return title
  const suffix = new RegExp(`\\s+[|–—:·•-]\\s+${escapeRegExp(outlet)}\\s*$`, 'iu')
  const stripped = title.replace(suffix, '').trim()
  return stripped || title
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
