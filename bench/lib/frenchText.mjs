// Why this exists: benchmarks need large, French-looking text (accents, « guillemets »,
// apostrophes) that is the same on every run, so figures compare between runs and machines.

const WORDS = (
  'le la les un une des du de et à au aux en dans sur sous pour par avec sans chez vers entre ' +
  'gouvernement ministre député préfecture mairie région département état république assemblée ' +
  'réforme économie société énergie santé hôpital école université enquête procès tribunal ' +
  'été hiver printemps automne année siècle journée soirée matinée décennie ' +
  'élu élue élections électeurs électrices opposition majorité président présidente sénat ' +
  'déjà très où là après même début fin côté cœur œuvre forêt île maïs Noël août ' +
  'français française européen européenne étranger étrangère général générale public publique ' +
  'a été est sont était avait fera pourrait devrait semble reste demeure annonce précise déclare ' +
  'rapport étude chiffre hausse baisse prix salaire emploi chômage grève syndicat négociation ' +
  'ville village campagne littoral montagne rivière réseau transport gare aéroport autoroute ' +
  'sécurité écologie agriculture agriculteurs pêche industrie usine entreprise société marché ' +
  'débat décision réunion conférence accord traité crise guerre paix frontière défense'
).split(/\s+/)

/** The common words every generated sentence is made of (function words and frequent nouns). */
export const COMMON_WORDS = WORDS
/** Those of them that are grammar (articles, prepositions, auxiliaries), which every real text is full of. */
export const FUNCTION_WORDS = new Set(
  'le la les un une des du de et à au aux en dans sur sous pour par avec sans chez vers entre a été est sont était avait'.split(
    ' '
  )
)

const NAMES = ['Hélène', 'François', 'Zoé', 'Jérôme', 'Amélie', 'Noël', 'Anaïs', 'Loïc', 'Océane', 'Benoît']
const QUOTED = [
  'nous ne lâcherons rien',
  'la situation reste préoccupante',
  'c’est une première étape',
  'il faut aller plus loin',
  'rien n’est encore décidé',
  'les élus doivent être à la hauteur'
]

/** mulberry32: a tiny, fast, seedable generator; the same seed always gives the same text. */
export function createRandom(seed) {
  let state = seed >>> 0
  return function random() {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = (random, list) => list[Math.floor(random() * list.length)]

/** One sentence: 8–22 words, sometimes a quotation in guillemets or an elision. */
export function frenchSentence(random) {
  const count = 8 + Math.floor(random() * 15)
  const words = []
  for (let i = 0; i < count; i++) {
    let word = pick(random, WORDS)
    if (i > 0 && random() < 0.06) word = `l’${word}`
    if (i > 2 && i < count - 1 && random() < 0.05) word += ','
    words.push(word)
  }
  const first = words[0]
  words[0] = first.charAt(0).toUpperCase() + first.slice(1)
  let sentence = words.join(' ')
  const roll = random()
  // French typography: a non-breaking space inside guillemets and before « : ».
  if (roll < 0.15) sentence += `, selon ${pick(random, NAMES)} : «\u00a0${pick(random, QUOTED)}\u00a0»`
  else if (roll < 0.2) sentence = `«\u00a0${pick(random, QUOTED)}\u00a0», explique ${pick(random, NAMES)}. ${sentence}`
  return `${sentence}.`
}

/** A paragraph of sentences, within a few bytes of `targetBytes` of UTF-8. */
export function frenchParagraph(random, targetBytes) {
  const sentences = []
  let bytes = 0
  const add = (sentence) => {
    const added = Buffer.byteLength(sentence) + (sentences.length > 0 ? 1 : 0)
    if (sentences.length > 0 && bytes + added > targetBytes) return false
    sentences.push(sentence)
    bytes += added
    return true
  }
  while (add(frenchSentence(random)));
  // Top up with short sentences so every paragraph has nearly the same size.
  for (let misses = 0; misses < 8;) {
    const word = pick(random, WORDS)
    if (!add(`${word.charAt(0).toUpperCase()}${word.slice(1)} ${pick(random, WORDS)}.`)) misses++
  }
  return sentences.join(' ')
}

/** `count` paragraphs whose text, joined by blank lines, is about `totalBytes` of UTF-8. */
export function frenchParagraphs(seed, count, totalBytes) {
  const random = createRandom(seed)
  const perParagraph = Math.floor((totalBytes - 2 * (count - 1)) / count)
  return Array.from({ length: count }, () => frenchParagraph(random, perParagraph))
}

const ONSETS = ['b', 'c', 'ch', 'd', 'f', 'g', 'gr', 'j', 'l', 'm', 'n', 'p', 'pr', 'qu', 'r', 's', 't', 'tr', 'v']
const NUCLEI = [
  'a',
  'e',
  'i',
  'o',
  'u',
  'é',
  'è',
  'ê',
  'â',
  'ô',
  'ou',
  'au',
  'ai',
  'oi',
  'eu',
  'an',
  'on',
  'in',
  'œu',
  'ï'
]
const CODAS = ['', '', '', 'r', 'l', 's', 'n', 'x', 'que', 'ment', 'tion', 'gne', 'tre', 'ble', 'isme', 'ière']

/**
 * A vocabulary of `size` distinct French-looking words (2–4 syllables, accents and « œ »
 * included, about one in twenty capitalised like a name), most frequent first. Real
 * articles draw on tens of thousands of words with a long tail; the common words above
 * alone would put every word in every article, which no library looks like.
 */
export function frenchVocabulary(seed, size) {
  const random = createRandom(seed)
  const words = new Set()
  while (words.size < size) {
    const syllables = 2 + Math.floor(random() * 3)
    let word = ''
    for (let i = 0; i < syllables; i++) word += pick(random, ONSETS) + pick(random, NUCLEI)
    word += pick(random, CODAS)
    if (random() < 0.05) word = word.charAt(0).toUpperCase() + word.slice(1)
    words.add(word)
  }
  return [...words]
}

/**
 * Draws words with Zipf's law, as natural text does: the word of rank r comes about 1/(r + offset)
 * as often. An offset of 100 makes the vocabulary the content words of a language whose first
 * hundred ranks are grammar words (kept apart, see FUNCTION_WORDS).
 */
export function zipfPicker(words, random, offset = 1) {
  const cumulative = new Float64Array(words.length)
  let total = 0
  for (let rank = 0; rank < words.length; rank++) cumulative[rank] = total += 1 / (rank + offset)
  return () => {
    const target = random() * total
    let low = 0
    let high = words.length - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if (cumulative[middle] < target) low = middle + 1
      else high = middle
    }
    return words[low]
  }
}

/** Replaces about `share` of a text's plain lowercase words (but those in `keep`) with words drawn by `draw`. */
export function withVocabulary(text, random, draw, share, keep = new Set()) {
  return text.replace(/(?<![\p{L}’])[a-zàâçéèêëîïôûùüÿœ]+(?![\p{L}’])/gu, (word) =>
    !keep.has(word) && random() < share ? draw() : word
  )
}
