/**
 * Markdown is read as structure, not rendered: these tests pin the block and run shapes
 * the reading pane receives, and that HTML inside Markdown never becomes markup.
 */
import { describe, expect, it } from 'vitest'
import type { ArticleBlock } from '../../../shared/domain/article'
import { importFile } from './index'
import { importMarkdown, markdownToBlocks } from './markdownImport'

function expectRunsMatchText(blocks: readonly ArticleBlock[]): void {
  for (const block of blocks) {
    if (block.runs) expect(block.runs.map((run) => run.text).join('')).toBe(block.text)
    expect(block.text).not.toMatch(/\n/)
    expect(block.text.trim()).not.toBe('')
  }
}

describe('markdownToBlocks', () => {
  it('turns headings, paragraphs and emphasis into blocks and runs', () => {
    const blocks = markdownToBlocks(
      '# Le titre\n\n## Une partie\n\nDu *texte*, du **gras**, du `code` et du ~~barré~~.\n\nSuite simple\nsur deux lignes.'
    )
    expect(blocks).toEqual([
      { type: 'heading', level: 1, text: 'Le titre' },
      { type: 'heading', level: 2, text: 'Une partie' },
      {
        type: 'paragraph',
        text: 'Du texte, du gras, du code et du barré.',
        runs: [
          { text: 'Du ' },
          { text: 'texte', marks: ['italic'] },
          { text: ', du ' },
          { text: 'gras', marks: ['bold'] },
          { text: ', du ' },
          { text: 'code', marks: ['code'] },
          { text: ' et du ' },
          { text: 'barré', marks: ['strikethrough'] },
          { text: '.' }
        ]
      },
      { type: 'paragraph', text: 'Suite simple sur deux lignes.' }
    ])
    expectRunsMatchText(blocks)
  })

  it('combines nested marks in a fixed order', () => {
    const [block] = markdownToBlocks('***très*** important')
    expect(block?.runs).toEqual([{ text: 'très', marks: ['bold', 'italic'] }, { text: ' important' }])
  })

  it('gives nested list items their depth and list type', () => {
    const blocks = markdownToBlocks('- un\n  - un bis\n    1. premier\n    2. second\n- deux\n\n1. alpha\n2. beta')
    expect(blocks).toEqual([
      { type: 'listitem', listType: 'bullet', depth: 0, text: 'un' },
      { type: 'listitem', listType: 'bullet', depth: 1, text: 'un bis' },
      { type: 'listitem', listType: 'number', depth: 2, text: 'premier' },
      { type: 'listitem', listType: 'number', depth: 2, text: 'second' },
      { type: 'listitem', listType: 'bullet', depth: 0, text: 'deux' },
      { type: 'listitem', listType: 'number', depth: 0, text: 'alpha' },
      { type: 'listitem', listType: 'number', depth: 0, text: 'beta' }
    ])
  })

  it('makes each paragraph of a block quote a quote block, and keeps quoted lists as lists', () => {
    const blocks = markdownToBlocks('> Premier paragraphe.\n>\n> Second *paragraphe*.\n>\n> - point cité\n\nAprès.')
    expect(blocks).toEqual([
      { type: 'quote', text: 'Premier paragraphe.' },
      {
        type: 'quote',
        text: 'Second paragraphe.',
        runs: [{ text: 'Second ' }, { text: 'paragraphe', marks: ['italic'] }, { text: '.' }]
      },
      { type: 'listitem', listType: 'bullet', depth: 0, text: 'point cité' },
      { type: 'paragraph', text: 'Après.' }
    ])
  })

  it('keeps http(s) and mailto links and drops the others, keeping their text', () => {
    const [block] = markdownToBlocks(
      '[Le Monde](https://www.lemonde.fr/) · [écrire](mailto:redaction@example.fr) · [piège](javascript:alert(1)) · [local](file:///etc/passwd) · [relatif](/a)'
    )
    expect(block?.text).toBe('Le Monde · écrire · piège · local · relatif')
    expect(block?.runs).toEqual([
      { text: 'Le Monde', href: 'https://www.lemonde.fr/' },
      { text: ' · ' },
      { text: 'écrire', href: 'mailto:redaction@example.fr' },
      { text: ' · piège · local · relatif' }
    ])
  })

  it('keeps bold text inside a link as one formatted, linked run', () => {
    const [block] = markdownToBlocks('Voir [le **rapport** complet](https://example.fr/r).')
    expect(block?.runs).toEqual([
      { text: 'Voir ' },
      { text: 'le ', href: 'https://example.fr/r' },
      { text: 'rapport', marks: ['bold'], href: 'https://example.fr/r' },
      { text: ' complet', href: 'https://example.fr/r' },
      { text: '.' }
    ])
  })

  it('leaves raw HTML as inert visible text', () => {
    const blocks = markdownToBlocks(
      '<script>alert("x")</script>\n\nTexte avec <img src=x onerror=alert(1)> dedans.\n\n<div onclick="x()">bloc</div>'
    )
    expect(blocks).toEqual([
      { type: 'paragraph', text: '<script>alert("x")</script>' },
      { type: 'paragraph', text: 'Texte avec <img src=x onerror=alert(1)> dedans.' },
      { type: 'paragraph', text: '<div onclick="x()">bloc</div>' }
    ])
    expect(blocks.every((block) => block.runs === undefined)).toBe(true)
  })

  it('keeps quotes and dashes exactly as typed (no typographic replacement)', () => {
    const text = 'Il a dit "oui" -- puis (c) 2024... et « non » ?'
    expect(markdownToBlocks(text)).toEqual([{ type: 'paragraph', text }])
  })

  it('turns each line of a code block into a code paragraph, keeping indentation', () => {
    expect(markdownToBlocks('```\nif (a) {\n  b()\n}\n```')).toEqual([
      { type: 'paragraph', text: 'if (a) {', runs: [{ text: 'if (a) {', marks: ['code'] }] },
      { type: 'paragraph', text: '  b()', runs: [{ text: '  b()', marks: ['code'] }] },
      { type: 'paragraph', text: '}', runs: [{ text: '}', marks: ['code'] }] }
    ])
  })

  it('reads a table row by row', () => {
    expect(markdownToBlocks('| Pays | Effectifs |\n|---|---|\n| Mali | 400 |')).toEqual([
      { type: 'paragraph', text: 'Pays | Effectifs' },
      { type: 'paragraph', text: 'Mali | 400' }
    ])
  })

  it('drops images, which are not imported yet', () => {
    expect(markdownToBlocks('Avant ![une photo](photo.jpg) après')).toEqual([
      { type: 'paragraph', text: 'Avant après' }
    ])
  })
})

describe('importMarkdown', () => {
  it('takes the first level-1 heading as the title', () => {
    expect(importMarkdown('## Chapeau\n\n# Le vrai titre\n\nTexte.').title).toBe('Le vrai titre')
    expect(importMarkdown('## Seul intertitre\n\nTexte.').title).toBe('Seul intertitre')
    expect(importMarkdown('Une phrase d’ouverture. Une autre.').title).toBe('Une phrase d’ouverture')
  })

  it('reads web-clipper front matter as metadata and not as text', () => {
    const article = importMarkdown(
      [
        '---',
        'title: "Au Sahel, la France renforce sa présence"',
        'source: https://www.lequotidien.fr/sahel',
        'author: "[[Jeanne Martin]]"',
        'published: 2024-03-05',
        'site: Le Quotidien',
        'tags:',
        '  - défense',
        '---',
        '',
        'Le ministère des Armées a annoncé mardi l’envoi de nouveaux moyens dans la région.'
      ].join('\n')
    )
    expect(article).toMatchObject({
      title: 'Au Sahel, la France renforce sa présence',
      sourceUrl: 'https://www.lequotidien.fr/sahel',
      author: 'Jeanne Martin',
      publishedAt: '2024-03-05',
      outlet: 'Le Quotidien',
      language: 'fr'
    })
    expect(article.blocks).toEqual([
      { type: 'paragraph', text: 'Le ministère des Armées a annoncé mardi l’envoi de nouveaux moyens dans la région.' }
    ])
  })

  it('leaves a leading rule alone when it is not front matter', () => {
    const blocks = importMarkdown('---\nUne phrase entre deux règles.\n\n---\n\nSuite.').blocks
    expect(blocks.map((block) => block.text)).toEqual(['Une phrase entre deux règles.', 'Suite.'])
  })

  it('imports a .md file end to end', async () => {
    const article = await importFile({
      name: 'note.md',
      bytes: new TextEncoder().encode('# Note\r\n\r\nUn paragraphe **important**.\r\n')
    })
    expect(article).toMatchObject({ format: 'markdown', title: 'Note', sourceFile: 'note.md' })
    expect(article.blocks).toHaveLength(2)
    expectRunsMatchText(article.blocks)
  })
})
