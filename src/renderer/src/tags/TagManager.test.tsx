// @vitest-environment jsdom
// The tag manager as a person uses it: a merge target chosen with the keyboard merges nothing
// until Merge is pressed; a parent with no record has the same rename, colour and merge as a
// leaf, applied to its branch; every control's name starts with what it shows (WCAG 2.5.3).
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Tag } from '../../../shared/tags/tags'
import { changeLanguage } from '../lib/i18n'
import { TagManager, type TagBranch } from './TagManager'

beforeAll(async () => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true
  }
  await changeLanguage('en')
})
afterEach(cleanup)

const TAGS: Tag[] = [
  { id: 'isr', path: 'Acteurs/Israël', color: '#2563eb', description: '' },
  { id: 'mar', path: 'Acteurs/Maroc', color: '#2563eb', description: '' },
  { id: 'pays', path: 'Pays', color: '#dc2626', description: '' }
]

function renderManager() {
  const calls: string[] = []
  const branch = ({ path, tag }: TagBranch) => `${path}${tag ? '' : ' (branch)'}`
  render(
    <TagManager
      tags={TAGS}
      usage={[['isr'], ['mar'], ['pays']]}
      onRename={(b, path) => calls.push(`rename ${branch(b)} → ${path}`)}
      onRecolor={(b, color) => calls.push(`colour ${branch(b)} ${color}`)}
      onDescribe={() => {}}
      onDelete={(tag) => calls.push(`delete ${tag.path}`)}
      onMerge={(b, into) => calls.push(`merge ${branch(b)} → ${into.path}`)}
      pinnedTagIds={[]}
      onPin={() => {}}
      onClose={() => {}}
    />
  )
  return calls
}

describe('TagManager', () => {
  it('merges only when Merge is pressed, not when a target is chosen', () => {
    const calls = renderManager()
    const acteurs = screen.getByRole('listitem', { name: 'Acteurs' })
    fireEvent.click(within(acteurs).getByRole('button', { name: 'Merge… Acteurs' }))
    const target = screen.getByRole('combobox', { name: 'Merge Acteurs into' })
    expect([...(target as HTMLSelectElement).options].map((option) => option.text)).toEqual(['Choose a tag…', 'Pays'])
    const merge = screen.getByRole('button', { name: 'Merge' }) as HTMLButtonElement
    expect(merge.disabled).toBe(true)
    fireEvent.change(target, { target: { value: 'pays' } })
    expect(calls).toEqual([])
    fireEvent.click(merge)
    expect(calls).toEqual(['merge Acteurs (branch) → Pays'])
  })

  it('renames and recolours a parent with no record as a branch', () => {
    const calls = renderManager()
    const acteurs = screen.getByRole('listitem', { name: 'Acteurs' })
    fireEvent.click(within(acteurs).getByRole('button', { name: 'Rename… Acteurs' }))
    fireEvent.change(screen.getByRole('textbox', { name: 'New name for Acteurs' }), {
      target: { value: 'Protagonistes' }
    })
    fireEvent.click(screen.getByRole('button', { name: 'Rename' }))
    fireEvent.input(screen.getByLabelText('Colour of every tag under Acteurs'), { target: { value: '#000000' } })
    expect(calls).toEqual(['rename Acteurs (branch) → Protagonistes', 'colour Acteurs (branch) #000000'])
  })

  it('names every button with its visible text first, then the tag', () => {
    renderManager()
    const names = screen.getAllByRole('button').map((button) => button.getAttribute('aria-label') ?? button.textContent)
    for (const button of screen.getAllByRole('button')) {
      expect(button.getAttribute('aria-label') ?? button.textContent).toMatch(new RegExp(`^${button.textContent}`))
    }
    expect(names).toContain('Delete Acteurs/Maroc')
    expect(names).not.toContain('Delete Acteurs')
  })
})
