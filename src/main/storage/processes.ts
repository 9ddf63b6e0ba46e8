/**
 * Small facts about the operating system that the lock and the durable writer both need:
 * whether an error carries a given errno code, whether a process id is still alive, and
 * which process holds that id (ids are reused, after a reboot especially).
 */
import { readFileSync } from 'node:fs'

export function hasCode(error: unknown, ...codes: string[]): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    codes.includes(error.code)
  )
}

export function isProcessAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return hasCode(error, 'EPERM')
  }
}

/**
 * Who a process id belongs to: on Linux, the boot and the clock tick the process started
 * at, which a process reusing the id after a reboot or much later cannot share. Null where
 * the system does not say (the lock then relies on the id alone).
 */
export function processIdentity(pid: number, procRoot = '/proc'): string | null {
  try {
    const bootId = readFileSync(`${procRoot}/sys/kernel/random/boot_id`, 'utf8').trim()
    const stat = readFileSync(`${procRoot}/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const startTicks = fields[19]
    return bootId && startTicks ? `${bootId}:${startTicks}` : null
  } catch {
    return null
  }
}
