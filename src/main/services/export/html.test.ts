/**
 * The HTML export is parsed with jsdom (which runs no script and loads nothing) and checked as
 * a document: what elements and attributes exist, what text a reader sees. Safety here means
 * structure — no script, no handler, no fetch — whatever the user typed.
 */
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { countItems, type BriefingDocument } from '../../../shared/briefing/document'
import { htmlExporter, renderBriefingHtml } from './html'
import { NBSP, NNBSP, reviewBriefing, sampleBriefing, sampleItem } from './testing/sampleBriefing'

function parse(html: string): Document {
  return new JSDOM(html).window.document
}

function render(document: BriefingDocument, paper?: 'a4' | 'letter'): Document {
  return parse(renderBriefingHtml(document, { paper }))
}

function text(element: Element | null | undefined): string {
  return element?.textContent ?? ''
}

/** Every attribute on every element, as [element, name, value]. */
function attributes(document: Document): [Element, string, string][] {
  return [...document.querySelectorAll('*')].flatMap((element) =>
    [...element.attributes].map((attribute): [Element, string, string] => [element, attribute.name, attribute.value])
  )
}

const HOSTILE_NOTE = '<img src=x onerror=alert(1)> <script>alert(2)</script> **gras** et *italique* "q" \'a\' & co'

function hostileBriefing(): BriefingDocument {
  const evil = `<a href="javascript:alert(1)" onclick="alert(1)">x</a><style>@import url(https://evil.example/x.css)</style>`
  const document = sampleBriefing({
    frontMatter: {
      title: evil,
      subtitle: evil,
      author: evil,
      classification: `${evil} "}</style><script>`,
      keyPoints: evil
    }
  })
  const [section] = document.sections
  if (!section) throw new Error('sample has sections')
  section.heading = evil
  section.intro = evil
  section.items[0] = sampleItem({
    quote: evil,
    noteText: HOSTILE_NOTE,
    color: 'red;background:url(https://evil.example/)',
    tags: [
      { path: evil, color: '#12345g' },
      { path: 'ok', color: 'url(https://evil.example/)' },
      { path: 'bleu', color: '#1F6FEB' }
    ]
  })
  document.sources.push({
    number: 3,
    articleId: 'evil',
    title: evil,
    outlet: evil,
    author: evil,
    publishedAt: evil,
    url: 'javascript:alert(1)',
    language: evil
  })
  return document
}

describe('htmlExporter', () => {
  it('describes itself as an HTML file and returns the UTF-8 bytes of the page', async () => {
    expect(htmlExporter).toMatchObject({ format: 'html', extension: 'html', mimeType: 'text/html; charset=utf-8' })
    const document = sampleBriefing()
    const bytes = await htmlExporter.export(document, { paper: 'letter' })
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(
      renderBriefingHtml(document, { paper: 'letter' })
    )
  })

  it('is one self-contained document that can load and run nothing', () => {
    const html = renderBriefingHtml(hostileBriefing())
    const document = parse(html)
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(document.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8')
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'"
    )
    for (const selector of ['script', 'link', 'img', 'iframe', 'object', 'embed', 'svg', 'base', 'form', 'video']) {
      expect(document.querySelectorAll(selector), selector).toHaveLength(0)
    }
    expect(document.querySelectorAll('style')).toHaveLength(1)
    const css = [...document.querySelectorAll('style')].map((style) => style.textContent).join('')
    expect(css).not.toMatch(/@import|url\(/i)
    for (const [element, name, value] of attributes(document)) {
      expect(name, `${element.tagName} ${name}`).not.toMatch(/^on/i)
      expect(name).not.toBe('src')
      if (name === 'style') expect(value).toMatch(/^--(item|tag): #[0-9a-f]{6}$/)
      if (name === 'href') expect(value).toMatch(/^(https?:\/\/|#source-\d+$)/)
    }
  })

  it('shows hostile text as text, and note emphasis as <strong>/<em> only', () => {
    const document = render(hostileBriefing())
    const note = document.querySelector('.item .note')
    expect(text(note).trim()).toBe(HOSTILE_NOTE.replace('**gras**', 'gras').replace('*italique*', 'italique'))
    expect([...(note?.querySelectorAll('*') ?? [])].map((element) => element.tagName)).toEqual(['P', 'STRONG', 'EM'])
    expect(text(note?.querySelector('strong'))).toBe('gras')
    expect(text(note?.querySelector('em'))).toBe('italique')
    expect(text(document.querySelector('h1'))).toContain('<a href="javascript:alert(1)"')
    expect(text(document.querySelector('title'))).toContain('<a href=')
    expect(text(document.querySelector('.classification'))).toContain('"}</style><script>')
  })

  it('links sources only to http(s) addresses, without a referrer', () => {
    const document = render(hostileBriefing())
    const sources = document.querySelectorAll('.sources ol > li')
    expect(sources).toHaveLength(3)
    const links = [...document.querySelectorAll('.sources a, .sources [src]')]
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://example.org/maroc/kochavi-visite'])
    expect(links[0]?.getAttribute('rel')).toBe('noreferrer')
    expect(text(sources[2])).toContain('javascript:alert(1)')
    expect(sources[2]?.querySelector('a')).toBeNull()
  })

  it('colours tag chips and quote borders only with plain hex colours', () => {
    const document = render(hostileBriefing())
    const chips = [...document.querySelectorAll('.item')][0]?.querySelectorAll('.tag') ?? []
    expect([...chips].map((chip) => chip.getAttribute('style'))).toEqual([null, null, '--tag: #1f6feb'])
    expect(document.querySelector('.item')?.getAttribute('style')).toBeNull()
    const sample = render(sampleBriefing())
    expect(sample.querySelector('.item')?.getAttribute('style')).toBe('--item: #1f6feb')
  })

  it('renders the sample: front matter, key points, sections, one quote and citation per item, sources', () => {
    const briefing = sampleBriefing()
    const document = render(briefing)
    expect(document.documentElement.getAttribute('lang')).toBe('fr')
    expect(text(document.querySelector('h1'))).toBe(`Maroc–Israël${NBSP}: la coopération militaire`)
    expect(text(document.querySelector('.subtitle'))).toBe(`Revue de presse, «${NBSP}Accords d’Abraham${NBSP}»`)
    expect(text(document.querySelector('.classification'))).toBe('Diffusion restreinte')
    expect(text(document.querySelector('.meta'))).toContain('4 mars 2024')
    expect(document.querySelectorAll('.key-points li')).toHaveLength(3)
    expect([...document.querySelectorAll('main h2')].map(text)).toEqual(['Acteurs/Israël', 'Acteurs/Maroc'])
    const quotes = document.querySelectorAll('main blockquote')
    expect(quotes).toHaveLength(countItems(briefing))
    expect(quotes[2]?.querySelectorAll('p')).toHaveLength(2)
    const citations = [...document.querySelectorAll('main figure > figcaption > cite')].map(text)
    expect(citations).toEqual([
      `[1] Le Desk, «${NBSP}Le chef d’état-major israélien en visite au Maroc${NBSP}», Rédaction, 18 juillet 2022, §${NBSP}1`,
      `[1] Le Desk, «${NBSP}Le chef d’état-major israélien en visite au Maroc${NBSP}», Rédaction, 18 juillet 2022, §${NBSP}4`,
      `[2] «${NBSP}Accords d’Abraham${NBSP}: deux ans après${NBSP}»`
    ])
    expect(document.querySelectorAll('.item .tags li')).toHaveLength(4)
    const sources = [...document.querySelectorAll('.sources ol > li')]
    expect(sources.map((li) => li.getAttribute('value'))).toEqual(['1', '2'])
    expect(text(sources[0])).toContain(`§${NBSP}1, 4`)
    expect(document.getElementById('source-1')).toBe(sources[0])
  })

  it('keeps French typography as written', () => {
    const body = text(render(sampleBriefing()).body)
    expect(body).toContain(`de «${NBSP}promouvoir la coopération militaire${NBSP}» entre les deux pays`)
    expect(body).toContain(`la sécurité d’Israël${NNBSP}!`)
    expect(body).toContain(`Ce que dit l’armée israélienne${NBSP}; la sécurité`)
    expect(body).toContain(`Auteur${NBSP}:`)
  })

  it('writes English labels and quotation marks for an English briefing', () => {
    const document = render(sampleBriefing({ language: 'en-US' }))
    expect(document.documentElement.getAttribute('lang')).toBe('en-US')
    expect(text(document.querySelector('.key-points h2'))).toBe('Key points')
    expect(text(document.querySelector('figcaption'))).toContain('“Le chef d’état-major israélien en visite au Maroc”')
    expect(text(document.querySelector('.meta'))).toContain('March 4, 2024')
  })

  it('falls back to a valid lang attribute when the document language is not a language tag', () => {
    expect(render(sampleBriefing({ language: '" onload="x' })).documentElement.getAttribute('lang')).toBe('en')
    expect(render(sampleBriefing({ language: '' })).documentElement.getAttribute('lang')).toBe('en')
  })

  it('renders an empty briefing as an empty-state page', () => {
    const french = render(sampleBriefing({ sections: [], sources: [] }))
    expect(text(french.querySelector('.empty'))).toBe('Ce dossier ne contient aucune note.')
    expect(french.querySelectorAll('blockquote, .sources')).toHaveLength(0)
    expect(text(french.querySelector('h1'))).toContain('Maroc')
    const english = render(sampleBriefing({ language: 'en', sections: [], sources: [] }))
    expect(text(english.querySelector('.empty'))).toBe('This briefing has no notes.')
  })

  it('prints on the chosen paper, numbers pages and keeps headings with what follows', () => {
    const css = (paper?: 'a4' | 'letter') => text(render(sampleBriefing(), paper).querySelector('style'))
    expect(css()).toMatch(/@page\s*\{[^}]*size:\s*A4/)
    expect(css('letter')).toMatch(/@page\s*\{[^}]*size:\s*letter/)
    expect(css()).toContain('@bottom-center { content: counter(page) " / " counter(pages)')
    expect(css()).toMatch(/@top-center \{ content: "DIFFUSION RESTREINTE"/)
    expect(css()).toMatch(/h1, h2, h3, h4, h5, h6 \{ break-after: avoid; break-inside: avoid; \}/)
    expect(css()).toMatch(/\.quote[^{]*\{[^}]*break-inside: avoid/)
  })
})

describe('notes that need review and copies of deleted notes', () => {
  /** Per item: its classes, the warning shown above its quote (or null) and its caption. */
  function marked(document: Document): [string, string | null, string][] {
    return [...document.querySelectorAll('main .item')].map((item) => [
      item.className,
      item.querySelector('figure > .review + blockquote') ? text(item.querySelector('figure > .review')) : null,
      text(item.querySelector('figcaption'))
    ])
  }

  it('shows the warning in words just above each marked quote and names the copy of a deleted article', () => {
    expect(marked(render(reviewBriefing()))).toEqual([
      [
        'item item--moved',
        '⚠ Passage modifié depuis qu’il a été surligné',
        `[1] Le Desk, «${NBSP}Le chef d’état-major israélien en visite au Maroc${NBSP}», Rédaction, 18 juillet 2022, §${NBSP}1`
      ],
      [
        'item',
        null,
        `[1] Le Desk, «${NBSP}Le chef d’état-major israélien en visite au Maroc${NBSP}», Rédaction, 18 juillet 2022, §${NBSP}4`
      ],
      [
        'item item--orphaned item--snapshot',
        '⚠ Passage qui ne figure plus dans l’article',
        `[2] «${NBSP}Accords d’Abraham${NBSP}: deux ans après${NBSP}» (état au 1 mars 2024, article supprimé)`
      ]
    ])
    expect(render(sampleBriefing()).querySelectorAll('.review, .snapshot')).toHaveLength(0)
  })

  it('says it in English for an English briefing, and a lone deleted note is called one', () => {
    const briefing = reviewBriefing({ language: 'en' })
    briefing.sections[1]!.items[0]!.snapshot = { asOf: '2024-03-01', deleted: 'note' }
    const document = render(briefing)
    expect([...document.querySelectorAll('.review')].map(text)).toEqual([
      '⚠ Passage changed since highlighted',
      '⚠ Passage no longer in the article'
    ])
    expect(text(document.querySelector('.snapshot'))).toBe('(as of March 1, 2024, note deleted)')
  })

  it('keeps the user’s text escaped in a marked item, and the marks styled in the page’s own stylesheet', () => {
    const briefing = reviewBriefing()
    briefing.sections[0]!.items[0]!.quote = '<img src=x onerror=alert(1)>'
    const document = render(briefing)
    expect(document.querySelectorAll('img')).toHaveLength(0)
    expect(text(document.querySelector('.item--moved blockquote')).trim()).toBe('<img src=x onerror=alert(1)>')
    const css = text(document.querySelector('style'))
    expect(css).toMatch(/\.review \{[^}]*color: #7a4b00/)
    expect(css).toMatch(/\.review--orphaned \{[^}]*color: #8a1c1c/)
  })
})
