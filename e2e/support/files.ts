/**
 * Files an analyst might bring, made by the tests byte by byte so that what is being
 * tested (encodings, formats, hostile markup) is visible in the test itself.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'

export interface TestFile {
  name: string
  mimeType: string
  buffer: Buffer
}

/** "Le cœur de l’armée coûte 5 €." in Windows-1252, as old French Windows files are. */
export function windows1252File(): TestFile {
  const text =
    'Le c\u0153ur de l\u2019arm\u00e9e co\u00fbte 5 \u20ac.\r\n\r\nDeuxi\u00e8me paragraphe, \u00e9crit \u00e0 Paris.'
  const table: Record<string, number> = { '\u0153': 0x9c, '\u2019': 0x92, '\u20ac': 0x80 }
  const bytes = [...text].map((char) => table[char] ?? char.charCodeAt(0))
  if (bytes.some((byte) => byte > 0xff)) throw new Error('not representable in Windows-1252')
  return { name: 'note-ancienne.txt', mimeType: 'text/plain', buffer: Buffer.from(bytes) }
}

export function markdownFile(): TestFile {
  const markdown = [
    '# Rapport sur la coopération',
    '',
    'Un paragraphe avec de l’*emphase* et du **gras**, et un [lien](https://example.org/source).',
    '',
    '## Points clés',
    '',
    '- Premier point',
    '- Second point',
    '  - Détail imbriqué',
    '',
    '> « Une citation importante », a-t-il dit.',
    ''
  ].join('\n')
  return { name: 'rapport.md', mimeType: 'text/markdown', buffer: Buffer.from(markdown, 'utf8') }
}

export function newsPageFile(): TestFile {
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Rabat et Tel-Aviv renforcent leurs liens | Le Quotidien</title>
<meta property="og:site_name" content="Le Quotidien">
<meta property="og:title" content="Rabat et Tel-Aviv renforcent leurs liens">
<meta name="author" content="Sophie Martin">
<meta property="article:published_time" content="2022-07-19T08:30:00+02:00">
<link rel="canonical" href="https://lequotidien.example/monde/rabat-tel-aviv">
</head><body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<article><h1>Rabat et Tel-Aviv renforcent leurs liens</h1>
<p>Le chef d’état-major israélien est arrivé lundi au Maroc pour «&nbsp;promouvoir la coopération militaire&nbsp;» entre les deux pays, a indiqué l’armée.</p>
<h2>Un accord de défense</h2>
<p>Les deux pays ont signé en novembre un protocole d’accord sur la défense, le premier du genre entre Israël et un pays arabe.</p>
<p>Selon plusieurs diplomates, cette visite ouvre la voie à des exercices conjoints et à des ventes d’armement.</p>
</article><footer>© Le Quotidien — Mentions légales</footer></body></html>`
  return { name: 'rabat-tel-aviv.html', mimeType: 'text/html', buffer: Buffer.from(html, 'utf8') }
}

/** A saved page that tries every trick to run code or call home; only its text may survive. */
export function hostilePageFile(): TestFile {
  const html = `<!doctype html><html><head><title>Page piégée</title>
<meta http-equiv="refresh" content="0;url=https://evil.example/">
<base href="https://evil.example/">
<link rel="stylesheet" href="https://evil.example/style.css">
<style>@import url(https://evil.example/x.css); body { background: url(https://evil.example/bg.png) }</style>
<script>window.__dossierPwned = 'script'</script></head>
<body onload="window.__dossierPwned='onload'">
<h1>Analyse piégée</h1>
<p>Ce texte légitime doit être importé<img src="https://evil.example/pixel.gif" onerror="window.__dossierPwned='img'">.</p>
<p><a href="javascript:window.__dossierPwned='link'">Lien piégé</a> et <a href="https://example.org/">lien sûr</a>.</p>
<svg onload="window.__dossierPwned='svg'"><script>window.__dossierPwned='svg-script'</script></svg>
<iframe srcdoc="<script>parent.__dossierPwned='iframe'</script>" src="https://evil.example/frame"></iframe>
<form action="https://evil.example/steal"><input name="q" autofocus onfocus="window.__dossierPwned='focus'"></form>
<noscript><p title="</noscript><img src=x onerror=window.__dossierPwned='mxss'>"></p></noscript>
<p style="background:url(https://evil.example/style-attr.png)">Deuxième paragraphe légitime, assez long pour compter comme texte.</p>
</body></html>`
  return { name: 'page-piegee.html', mimeType: 'text/html', buffer: Buffer.from(html, 'utf8') }
}

export async function wordFile(): Promise<TestFile> {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Note de synthèse')] }),
          new Paragraph({
            children: [
              new TextRun('Le Maroc et Israël ont '),
              new TextRun({ text: 'renforcé', bold: true }),
              new TextRun(' leur '),
              new TextRun({ text: 'coopération', italics: true }),
              new TextRun(' en 2022.')
            ]
          }),
          new Paragraph({ text: 'Formation conjointe', bullet: { level: 0 } }),
          new Paragraph({ text: 'Transfert de savoir-faire', bullet: { level: 0 } })
        ]
      }
    ]
  })
  return {
    name: 'synthese.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: Buffer.from(await Packer.toBuffer(document))
  }
}

export const badFiles: { file: TestFile; reason: RegExp }[] = [
  { file: { name: 'vide.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) }, reason: /empty/ },
  {
    file: {
      name: 'image.txt',
      mimeType: 'text/plain',
      buffer: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)])
    },
    reason: /binary|not text/
  },
  {
    file: { name: 'rapport.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') },
    reason: /damaged or not a PDF/
  },
  {
    file: { name: 'rapport.odt', mimeType: 'application/vnd.oasis.opendocument.text', buffer: Buffer.from('PK') },
    reason: /unsupported file type \u2068\.odt\u2069/
  },
  {
    file: { name: 'abime.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a zip at all') },
    reason: /damaged|not a \.docx/
  },
  {
    file: {
      name: 'vide.html',
      mimeType: 'text/html',
      buffer: Buffer.from('<html><body><script>1</script></body></html>')
    },
    reason: /no readable text/
  }
]
