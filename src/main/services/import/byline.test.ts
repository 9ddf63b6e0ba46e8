import { describe, expect, it } from 'vitest'
import { bylineInBlocks, parseByline } from './byline'

describe('parseByline', () => {
  it.each([
    ['Par Nadia Benali, le 19 juillet 2022', 'Nadia Benali', '2022-07-19'],
    ['Par Nadia Benali, le 19 juillet 2022 à 10h30', 'Nadia Benali', '2022-07-19'],
    ['Par Jean-Marc Dupont-Aignan - 1er août 2021', 'Jean-Marc Dupont-Aignan', '2021-08-01'],
    ['Propos recueillis par Claire Martin, publié le 3 mars 2024', 'Claire Martin', '2024-03-03'],
    ['By Jane Smith | July 19, 2022', 'Jane Smith', '2022-07-19'],
    ['By Jane Smith on 19 Jul 2022', 'Jane Smith', '2022-07-19'],
    ['Nadia Benali, 19/07/2022', 'Nadia Benali', '2022-07-19'],
    ['Nadia Benali — 2022-07-19', 'Nadia Benali', '2022-07-19'],
    ['Par Nadia Benali', 'Nadia Benali', null],
    ['By Jane Smith and John Doe', 'Jane Smith and John Doe', null],
    // 31 June does not exist: no date rather than a wrong one, and the text stays in the name.
    ['Par Nadia Benali, le 31 juin 2022', 'Nadia Benali, le 31 juin 2022', null],
    // An American month-first date fails the day-first reading (month 19): not guessed.
    ['Jane Smith, 07/19/2022', 'Jane Smith, 07/19/2022', null],
    ['   ', null, null]
  ])('%s', (byline, author, publishedAt) => {
    expect(parseByline(byline)).toEqual({ author, publishedAt })
  })

  it('reads nothing from no byline', () => {
    expect(parseByline(null)).toEqual({ author: null, publishedAt: null })
  })
})

describe('bylineInBlocks', () => {
  it('finds the byline line under a headline', () => {
    const blocks = [
      { text: 'Le Maroc et Israël renforcent leur coopération' },
      { text: 'Par Nadia Benali, le 19 juillet 2022' }
    ]
    expect(bylineInBlocks(blocks)).toEqual({ author: 'Nadia Benali', publishedAt: '2022-07-19' })
  })

  it('does not take a sentence of the article that starts with « Par »', () => {
    const sentence =
      'Par ailleurs, le ministre a rappelé que la coopération militaire entre les deux pays remonte à 2020 et aux accords signés sous médiation américaine.'
    expect(bylineInBlocks([{ text: sentence }])).toBeNull()
    expect(bylineInBlocks([{ text: 'Par ailleurs, rien.' }])).toBeNull()
  })

  it('looks no further than the first four blocks', () => {
    const blocks = [...Array.from({ length: 4 }, () => ({ text: 'Un paragraphe.' })), { text: 'Par Nadia Benali' }]
    expect(bylineInBlocks(blocks)).toBeNull()
  })
})
