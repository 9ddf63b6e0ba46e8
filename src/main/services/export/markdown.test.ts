/**
 * The Markdown export is checked through a real CommonMark parser (markdown-it, with raw HTML
 * enabled so any leak would show as an html token): structure and safety are properties of
 * the parsed document, not of the exact characters we happen to write.
 */
import MarkdownIt, { type Token } from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { countItems } from '../../../shared/briefing/document'
import { escapeMarkdownInline, markdownExporter, renderBriefingMarkdown } from './markdown'
import { NBSP, NNBSP, reviewBriefing, sampleBriefing, sampleItem } from './testing/sampleBriefing'

const parser = new MarkdownIt({ html: true })

function parse(markdown: string): Token[] {
  return parser.parse(markdown, {})
}

/** Every token, inline children included, in document order. */
function flatten(tokens: Token[]): Token[] {
  return tokens.flatMap((token) => [token, ...flatten(token.children ?? [])])
}

function headings(tokens: Token[]): { level: number; text: string }[] {
  return tokens.flatMap((token, index) =>
    token.type === 'heading_open'
      ? [{ level: Number(token.tag.slice(1)), text: renderedText(tokens.slice(index + 1, index + 2)) }]
      : []
  )
}

/** The text a reader sees, which is what escaping must preserve. */
function renderedText(tokens: Token[]): string {
  return flatten(tokens)
    .filter((token) => token.type === 'text')
    .map((token) => token.content)
    .join('')
}

function topLevelBlockquotes(tokens: Token[]): Token[][] {
  const quotes: Token[][] = []
  let depth = 0
  let current: Token[] = []
  for (const token of tokens) {
    if (token.type === 'blockquote_open' && depth++ === 0) current = []
    else if (token.type === 'blockquote_close' && --depth === 0) quotes.push(current)
    else if (depth > 0) current.push(token)
  }
  return quotes
}

/** The items of the last ordered list, each as its rendered text. */
function lastOrderedList(tokens: Token[]): string[] {
  const start = tokens.map((token) => token.type).lastIndexOf('ordered_list_open')
  const items: string[] = []
  for (let i = start; i < tokens.length && tokens[i]?.type !== 'ordered_list_close'; i++) {
    if (tokens[i]?.type === 'list_item_open') items.push('')
    if (tokens[i]?.type === 'inline') items[items.length - 1] += renderedText([tokens[i] as Token])
  }
  return items
}

describe('markdownExporter', () => {
  it('describes itself as a Markdown file', () => {
    expect(markdownExporter).toMatchObject({
      format: 'markdown',
      extension: 'md',
      mimeType: 'text/markdown; charset=utf-8'
    })
  })

  it('returns the UTF-8 bytes of the rendered text', async () => {
    const document = sampleBriefing()
    const bytes = await markdownExporter.export(document)
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(renderBriefingMarkdown(document))
  })

  it('gives the title, the key points, one heading per section and the sources', () => {
    const tokens = parse(renderBriefingMarkdown(sampleBriefing()))
    expect(headings(tokens)).toEqual([
      { level: 1, text: `Maroc–Israël${NBSP}: la coopération militaire` },
      { level: 2, text: 'Points clés' },
      { level: 2, text: 'Acteurs/Israël' },
      { level: 2, text: 'Acteurs/Maroc' },
      { level: 2, text: 'Sources' }
    ])
    // The key points, then the comment of each of the two items that have one.
    const bullets = tokens.filter((token) => token.type === 'bullet_list_open')
    expect(bullets.map((token) => token.markup)).toEqual(['-', '*', '*'])
    const keyPoints = tokens.filter((token) => token.type === 'list_item_open' && token.markup === '-')
    expect(keyPoints).toHaveLength(3)
    const text = renderedText(tokens)
    expect(text).toContain('Cellule Afrique du Nord')
    expect(text).toContain('4 mars 2024')
    expect(text).toContain('Diffusion restreinte')
    expect(text).toContain(`Revue de presse, «${NBSP}Accords d’Abraham${NBSP}»`)
  })

  it('quotes every item in its own blockquote, multi-paragraph quotes included, each with its citation', () => {
    const document = sampleBriefing()
    const tokens = parse(renderBriefingMarkdown(document))
    const quotes = topLevelBlockquotes(tokens)
    expect(quotes).toHaveLength(countItems(document))
    const multi = quotes[2] ?? []
    expect(multi.filter((token) => token.type === 'paragraph_open')).toHaveLength(3)
    expect(renderedText(multi)).toContain('années 1990.')
    expect(renderedText(multi)).toContain(`la sécurité d’Israël${NNBSP}!`)
    expect(renderedText(multi)).toContain('[…]')
    const citations = quotes.map((quote) => renderedText(quote).match(/\[(\d+)\]/g) ?? [])
    expect(citations).toEqual([['[1]'], ['[1]'], ['[2]']])
    expect(renderedText(quotes[0] ?? [])).toContain(`Le Desk, «${NBSP}Le chef d’état-major`)
    expect(renderedText(quotes[0] ?? [])).toMatch(/§\u00a01$/)
  })

  it('lists every source with what is known, a link only for http(s), and the paragraphs cited', () => {
    const document = sampleBriefing()
    document.sources.push({
      number: 3,
      articleId: 'article-x',
      title: 'Piège',
      outlet: null,
      author: null,
      publishedAt: null,
      url: 'javascript:alert(1)',
      language: null
    })
    const tokens = parse(renderBriefingMarkdown(document))
    const sources = lastOrderedList(tokens)
    expect(sources).toHaveLength(3)
    expect(sources[0]).toBe(
      `Le Desk, «${NBSP}Le chef d’état-major israélien en visite au Maroc${NBSP}», Rédaction, 18 juillet 2022, ` +
        `https://example.org/maroc/kochavi-visite, §${NBSP}1, 4`
    )
    expect(sources[1]).toBe(`«${NBSP}Accords d’Abraham${NBSP}: deux ans après${NBSP}»`)
    const links = flatten(tokens).filter((token) => token.type === 'link_open')
    expect(links.map((link) => link.attrGet('href'))).toEqual(['https://example.org/maroc/kochavi-visite'])
    expect(sources[2]).toContain('javascript:alert(1)')
  })

  it('keeps note emphasis and turns nothing else in a note into structure', () => {
    const hostile = [
      '# not a heading',
      '<script>alert(1)</script>',
      '[x](javascript:alert(1)) and ![img](x.png) and <https://evil.example>',
      '> not a quote',
      '- not a list',
      '1. not a list either',
      '    not code',
      '```',
      'Setext?',
      '===',
      '---',
      '| a | b |',
      '~~struck~~ and `code` and &amp; and __under__ and \\*',
      '[ref]: https://evil.example',
      'but **this** stays *emphasised*'
    ].join('\n')
    const document = sampleBriefing()
    document.sections = [{ key: 'all', heading: '', level: 1, intro: '', items: [sampleItem({ noteText: hostile })] }]
    const tokens = parse(renderBriefingMarkdown(document))
    const types = new Set(flatten(tokens).map((token) => token.type))
    for (const forbidden of ['html_block', 'html_inline', 'image', 'code_inline', 'code_block', 'fence']) {
      expect(types, forbidden).not.toContain(forbidden)
    }
    // The only link is the first source's address in the sources list.
    const links = flatten(tokens).filter((token) => token.type === 'link_open')
    expect(links.map((link) => link.attrGet('href'))).toEqual(['https://example.org/maroc/kochavi-visite'])
    for (const forbidden of ['hr', 'table_open', 's_open']) expect(types, forbidden).not.toContain(forbidden)
    expect(headings(tokens).map((h) => h.text)).toEqual([
      `Maroc–Israël${NBSP}: la coopération militaire`,
      'Points clés',
      'Sources'
    ])
    // The key points and the comment block, which is the only other list.
    expect(tokens.filter((token) => token.type === 'bullet_list_open')).toHaveLength(2)
    expect(topLevelBlockquotes(tokens)).toHaveLength(1)
    expect(flatten(tokens).filter((token) => token.type === 'strong_open')).toHaveLength(
      5 // the three front-matter labels, the comment's label and the note's **this**
    )
    expect(flatten(tokens).filter((token) => token.type === 'em_open')).toHaveLength(2)
    const text = renderedText(tokens)
    for (const line of hostile.split('\n').slice(0, 6)) expect(text).toContain(line)
    expect(text).toContain('~~struck~~ and `code` and &amp; and __under__ and \\*')
    expect(text).toContain('[ref]: https://evil.example')
  })

  it('escapes hostile text in every other user field too', () => {
    const evil = '<b>x</b> [a](javascript:alert(1)) # *y*'
    const document = sampleBriefing({
      frontMatter: { title: evil, subtitle: evil, author: evil, classification: evil, keyPoints: `${evil}\n# h` }
    })
    const [section] = document.sections
    if (!section) throw new Error('sample has sections')
    section.heading = evil
    section.intro = `${evil}\n> quote`
    section.items[0] = sampleItem({ quote: `${evil}\n\n# h`, tags: [{ path: evil, color: null }] })
    document.sources[0] = {
      number: 1,
      articleId: 'a',
      title: evil,
      outlet: evil,
      author: evil,
      publishedAt: null,
      url: null,
      language: null
    }
    const tokens = parse(renderBriefingMarkdown(document))
    const types = new Set(flatten(tokens).map((token) => token.type))
    for (const forbidden of ['html_block', 'html_inline', 'link_open']) expect(types).not.toContain(forbidden)
    expect(headings(tokens).map((h) => h.text)).toEqual([evil, 'Points clés', evil, 'Acteurs/Maroc', 'Sources'])
    expect(renderedText(tokens).split(evil).length - 1).toBeGreaterThanOrEqual(10)
  })

  it('keeps French typography exactly as written', () => {
    const text = renderedText(parse(renderBriefingMarkdown(sampleBriefing())))
    expect(text).toContain(`de «${NBSP}promouvoir la coopération militaire${NBSP}» entre les deux pays`)
    expect(text).toContain(`Ce que dit l’armée israélienne${NBSP}; la sécurité d’Israël`)
    expect(text).toContain(`Étiquettes${NBSP}:`)
  })

  it('uses English labels for an English briefing', () => {
    const text = renderedText(parse(renderBriefingMarkdown(sampleBriefing({ language: 'en-GB' }))))
    expect(text).toContain('Key points')
    expect(text).toContain('Tags:')
    expect(text).toContain('4 March 2024')
    expect(text).not.toContain('Points clés')
  })

  it('says so when the briefing has no notes, and reports progress', () => {
    const empty = sampleBriefing({ sections: [], sources: [] })
    const tokens = parse(renderBriefingMarkdown(empty))
    expect(renderedText(tokens)).toContain('Ce dossier ne contient aucune note.')
    expect(topLevelBlockquotes(tokens)).toHaveLength(0)
    expect(renderedText(parse(renderBriefingMarkdown({ ...empty, language: 'en' })))).toContain(
      'This briefing has no notes.'
    )
  })

  it('prints no heading for an ungrouped section and caps deep headings at level 6', () => {
    const document = sampleBriefing()
    const [first, second] = document.sections
    if (!first || !second) throw new Error('sample has two sections')
    first.heading = ''
    second.level = 9
    expect(headings(parse(renderBriefingMarkdown(document)))).toEqual([
      expect.objectContaining({ level: 1 }),
      { level: 2, text: 'Points clés' },
      { level: 6, text: 'Acteurs/Maroc' },
      { level: 2, text: 'Sources' }
    ])
  })
})

describe('notes that need review and copies of deleted notes', () => {
  /** For each top-level blockquote, the text of the paragraph just before it when that paragraph is all bold. */
  function marks(tokens: Token[]): (string | null)[] {
    return tokens.flatMap((token, index) => {
      if (token.type !== 'blockquote_open' || token.level !== 0) return []
      const inline = tokens[index - 2]
      const children = (inline?.type === 'inline' ? (inline.children ?? []) : []).filter(
        (child) => child.type !== 'text' || child.content !== ''
      )
      const bold = children[0]?.type === 'strong_open' && children[children.length - 1]?.type === 'strong_close'
      return [bold ? renderedText([inline as Token]) : null]
    })
  }

  it('prints the warning in bold above each marked quote, in words, and nothing above the others', () => {
    const tokens = parse(renderBriefingMarkdown(reviewBriefing()))
    expect(marks(tokens)).toEqual([
      '⚠ Passage modifié depuis qu’il a été surligné',
      null,
      '⚠ Passage qui ne figure plus dans l’article'
    ])
    expect(marks(parse(renderBriefingMarkdown(sampleBriefing())))).toEqual([null, null, null])
  })

  it('says after the citation that a quote comes from the copy of a deleted article, and as of when', () => {
    const quotes = topLevelBlockquotes(parse(renderBriefingMarkdown(reviewBriefing())))
    expect(renderedText(quotes[2] ?? [])).toMatch(
      /— \[2\] «\u00a0Accords d’Abraham\u00a0: deux ans après\u00a0» \(état au 1 mars 2024, article supprimé\)$/
    )
    expect(renderedText(quotes[0] ?? [])).not.toContain('état au')
  })

  it('says the same in English for an English briefing, and for a lone deleted note', () => {
    const document = reviewBriefing({ language: 'en' })
    document.sections[1]!.items[0]!.snapshot = { asOf: '2024-03-01', deleted: 'note' }
    const tokens = parse(renderBriefingMarkdown(document))
    expect(marks(tokens)).toEqual(['⚠ Passage changed since highlighted', null, '⚠ Passage no longer in the article'])
    expect(renderedText(topLevelBlockquotes(tokens)[2] ?? [])).toMatch(/\(as of March 1, 2024, note deleted\)$/)
  })
})

describe('escapeMarkdownInline', () => {
  it('renders back to exactly the characters it was given', () => {
    const samples = [
      '# titre',
      '1) un',
      '2024. année',
      '+ plus',
      'a_b_c *d* `e` <f> [g](h) \\ & &eacute; | ~~i~~',
      `«${NBSP}Citation${NBSP}»${NNBSP}! l’apostrophe`
    ]
    for (const sample of samples) {
      const tokens = parse(escapeMarkdownInline(sample))
      expect(tokens.map((token) => token.type)).toEqual(['paragraph_open', 'inline', 'paragraph_close'])
      expect(renderedText(tokens)).toBe(sample)
    }
  })
})
