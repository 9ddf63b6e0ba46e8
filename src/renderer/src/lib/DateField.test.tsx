// @vitest-environment jsdom
// The day field in a French interface: it shows and takes dates the French way, hands back
// ISO days, says when what is typed is not a date, and shows a value set from outside.
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DateField } from './DateField'
import { changeLanguage } from './i18n'

beforeEach(() => changeLanguage('fr'))
afterEach(async () => {
  cleanup()
  await changeLanguage('en')
})

describe('DateField', () => {
  it('writes and reads days the French way', () => {
    const changes: (string | null)[] = []
    const { rerender } = render(<DateField aria-label="Du" value="2022-07-19" onChange={(day) => changes.push(day)} />)
    const field = screen.getByRole('textbox', { name: 'Du' }) as HTMLInputElement
    expect(field.value).toBe('19/07/2022')
    expect(field.placeholder).toBe('jj/mm/aaaa')
    fireEvent.change(field, { target: { value: '3/1/2023' } })
    expect(changes).toEqual(['2023-01-03'])
    fireEvent.change(field, { target: { value: '31/02/2023' } })
    expect(field.getAttribute('aria-invalid')).toBe('true')
    expect(changes).toEqual(['2023-01-03'])
    fireEvent.change(field, { target: { value: '' } })
    expect(changes).toEqual(['2023-01-03', null])
    rerender(<DateField aria-label="Du" value="2024-12-25" onChange={(day) => changes.push(day)} />)
    expect(field.value).toBe('25/12/2024')
  })
})
