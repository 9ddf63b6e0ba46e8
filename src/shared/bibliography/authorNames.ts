/**
 * Splits an author line as a source prints it (« Nadia Benali et Jean Dupont »,
 * « BENALI Nadia », « Benali, Nadia », « Agence France-Presse ») into CSL names, because
 * styles order, abbreviate and capitalise family and given names differently. A name that
 * reads as an organisation stays whole (`literal`), as Zotero's "single field" names do:
 * splitting « Crisis Group » into a given name and a family name would cite « Group, C. ».
 */
import { foldForSearch } from '../text/fold'

export interface CslName {
  family?: string
  given?: string
  /** « de » in « Charles de Gaulle »: kept before the family name, not sorted on. */
  'non-dropping-particle'?: string
  literal?: string
}

/** Lower-case words that join a given name to a family name (French, Dutch, German, Italian, Portuguese, Spanish). */
const PARTICLES = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'van',
  'von',
  'der',
  'den',
  'da',
  'di',
  'do',
  'dos',
  'del',
  'della',
  'ter',
  'ten'
])

/** Words, compared folded, that make a name an organisation's. */
const ORGANISATION_WORDS = new Set(
  [
    'agence',
    'agency',
    'associated',
    'association',
    'assemblée',
    'assembly',
    'bureau',
    'centre',
    'center',
    'comité',
    'committee',
    'commission',
    'conseil',
    'council',
    'département',
    'department',
    'fondation',
    'foundation',
    'gouvernement',
    'government',
    'group',
    'groupe',
    'institut',
    'institute',
    'ministère',
    'ministry',
    'nations',
    'observatoire',
    'office',
    'organisation',
    'organization',
    'parlement',
    'parliament',
    'presse',
    'press',
    'rédaction',
    'sénat',
    'senate',
    'service',
    'staff',
    'université',
    'university',
    'watch'
  ].map(foldForSearch)
)

/** More words than this is a description or an organisation, not one person's name. */
const MAX_PERSON_WORDS = 5

export function authorNames(line: string): CslName[] {
  return splitPeople(line.replace(/\s+/g, ' ').trim())
    .map((person) => person.trim())
    .filter((person) => person.length > 0)
    .map(personName)
}

/**
 * « ; » always separates people; otherwise « et », « and », « & » and « avec » do, and a comma
 * does unless the line is one « Family, Given » name.
 */
function splitPeople(line: string): string[] {
  if (line.includes(';')) return line.split(';')
  return line.split(/\s+(?:et|and|&|avec|with)\s+/i).flatMap((part) => (isInverted(part) ? [part] : part.split(',')))
}

/** « Benali, Nadia »: one family word (or several capitalised as a particle allows), then given names. */
function isInverted(part: string): boolean {
  const pieces = part.split(',')
  if (pieces.length !== 2) return false
  const family = words(pieces[0] ?? '')
  const given = words(pieces[1] ?? '')
  if (given.length === 0 || given.length > 3 || given.some(isCapitalised) || isOrganisation(part)) return false
  return (
    family.length === 1 || (family.length > 1 && family.slice(0, -1).every((word) => PARTICLES.has(word.toLowerCase())))
  )
}

function personName(person: string): CslName {
  if (isOrganisation(person)) return { literal: person }
  if (person.includes(',')) {
    const [family = '', given = ''] = person.split(',')
    return withParticle(given.trim(), family.trim())
  }
  const parts = words(person)
  // « BENALI Nadia », « Jean-Yves LE DRIAN »: a family name written in capitals, first or last.
  const capitals = parts.map(isCapitalised)
  const firstPlain = capitals.indexOf(false)
  const lastPlain = capitals.lastIndexOf(false)
  if (firstPlain > 0 && capitals.slice(firstPlain).every((capital) => !capital)) {
    return { family: titleCase(parts.slice(0, firstPlain).join(' ')), given: parts.slice(firstPlain).join(' ') }
  }
  if (
    firstPlain === 0 &&
    lastPlain < parts.length - 1 &&
    capitals.slice(0, lastPlain + 1).every((capital) => !capital)
  ) {
    return { family: titleCase(parts.slice(lastPlain + 1).join(' ')), given: parts.slice(0, lastPlain + 1).join(' ') }
  }
  const particleAt = parts.findIndex((word, index) => index > 0 && index < parts.length - 1 && PARTICLES.has(word))
  if (particleAt > 0) {
    let familyAt = particleAt
    while (familyAt < parts.length - 1 && PARTICLES.has(parts[familyAt] ?? '')) familyAt += 1
    return {
      given: parts.slice(0, particleAt).join(' '),
      'non-dropping-particle': parts.slice(particleAt, familyAt).join(' '),
      family: normaliseCapitals(parts.slice(familyAt).join(' '))
    }
  }
  const family = parts[parts.length - 1] ?? person
  return { family: normaliseCapitals(family), given: parts.slice(0, -1).join(' ') }
}

/** « de Gaulle, Charles »: the lower-case words before the family name are its particle. */
function withParticle(given: string, family: string): CslName {
  const parts = words(family)
  let familyAt = 0
  while (familyAt < parts.length - 1 && PARTICLES.has(parts[familyAt] ?? '')) familyAt += 1
  const name: CslName = { family: normaliseCapitals(parts.slice(familyAt).join(' ')), given }
  if (familyAt > 0) name['non-dropping-particle'] = parts.slice(0, familyAt).join(' ')
  return name
}

function isOrganisation(name: string): boolean {
  const parts = words(name)
  if (parts.length <= 1 || parts.length > MAX_PERSON_WORDS) return true
  if (/\d/.test(name)) return true
  return parts.some((word) => ORGANISATION_WORDS.has(foldForSearch(word)))
}

function words(text: string): string[] {
  return text.split(' ').filter((word) => word.length > 0)
}

/** All capitals and at least two letters: « BENALI », « LE », not « J. ». */
function isCapitalised(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '')
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()
}

function normaliseCapitals(family: string): string {
  return words(family).every(isCapitalised) ? titleCase(family) : family
}

/** « LE DRIAN » → « Le Drian », « SAINT-JUST » → « Saint-Just ». */
function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/(^|[\s\-’'])(\p{L})/gu, (_match, before: string, letter: string) => before + letter.toUpperCase())
}
