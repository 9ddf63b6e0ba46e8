/**
 * Saved web pages: the metadata a French news page carries, Readability keeping the
 * article and dropping the site around it, and the HTML-to-blocks rules, above all the
 * no-break spaces of French typography, which must survive byte for byte.
 */
import { describe, expect, it } from 'vitest'
import type { ArticleBlock } from '../../../shared/domain/article'
import { htmlFragmentToBlocks, importHtml } from './htmlImport'
import { importFile, importPaste } from './index'

const NBSP = '\u00a0'
const NNBSP = '\u202f'

const QUOTE_PARAGRAPH = `Le ministère des Armées a annoncé mardi l’envoi de nouveaux moyens dans la région. «${NBSP}Nous ne laisserons pas la situation se dégrader${NBSP}», a déclaré la ministre devant la commission de la défense de l’Assemblée nationale.`
const COST_PARAGRAPH = `Selon l’état-major, près de 400 militaires supplémentaires seront mobilisés d’ici l’été. Le coût de l’opération est estimé à 120${NNBSP}millions d’euros${NBSP}; il sera financé par la loi de programmation militaire.`
const QUESTION_PARAGRAPH = `Pour l’opposition, ce renforcement pose question${NBSP}: «${NBSP}Quel est l’objectif politique${NBSP}?${NBSP}», interroge un député, qui réclame un débat au Parlement avant tout nouvel engagement.`

const NEWS_PAGE = `<!DOCTYPE html>
<html lang="fr-FR">
<head>
<meta charset="utf-8">
<title>La France renforce sa présence militaire au Sahel | Le Quotidien</title>
<meta property="og:title" content="La France renforce sa présence militaire au Sahel | Le Quotidien">
<meta property="og:site_name" content="Le Quotidien">
<meta property="og:url" content="https://www.lequotidien.fr/international/article/2024/03/05/sahel?utm_source=og">
<meta property="og:locale" content="fr_FR">
<meta property="article:published_time" content="2024-03-05T08:30:00+01:00">
<meta property="article:author" content="https://www.facebook.com/lequotidien">
<meta name="author" content="Jeanne Martin">
<link rel="canonical" href="https://www.lequotidien.fr/international/article/2024/03/05/sahel">
<link rel="stylesheet" href="/static/site.css">
<script>window.dataLayer = [];</script>
</head>
<body>
<header class="site-header">
  <a href="/" class="logo">Le Quotidien</a>
  <nav><ul><li><a href="/politique">Politique</a></li><li><a href="/international">International</a></li><li><a href="/economie">Économie</a></li></ul></nav>
  <button>Se connecter</button> <a href="/abonnement">S’abonner</a>
</header>
<div class="cookie-banner">Nous utilisons des cookies pour améliorer votre expérience. <button>Accepter</button></div>
<main>
<article>
<h1>La France renforce sa présence militaire au Sahel</h1>
<p>${QUOTE_PARAGRAPH}</p>
<p>${COST_PARAGRAPH}</p>
<h2>Un <em>contexte</em> régional tendu</h2>
<p>Les <strong>tensions</strong> entre les pays de la région se sont accrues depuis le début de l’année. Plusieurs observateurs, dont ceux de l’<a href="https://www.un.org/fr">Organisation des Nations unies</a>, s’inquiètent d’une dégradation rapide de la sécurité des populations civiles, selon un <a href="/international/rapport">rapport récent</a>.</p>
<blockquote><p>«${NBSP}La priorité reste la protection des civils${NBSP}», souligne un diplomate.</p></blockquote>
<p>${QUESTION_PARAGRAPH}</p>
</article>
</main>
<footer><ul><li><a href="/mentions-legales">Mentions légales</a></li><li><a href="/newsletter">Newsletter</a></li></ul><p>© 2024 Le Quotidien. Tous droits réservés.</p></footer>
<script src="https://tracker.example.com/t.js"></script>
</body>
</html>`

const texts = (blocks: readonly ArticleBlock[]): string[] => blocks.map((block) => block.text)

describe('a saved French news page', () => {
  it('yields the page’s metadata', async () => {
    const article = await importFile({ name: 'sahel.html', bytes: new TextEncoder().encode(NEWS_PAGE) })
    expect(article).toMatchObject({
      format: 'html',
      title: 'La France renforce sa présence militaire au Sahel',
      outlet: 'Le Quotidien',
      author: 'Jeanne Martin',
      publishedAt: '2024-03-05T08:30:00+01:00',
      sourceUrl: 'https://www.lequotidien.fr/international/article/2024/03/05/sahel',
      language: 'fr',
      sourceFile: 'sahel.html'
    })
  })

  it('keeps the article and drops the navigation, banner and footer', async () => {
    const { blocks } = importHtml(NEWS_PAGE, { useReadability: true })
    const all = texts(blocks).join('\n')
    expect(all).toContain('Les tensions entre les pays de la région')
    for (const clutter of [
      'Politique',
      'Se connecter',
      'S’abonner',
      'cookies',
      'Mentions légales',
      'Newsletter',
      '©'
    ]) {
      expect(all).not.toContain(clutter)
    }
  })

  it('preserves « guillemets » and the no-break spaces of French typography exactly', () => {
    const { blocks } = importHtml(NEWS_PAGE, { useReadability: true })
    expect(texts(blocks)).toContain(QUOTE_PARAGRAPH)
    expect(texts(blocks)).toContain(COST_PARAGRAPH)
    expect(texts(blocks)).toContain(QUESTION_PARAGRAPH)
  })

  it('keeps structure and formatting: heading, emphasis, quote, links made absolute', () => {
    const { blocks } = importHtml(NEWS_PAGE, { useReadability: true })
    expect(blocks).toContainEqual({
      type: 'heading',
      level: 2,
      text: 'Un contexte régional tendu',
      runs: [{ text: 'Un ' }, { text: 'contexte', marks: ['italic'] }, { text: ' régional tendu' }]
    })
    expect(blocks).toContainEqual({
      type: 'quote',
      text: `«${NBSP}La priorité reste la protection des civils${NBSP}», souligne un diplomate.`
    })
    const links = blocks.flatMap((block) => block.runs ?? []).filter((run) => run.href)
    expect(links).toEqual([
      { text: 'Organisation des Nations unies', href: 'https://www.un.org/fr' },
      { text: 'rapport récent', href: 'https://www.lequotidien.fr/international/rapport' }
    ])
  })
})

describe('metadata fallbacks', () => {
  const body = `<body><article><p>${QUOTE_PARAGRAPH}</p><p>${COST_PARAGRAPH}</p></article></body>`

  it('uses <title> without the site suffix, meta date and og:url', () => {
    const page = `<html><head><title>Sahel : le point — Le Quotidien</title>
      <meta property="og:site_name" content="Le Quotidien"><meta name="date" content="2024-03-05">
      <meta property="og:url" content="https://lequotidien.fr/sahel"></head>${body}</html>`
    expect(importHtml(page, { useReadability: true })).toMatchObject({
      title: 'Sahel : le point',
      publishedAt: '2024-03-05',
      sourceUrl: 'https://lequotidien.fr/sahel'
    })
  })

  it('uses Readability’s title, which drops a site name it does not know, when there is no og:title', () => {
    const page = `<html><head><title>Au Sahel, la France renforce sa présence - Le Quotidien</title></head>${body}</html>`
    expect(importHtml(page, { useReadability: true }).title).toBe('Au Sahel, la France renforce sa présence')
  })

  it('reads the language from http-equiv content-language', () => {
    const page = `<html><head><meta http-equiv="Content-Language" content="en-US"></head>${body}</html>`
    expect(importHtml(page, { useReadability: true }).language).toBe('en')
  })

  it('ignores non-http source URLs and keeps a title with no matching site name whole', () => {
    const page = `<html><head><title>Sahel | Un blog</title><link rel="canonical" href="javascript:alert(1)"></head>${body}</html>`
    expect(importHtml(page, { useReadability: true })).toMatchObject({ title: 'Sahel | Un blog', sourceUrl: null })
  })

  it('takes the language from og:locale, then from the text itself', () => {
    const withLocale = `<html><head><meta property="og:locale" content="en_GB"></head>${body}</html>`
    expect(importHtml(withLocale, { useReadability: true }).language).toBe('en')
    expect(importHtml(`<html>${body}</html>`, { useReadability: true }).language).toBe('fr')
  })

  it('falls back to the first heading for a page with no title', () => {
    const page = `<html><body><h2>Chapeau</h2><h1>Le titre</h1><p>${QUOTE_PARAGRAPH}</p></body></html>`
    expect(importHtml(page, { useReadability: false }).title).toBe('Le titre')
  })
})

describe('encodings of saved pages', () => {
  it('honours a declared Windows-1252 charset', async () => {
    const head = new TextEncoder().encode('<html><head><meta charset="windows-1252"></head><body><p>')
    // "Le cœur de l’armée coûte 5 €" in Windows-1252
    const sentence = [0x4c, 0x65, 0x20, 0x63, 0x9c, 0x75, 0x72, 0x20, 0x64, 0x65, 0x20, 0x6c, 0x92, 0x61, 0x72, 0x6d]
    const rest = [0xe9, 0x65, 0x20, 0x63, 0x6f, 0xfb, 0x74, 0x65, 0x20, 0x35, 0x20, 0x80]
    const tail = new TextEncoder().encode('</p></body></html>')
    const bytes = Uint8Array.from([...head, ...sentence, ...rest, ...tail])
    const article = await importFile({ name: 'ancien.htm', bytes })
    expect(texts(article.blocks)).toEqual(['Le cœur de l’armée coûte 5 €'])
  })
})

describe('htmlFragmentToBlocks', () => {
  it('collapses HTML white space like a browser but keeps NBSP and narrow NBSP', () => {
    const html = `<p>\n   Un   texte\tsur\nplusieurs   lignes${NBSP}${NBSP}avec «${NNBSP}espaces${NNBSP}»  </p>`
    expect(htmlFragmentToBlocks(html)).toEqual([
      { type: 'paragraph', text: `Un texte sur plusieurs lignes${NBSP}${NBSP}avec «${NNBSP}espaces${NNBSP}»` }
    ])
  })

  it('does not double spaces at the edges of formatted runs', () => {
    const [block] = htmlFragmentToBlocks('<p>Un <b> mot </b> <i>clé</i> ici</p>')
    expect(block?.text).toBe('Un mot clé ici')
    expect(block?.runs).toEqual([
      { text: 'Un ' },
      { text: 'mot ', marks: ['bold'] },
      { text: 'clé', marks: ['italic'] },
      { text: ' ici' }
    ])
  })

  it('reads one <br> as a space and two as a paragraph break', () => {
    expect(texts(htmlFragmentToBlocks('<div>ligne un<br>ligne deux<br><br>\n<br>autre paragraphe</div>'))).toEqual([
      'ligne un ligne deux',
      'autre paragraphe'
    ])
  })

  it('nests lists, including lists inside quotes', () => {
    expect(
      htmlFragmentToBlocks(
        '<ul><li>un<ol><li>un.a</li><li><p>un.b</p></li></ol></li><li>deux</li></ul><blockquote><p>cité</p><ul><li>point</li></ul></blockquote>'
      )
    ).toEqual([
      { type: 'listitem', listType: 'bullet', depth: 0, text: 'un' },
      { type: 'listitem', listType: 'number', depth: 1, text: 'un.a' },
      { type: 'listitem', listType: 'number', depth: 1, text: 'un.b' },
      { type: 'listitem', listType: 'bullet', depth: 0, text: 'deux' },
      { type: 'quote', text: 'cité' },
      { type: 'listitem', listType: 'bullet', depth: 0, text: 'point' }
    ])
  })

  it('maps every inline element to its mark', () => {
    const [block] = htmlFragmentToBlocks(
      '<p><strong>a</strong><em>b</em><u>c</u><s>d</s><code>e</code><sup>f</sup><sub>g</sub><b><i>h</i></b></p>'
    )
    expect(block?.runs).toEqual([
      { text: 'a', marks: ['bold'] },
      { text: 'b', marks: ['italic'] },
      { text: 'c', marks: ['underline'] },
      { text: 'd', marks: ['strikethrough'] },
      { text: 'e', marks: ['code'] },
      { text: 'f', marks: ['superscript'] },
      { text: 'g', marks: ['subscript'] },
      { text: 'h', marks: ['bold', 'italic'] }
    ])
  })

  it('splits <pre> into one block per line, keeping its spacing', () => {
    expect(texts(htmlFragmentToBlocks('<pre>ligne  1\n    ligne 2\n\nligne 4</pre>'))).toEqual([
      'ligne  1',
      '    ligne 2',
      'ligne 4'
    ])
  })

  it('reads tables row by row and drops empty blocks', () => {
    const html =
      '<table><tr><th>Pays</th><th>Effectifs</th></tr><tr><td>Mali</td><td>400</td></tr></table><p> </p><div></div>'
    expect(htmlFragmentToBlocks(html)).toEqual([
      { type: 'paragraph', text: 'Pays | Effectifs' },
      { type: 'paragraph', text: 'Mali | 400' }
    ])
  })

  it('makes <aside> an aside block', () => {
    expect(htmlFragmentToBlocks('<aside><p>Lire aussi : autre chose</p></aside>')).toEqual([
      { type: 'aside', text: 'Lire aussi : autre chose' }
    ])
  })
})

describe('Readability and its fallback', () => {
  it('falls back to the whole body when Readability finds too little', () => {
    const page = '<html><body><div>Une brève.</div><div>Deux lignes seulement.</div></body></html>'
    expect(texts(importHtml(page, { useReadability: true }).blocks)).toEqual(['Une brève.', 'Deux lignes seulement.'])
  })

  it('reads the page afresh for the fallback: what Readability took out is back, nav dropped, links made absolute', () => {
    const page =
      '<html><head><meta property="og:url" content="https://www.exemple.fr/breves/1"></head><body>' +
      '<nav><a href="/menu">Menu</a></nav><div>Une <a href="/sahel">brève</a>.</div><div>Deux lignes seulement.</div>' +
      '</body></html>'
    expect(importHtml(page, { useReadability: true }).blocks).toEqual([
      {
        type: 'paragraph',
        text: 'Une brève.',
        runs: [{ text: 'Une ' }, { text: 'brève', href: 'https://www.exemple.fr/sahel' }, { text: '.' }]
      },
      { type: 'paragraph', text: 'Deux lignes seulement.' }
    ])
  })

  it('skips Readability for a small pasted selection, keeping all of it', async () => {
    const article = await importPaste({ html: `<h3>Intertitre</h3><p>${QUOTE_PARAGRAPH}</p>` })
    expect(article.blocks).toEqual([
      { type: 'heading', level: 3, text: 'Intertitre' },
      { type: 'paragraph', text: QUOTE_PARAGRAPH }
    ])
    expect(article.title).toBe('Intertitre')
  })

  it('uses Readability on a whole pasted page', async () => {
    const article = await importPaste({ html: NEWS_PAGE })
    const all = texts(article.blocks).join('\n')
    expect(all).toContain(QUESTION_PARAGRAPH)
    expect(all).not.toContain('Mentions légales')
    expect(article.sourceFile).toBeNull()
  })
})
