// Notes read as the analyst wrote them: emphasis marks become emphasis, everything else stays text.
import { describe, expect, it } from 'vitest'
import { parseEmphasis } from './emphasis'

describe('parseEmphasis', () => {
  it.each([
    ['plain text', [{ text: 'plain text' }]],
    ['un **point clé** ici', [{ text: 'un ' }, { text: 'point clé', strong: true }, { text: ' ici' }]],
    [
      'le *logiciel* et _Pegasus_',
      [{ text: 'le ' }, { text: 'logiciel', em: true }, { text: ' et ' }, { text: 'Pegasus', em: true }]
    ],
    ['2 * 3 * 4 reste du calcul', [{ text: '2 * 3 * 4 reste du calcul' }]],
    ['snake_case_name', [{ text: 'snake_case_name' }]],
    ['<img src=x onerror=alert(1)> *ok*', [{ text: '<img src=x onerror=alert(1)> ' }, { text: 'ok', em: true }]]
  ])('reads %j', (text, runs) => {
    expect(parseEmphasis(text)).toEqual(runs)
  })
})
