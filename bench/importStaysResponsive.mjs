// Why this exists: issue 12 asks that a 3 MB import take at most 1 s over the API and that no
// API answer take more than 100 ms during it or after it (indexing the new article for search
// used to block the serving thread for 0.6 s once the import had answered).
//
// What the code does: generates a 3.0 MB French web page (1,000 paragraphs of `frenchText.mjs`
// text, 85% of its content words drawn from a 30,000-word Zipf vocabulary as in
// searchLibrary.mjs, so the article has a real text's vocabulary rather than 181 words). For
// each of two hosts, on a fresh data folder: starts the built host, waits until `listArticles`
// answers, then sends the page with `importFile` (the way the Import button sends it) and,
// from that moment until 2 s after the import answered, calls `listArticles` again and again,
// each call starting 20 ms after the previous one started (or as soon as it answers, when it
// took longer). It records the import's duration (client-side, from sending to its answer)
// and every probe's round trip; a probe counts as "during" when it started before the import
// answered, else "after". Rows: the import's duration and the slowest probe (during and
// after together). Baseline, same run, same page and probing: the host started with
// DOSSIER_IMPORT_WORKER=off, which parses on the thread that serves the API (the design
// without a worker). Finally it searches for a word only the page's last paragraph has, every
// 100 ms, until the article is found (the index takes a long text in slices, so that is not
// at once), and logs how long after the import's answer that was and the slowest of those
// searches; a failed import, or an
// article still not found after 120 s, fails the benchmark. A request sent on a keep-alive
// socket the host closed just then is sent again, its time counted from the first try.
// Run alone with `node bench/importStaysResponsive.mjs` after a build.
import fs from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  createRandom,
  frenchParagraph,
  frenchVocabulary,
  FUNCTION_WORDS,
  withVocabulary,
  zipfPicker
} from './lib/frenchText.mjs'
import { startHost } from './lib/host.mjs'
import { formatBytes, formatMs } from './lib/stats.mjs'

const PARAGRAPHS = 1000
const PARAGRAPH_BYTES = 2350
const VOCABULARY = 30_000
const RARE_SHARE = 0.85
/** A probe starts this long after the previous one started. */
const PROBE_EVERY_MS = 20
/** Probing goes on this long after the import answered: indexing comes after the answer. */
const AFTER_MS = 2000
const TARGET_IMPORT_MS = 1000
/** Slowest listArticles answer allowed during and after the import (issue 12). */
const TARGET_ANSWER_MS = 100
/** A word no generated text has, put in the last paragraph so the search proves the whole body is indexed. */
const LAST_WORD = 'xylophonistique'
/** A busy machine may take long to index 3 MB; past this the benchmark fails rather than wait forever. */
const SEARCHABLE_WITHIN_MS = 120_000

export function bigPage() {
  const random = createRandom(1203)
  const draw = zipfPicker(frenchVocabulary(12, VOCABULARY), random, 100)
  const paragraphs = Array.from({ length: PARAGRAPHS }, (_, i) => {
    const text = withVocabulary(frenchParagraph(random, PARAGRAPH_BYTES), random, draw, RARE_SHARE, FUNCTION_WORDS)
    return i === PARAGRAPHS - 1 ? `${text} Le mot ${LAST_WORD} clôt le dossier.` : text
  })
  const body = paragraphs.map((text) => `<p>${text}</p>`).join('\n')
  return (
    '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Dossier de presse</title></head>' +
    `<body><article><h1>Dossier de presse</h1>\n${body}\n</article></body></html>`
  )
}

/**
 * A host blocked for seconds closes its idle keep-alive sockets as soon as it resumes,
 * sometimes just as a new request goes out on one; that request is sent again, and the
 * wait counts from the first try.
 */
async function callOnce(host, method, input, fileBytes = null) {
  for (let attempt = 0; ; attempt++) {
    try {
      if (fileBytes === null) return await host.value(method, input)
      // A file goes as the app sends it: its bytes as the body (src/shared/api/client.ts).
      const result = await host.callWithFile(method, input, fileBytes)
      if (!result.ok) throw new Error(`${method} failed: ${result.error?.code} ${result.error?.message}`)
      return result.value
    } catch (error) {
      if (host.exit()) {
        const { code, signal } = host.exit()
        throw new Error(
          `the host ended (code ${code}, signal ${signal}) during ${method}:\n${host.output().slice(-2000)}`
        )
      }
      if (attempt >= 2 || error?.cause?.code !== 'UND_ERR_SOCKET') throw error
    }
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))

/** Imports `html` and probes `listArticles` during the import and for AFTER_MS after it. */
async function measure(dataDir, env, html) {
  const host = await startHost(dataDir, { env })
  try {
    await callOnce(host, 'listArticles', {})
    const during = []
    const after = []
    let answeredAt = null
    const started = performance.now()
    const importing = callOnce(
      host,
      'importFile',
      { name: 'dossier-de-presse.html' },
      new TextEncoder().encode(html)
    ).finally(() => (answeredAt = performance.now()))
    // Awaited after the probing; a failed probe must not leave its rejection unhandled meanwhile.
    importing.catch(() => {})
    while (answeredAt === null || performance.now() - answeredAt < AFTER_MS) {
      const asked = performance.now()
      const wasImporting = answeredAt === null
      await callOnce(host, 'listArticles', {})
      ;(wasImporting ? during : after).push(performance.now() - asked)
      await sleep(asked + PROBE_EVERY_MS - performance.now())
    }
    const outcome = await importing
    if (!outcome.ok) throw new Error(`the import failed: ${outcome.reason}`)
    // Searchable once a search finds the last paragraph's word (the index takes the text in slices).
    let searchMs = 0
    for (;;) {
      const asked = performance.now()
      const found = await callOnce(host, 'search', { query: LAST_WORD })
      searchMs = Math.max(searchMs, performance.now() - asked)
      if (found.articles.some((hit) => hit.articleId === outcome.article.id)) break
      if (performance.now() - answeredAt > SEARCHABLE_WITHIN_MS) {
        throw new Error(`${SEARCHABLE_WITHIN_MS / 1000} s after the import, "${LAST_WORD}" still finds nothing`)
      }
      await sleep(100)
    }
    const searchableMs = performance.now() - answeredAt
    return {
      importMs: answeredAt - started,
      worstDuringMs: during.length ? Math.max(...during) : null,
      worstAfterMs: after.length ? Math.max(...after) : null,
      worstMs: Math.max(0, ...during, ...after),
      probes: during.length + after.length,
      searchMs,
      searchableMs
    }
  } finally {
    await host.stop()
  }
}

const slowest = (ms) => (ms === null ? 'none started' : formatMs(ms))

function describe(label, result) {
  return (
    `${label}: import ${formatMs(result.importMs)}; slowest of ${result.probes} listArticles` +
    ` ${slowest(result.worstDuringMs)} during, ${slowest(result.worstAfterMs)} in the 2 s after;` +
    ` its last paragraph searchable ${formatMs(result.searchableMs)} after the import answered` +
    ` (slowest of those searches: ${formatMs(result.searchMs)})`
  )
}

export async function run({ workDir, log = console.log }) {
  const dir = path.join(workDir, 'import-stays-responsive')
  await fs.mkdir(dir, { recursive: true })
  const html = bigPage()
  const size = formatBytes(Buffer.byteLength(html))
  log(`generated a ${size} web page (${PARAGRAPHS.toLocaleString('en-US')} paragraphs)`)
  const worker = await measure(path.join(dir, 'worker'), {}, html)
  log(describe('worker', worker))
  const serving = await measure(path.join(dir, 'serving-thread'), { DOSSIER_IMPORT_WORKER: 'off' }, html)
  log(describe('serving thread', serving))
  return {
    rows: [
      {
        name: `Import ${size}: time over the API`,
        value: formatMs(worker.importMs),
        baseline: `${formatMs(serving.importMs)} on serving thread`,
        ratio: `${(worker.importMs / serving.importMs).toFixed(2)}×`,
        target: `≤ ${TARGET_IMPORT_MS.toLocaleString('en-US')} ms`,
        pass: worker.importMs <= TARGET_IMPORT_MS
      },
      {
        name: '  … slowest answer during + 2 s after',
        value: formatMs(worker.worstMs),
        baseline: `${formatMs(serving.worstMs)} on serving thread`,
        ratio: `${(serving.worstMs / worker.worstMs).toFixed(1)}× shorter`,
        target: `≤ ${TARGET_ANSWER_MS} ms`,
        pass: worker.worstMs <= TARGET_ANSWER_MS
      }
    ],
    notes: [
      `Import stays responsive: a generated ${size} French web page imported through the API (importFile) while` +
        ` listArticles is called every ${PROBE_EVERY_MS} ms from the import's start until ${AFTER_MS / 1000} s after it` +
        ` answered; the rows are the import's duration and the slowest listArticles answer (started during:` +
        ` ${slowest(worker.worstDuringMs)}, started after: ${slowest(worker.worstAfterMs)}, ${worker.probes} probes).` +
        ` Baseline, same run, same page and probing: the host parsing on the thread that serves the API` +
        ` (DOSSIER_IMPORT_WORKER=off: import ${formatMs(serving.importMs)}, slowest ${slowest(serving.worstDuringMs)}` +
        ` during, ${slowest(serving.worstAfterMs)} after). Then a word of the last paragraph is searched for every` +
        ` 100 ms until it finds the article: searchable ${formatMs(worker.searchableMs)} after the import answered` +
        ` (baseline ${formatMs(serving.searchableMs)}).`
    ]
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { runBenchmarks } = await import('./lib/report.mjs')
  process.exitCode = await runBenchmarks([{ name: 'import-stays-responsive', run }])
}
