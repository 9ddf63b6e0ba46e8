/**
 * Imported articles are rendered in the app's own window, so any markup that survived
 * import could run with the app's privileges. These tests feed the sanitizer and the
 * whole HTML route the classic XSS and mXSS vectors and check what comes out the other
 * end: no element the converter does not understand, no attribute but a safe href,
 * and no request made for anything a page refers to.
 */
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { ImportedArticle } from './importedArticle'
import { importFile, importPaste } from './index'
import { sanitizeHtml } from './sanitizeHtml'

const SAFE_HREF = /^(?:https?:|mailto:)/i
const TAG_LIKE = /<\s*\/?\s*[a-z!?]/i

/** Each vector sits between two harmless paragraphs that must survive. */
const XSS_VECTORS: ReadonlyArray<[name: string, html: string]> = [
  ['script tag', '<script>alert(1)</script>'],
  ['script with src', '<script src="https://evil.example/x.js"></script>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['svg onload', '<svg onload=alert(1)><circle r="4"/></svg>'],
  ['svg with embedded script', '<svg><script>alert(1)</script></svg>'],
  ['javascript: link', '<a href="javascript:alert(1)">clic</a>'],
  ['mixed-case javascript: link', '<a href="JaVaScRiPt:alert(1)">clic</a>'],
  [
    'entity-encoded javascript: link',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">clic</a>'
  ],
  ['tab-obfuscated javascript: link', '<a href="jav&#x09;ascript:alert(1)">clic</a>'],
  ['newline-obfuscated javascript: link', '<a href=" jav&#x0A;ascript:alert(1)">clic</a>'],
  ['vbscript: link', '<a href="vbscript:msgbox(1)">clic</a>'],
  ['data: URL link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">clic</a>'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['iframe javascript: src', '<iframe src="javascript:alert(1)"></iframe>'],
  ['object data', '<object data="javascript:alert(1)"></object>'],
  ['embed src', '<embed src="https://evil.example/x.swf">'],
  ['style expression', '<p style="width: expression(alert(1))">stylé</p>'],
  ['style @import', '<style>@import "https://evil.example/x.css";</style>'],
  ['style background url', '<div style="background:url(javascript:alert(1))">fond</div>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['form action', '<form action="javascript:alert(1)"><input type="submit" value="Envoyer"></form>'],
  ['button formaction', '<button formaction="javascript:alert(1)">Envoyer</button>'],
  ['base href', '<base href="javascript:alert(1)//"><a href="/relative">relatif</a>'],
  ['noscript mXSS', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>'],
  [
    'math/mglyph/style mXSS',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>'
  ],
  ['math namespace confusion', '<math><mi><style><img src=x onerror=alert(1)></style></mi></math>'],
  ['template content', '<template><img src=x onerror=alert(1)></template>'],
  ['event handlers everywhere', '<div onclick="alert(1)"><b onmouseover="alert(1)">gras</b></div>'],
  ['details ontoggle', '<details open ontoggle=alert(1)><summary>résumé</summary></details>'],
  ['link rel=import', '<link rel="import" href="https://evil.example/x.html">'],
  ['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css">'],
  ['video poster and onerror', '<video poster="javascript:alert(1)" onerror="alert(1)"><source src="x"></video>'],
  ['audio onerror', '<audio src=x onerror=alert(1)></audio>'],
  ['input autofocus onfocus', '<input autofocus onfocus=alert(1)>'],
  ['textarea breakout', '<textarea></textarea><img src=x onerror=alert(1)></textarea>'],
  ['title breakout', '<title><img src=x onerror=alert(1)></title>'],
  ['comment breakout', '<!--<img src=x onerror=alert(1)>-->'],
  ['xlink:href in svg', '<svg><a xlink:href="javascript:alert(1)"><text>svg</text></a></svg>'],
  ['data attribute payload', '<div data-x="<img src=x onerror=alert(1)>">données</div>'],
  ['unclosed attribute quote', '<a href="https://ok.example/" title="x\' onmouseover=alert(1) ">lien</a>']
]

function wrap(vector: string): string {
  return `<html><body><p>Texte sûr avant le vecteur.</p>${vector}<p>Texte sûr après le vecteur.</p></body></html>`
}

function expectInert(article: ImportedArticle): void {
  const texts = article.blocks.flatMap((block) => [block.text, ...(block.runs ?? []).map((run) => run.text)])
  for (const text of texts) expect(text).not.toMatch(TAG_LIKE)
  for (const run of article.blocks.flatMap((block) => block.runs ?? [])) {
    if (run.href !== undefined) expect(run.href).toMatch(SAFE_HREF)
  }
  const serialized = JSON.stringify(article).toLowerCase()
  for (const leftover of ['javascript:', 'vbscript:', 'data:text', 'onerror', 'onload', 'alert(']) {
    expect(serialized).not.toContain(leftover)
  }
  const joined = article.blocks.map((block) => block.text).join('\n')
  expect(joined).toContain('Texte sûr avant le vecteur.')
  expect(joined).toContain('Texte sûr après le vecteur.')
}

describe('sanitizeHtml', () => {
  it.each(XSS_VECTORS)('leaves only known elements and safe hrefs: %s', (_name, vector) => {
    const body = sanitizeHtml(wrap(vector))
    for (const element of Array.from(body.querySelectorAll('*'))) {
      expect(element.localName).toMatch(/^(?:[a-z]+[1-6]?)$/)
      expect(['script', 'style', 'img', 'svg', 'math', 'iframe', 'template', 'noscript']).not.toContain(
        element.localName
      )
      for (const attribute of Array.from(element.attributes)) {
        expect(attribute.name).toBe('href')
        expect(attribute.value).toMatch(SAFE_HREF)
      }
    }
  })

  it('keeps text that merely talks about markup, as text', () => {
    const body = sanitizeHtml('<p>Le code &lt;img src=x onerror=alert(1)&gt; a circulé.</p>')
    expect(body.querySelector('img')).toBeNull()
    expect(body.textContent).toBe('Le code <img src=x onerror=alert(1)> a circulé.')
  })
})

describe('XSS vectors through the whole HTML import', () => {
  it.each(XSS_VECTORS)('a saved page with %s imports as inert text', async (_name, vector) => {
    expectInert(await importFile({ name: 'page.html', bytes: new TextEncoder().encode(wrap(vector)) }))
  })

  it.each(XSS_VECTORS)('a pasted fragment with %s imports as inert text', async (_name, vector) => {
    expectInert(await importPaste({ html: wrap(vector) }))
  })
})

it('drops the unclosed mglyph/style mXSS vector together with the text it swallows', async () => {
  const html = '<p>Texte sûr avant le vecteur.</p><math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'
  const article = await importPaste({ html: `${html}<p>Avalé par le style.</p>` })
  expect(article.blocks).toEqual([{ type: 'paragraph', text: 'Texte sûr avant le vecteur.' }])
})

describe('resources a page refers to', () => {
  const requests: string[] = []
  let server: http.Server
  let origin = ''

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      requests.push(request.url ?? '')
      response.end('')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  it('are never fetched, whatever the page asks for', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch')
    const httpSpy = vi.spyOn(http, 'request')
    const httpsSpy = vi.spyOn(https, 'request')
    const page = `<!DOCTYPE html><html><head>
      <base href="${origin}/base/">
      <link rel="stylesheet" href="${origin}/style.css">
      <link rel="import" href="${origin}/import.html">
      <link rel="preload" as="script" href="${origin}/preload.js">
      <meta http-equiv="refresh" content="0;url=${origin}/refresh">
      <style>@import url("${origin}/imported.css"); body { background: url("${origin}/bg.png") }</style>
      <script src="${origin}/script.js"></script>
      <script>fetch("${origin}/inline-fetch"); new Image().src = "${origin}/inline-image"</script>
      </head><body onload="fetch('${origin}/onload')">
      <p>Un article qui référence des ressources externes, sans jamais les charger.</p>
      <img src="${origin}/photo.jpg" srcset="${origin}/photo-2x.jpg 2x">
      <picture><source srcset="${origin}/source.webp"></picture>
      <iframe src="${origin}/frame.html"></iframe>
      <video src="${origin}/video.mp4" poster="${origin}/poster.jpg"></video>
      <object data="${origin}/object.swf"></object>
      <embed src="${origin}/embed.swf">
      <svg><image href="${origin}/svg-image.png"></image></svg>
      <p>Deuxième paragraphe, toujours rien à télécharger.</p>
      </body></html>`
    await importFile({ name: 'ressources.html', bytes: new TextEncoder().encode(page) })
    await importPaste({ html: page })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(requests).toEqual([])
    expect(fetchSpy).not.toHaveBeenCalled()
    expect(httpSpy).not.toHaveBeenCalled()
    expect(httpsSpy).not.toHaveBeenCalled()
  })
})
