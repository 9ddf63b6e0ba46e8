import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { processIdentity } from './processes'

const roots: string[] = []
afterEach(() => roots.splice(0).forEach((root) => fs.rmSync(root, { recursive: true, force: true })))

/** A /proc of our own making, so the parsing is checked with literal values on any system. */
function fakeProc(stat: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-proc-'))
  roots.push(root)
  fs.mkdirSync(path.join(root, 'sys', 'kernel', 'random'), { recursive: true })
  fs.writeFileSync(path.join(root, 'sys', 'kernel', 'random', 'boot_id'), '6f1c2a3b-0000-4000-8000-000000000001\n')
  fs.mkdirSync(path.join(root, '4242'))
  fs.writeFileSync(path.join(root, '4242', 'stat'), stat)
  return root
}

describe('processIdentity', () => {
  it('is the boot id and the start time in clock ticks (field 22 of /proc/<pid>/stat)', () => {
    const stat =
      '4242 (node) S 1 4242 4242 0 -1 4194560 1 2 3 4 5 6 7 8 20 0 11 0 987654 123456 789 18446744073709551615\n'
    expect(processIdentity(4242, fakeProc(stat))).toBe('6f1c2a3b-0000-4000-8000-000000000001:987654')
  })

  it('reads past a command name holding spaces and parentheses', () => {
    const stat = '4242 (my (odd) app) S 1 4242 4242 0 -1 4194560 1 2 3 4 5 6 7 8 20 0 11 0 555 123456 789\n'
    expect(processIdentity(4242, fakeProc(stat))).toBe('6f1c2a3b-0000-4000-8000-000000000001:555')
  })

  it('is null for a process the system says nothing about', () => {
    expect(processIdentity(9999, fakeProc('4242 (node) S 1'))).toBeNull()
  })
})
