/**
 * Web pages and pasted HTML. A saved news page is mostly not the article (menus,
 * teasers, cookie banners, comments), so Readability picks the article out of it; when
 * it cannot, the whole body is used rather than losing text. Either way the HTML is
 * sanitized before it is read, and nothing the page refers to is ever fetched.
 */
import { Readability } from '@mozilla/readability'
import { JSDOM, VirtualConsole } from 'jsdom'
import type { ArticleBlock } from '../../../shared/domain/article'
import { normaliseDate } from './dates'
import { readHtmlMetadata, withoutSiteSuffix, type HtmlMetadata } from './htmlMetadata'
import { htmlToBlocks } from './htmlToBlocks'
import type { ArticleParts } from './importedArticle'
import { RejectedInput } from './importError'
import { parseByline } from './byline'
import { detectLanguage, normaliseLanguage } from './language'
import { cleanMetadataText } from './metadataText'
import { sanitizeHtml } from './sanitizeHtml'
import { titleFromBlocks } from './titles'
import { visibleLength } from './visibleLength'

/**
 * Readability's pick is trusted when it holds this much text, or nearly all of a short
 * page's text; less means it latched onto a caption or a teaser.
 */
const MIN_ARTICLE_CHARS = 200
const SHORT_PAGE_SHARE = 0.8

type ReadabilityArticle = NonNullable<ReturnType<Readability['parse']>>

export function importHtml(html: string, options: { useReadability: boolean }): ArticleParts {
  const page = parsePage(html)
  const metadata = readHtmlMetadata(page.window.document)
  if (metadata.sourceUrl) absolutiseLinks(page, metadata.sourceUrl)
  // Readability changes the page it reads, so when it finds no article the page is parsed
  // again for the whole body: rarer, and cheaper on the pages that matter, than copying every
  // page first (0.5 s of the worker, and as much garbage, for a 3 MB page).
  const article = options.useReadability ? readArticle(page.window.document) : null
  const whole = article || !options.useReadability ? page : parsePage(html)
  if (whole !== page && metadata.sourceUrl) absolutiseLinks(whole, metadata.sourceUrl)
  const blocks = htmlFragmentToBlocks(article?.content ?? whole.window.document.body?.innerHTML ?? '')
  page.window.close()
  if (whole !== page) whole.window.close()
  if (blocks.length === 0) throw new RejectedInput('the page has no readable text', 'import.pageNoText')
  return describeArticle(blocks, metadata, article)
}

function parsePage(html: string): JSDOM {
  // No `runScripts` and no `resources`: scripts stay inert text and nothing is fetched.
  // A silent console: a page's broken CSS is not the analyst's problem or the log's.
  return new JSDOM(html, { virtualConsole: new VirtualConsole() })
}

/** Sanitizes, then reads: the one route from untrusted HTML to blocks. */
export function htmlFragmentToBlocks(html: string): ArticleBlock[] {
  return htmlToBlocks(sanitizeHtml(html))
}

/** Relative links would be dropped by the sanitizer; against the page's own URL they still work. */
function absolutiseLinks(dom: JSDOM, sourceUrl: string): void {
  dom.reconfigure({ url: sourceUrl })
  for (const anchor of Array.from(dom.window.document.querySelectorAll('a[href]'))) {
    const href = (anchor as HTMLAnchorElement).href
    if (href) anchor.setAttribute('href', href)
  }
}

function readArticle(document: Document): ReadabilityArticle | null {
  const bodyChars = visibleLength(document.body?.textContent)
  try {
    const article = new Readability(document).parse()
    const articleChars = visibleLength(article?.textContent)
    const enough = articleChars >= Math.min(MIN_ARTICLE_CHARS, bodyChars * SHORT_PAGE_SHARE)
    return article?.content && articleChars > 0 && enough ? article : null
  } catch {
    // Readability gives up on some odd pages; the sanitized body is the fallback.
    return null
  }
}

function describeArticle(
  blocks: ArticleBlock[],
  metadata: HtmlMetadata,
  article: ReadabilityArticle | null
): ArticleParts {
  const outlet = metadata.outlet ?? cleanMetadataText(article?.siteName)
  // "Par Jeanne Martin, le 3 mars 2024": the name is the author, the date a date.
  const byline = parseByline(metadata.author ?? cleanMetadataText(article?.byline))
  return {
    blocks,
    title:
      metadata.shareTitle ??
      readabilityTitle(article, metadata.documentTitle, outlet) ??
      metadata.documentTitle ??
      metadata.firstHeading ??
      titleFromBlocks(blocks),
    outlet,
    author: byline.author,
    publishedAt: metadata.publishedAt ?? normaliseDate(article?.publishedTime) ?? byline.publishedAt,
    sourceUrl: metadata.sourceUrl,
    language: metadata.language ?? normaliseLanguage(article?.lang) ?? detectLanguage(blocks)
  }
}

/**
 * Readability strips site names from <title> well, but it also cuts titles at a colon,
 * and French headlines put a spaced colon mid-sentence ("Sahel : le point"). A piece of
 * a colon-bearing <title> is such a cut, and the whole <title> is the better headline.
 */
function readabilityTitle(
  article: ReadabilityArticle | null,
  documentTitle: string | null,
  outlet: string | null
): string | null {
  const cleaned = cleanMetadataText(article?.title)
  const title = cleaned && withoutSiteSuffix(cleaned, outlet)
  if (!title || !documentTitle) return title
  const cutAtColon = documentTitle !== title && documentTitle.includes(':') && documentTitle.includes(title)
  return cutAtColon ? null : title
}
