// Why this exists: on a full disk a failed save must leave exactly what last reached disk,
// in memory and on disk: no failed text coming back with the next save, no deleted note
// coming back after a restart, and the user told in words, not "internal: ENOSPC". The
// data folder sits on a small tmpfs (root only: otherwise the case is SKIPPED) that is
// filled up while the host runs; a second case starts the host on the full disk.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { reportLine, seedArticleWithNotes, verdictOf } from './common.mjs'

const TMPFS_SIZE = '16m'
/** Room left after filling: enough for a small notes file and its backup, far too little for the big update. */
const SLACK_BYTES = 48 * 1024
/** Text of each failing update: twice the slack, so the write cannot fit, and under the 100,000 characters a note may hold. */
const BIG_TEXT_CHARS = 95_000
const DISK_FULL_SENTENCE = 'The disk is full: your last change was not saved.'

export async function run({ startHost, scratch }) {
  const names = ['disk full: failed saves and a delete', 'disk full: host starts on a full disk']
  if (process.getuid?.() !== 0) {
    return names.map((name) =>
      reportLine({ name, runs: 0, figures: 'mounting a tmpfs needs root', verdict: 'SKIPPED (not root)' })
    )
  }
  const mountPoint = scratch.folder('disk-full-tmpfs')
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_SIZE}`, 'tmpfs', mountPoint], { stdio: 'pipe' })
  } catch (error) {
    const reason = String(error.stderr ?? error.message)
      .trim()
      .split('\n')[0]
    return names.map((name) =>
      reportLine({ name, runs: 0, figures: `mount failed: ${reason}`, verdict: 'SKIPPED (no tmpfs)' })
    )
  }
  try {
    const dataDir = path.join(mountPoint, 'data')
    const filler = path.join(mountPoint, 'filler')
    return [await failedSaves(startHost, dataDir, filler), await startOnFullDisk(startHost, dataDir, filler)]
  } finally {
    execFileSync('umount', [mountPoint], { stdio: 'pipe' })
  }
}

async function failedSaves(startHost, dataDir, filler) {
  const name = 'disk full: failed saves and a delete'
  let host = await startHost(dataDir)
  try {
    const { articleId, noteIds } = await seedArticleWithNotes(host, 'Disque plein', 3)
    const [first, second, third] = noteIds
    for (const [index, noteId] of noteIds.entries()) {
      await host.value('updateNote', { articleId, noteId, changes: { text: `original ${index + 1}` } })
    }
    fillDisk(filler, SLACK_BYTES)
    const update = (noteId, label) =>
      host.call('updateNote', { articleId, noteId, changes: { text: `${label} ${'x'.repeat(BIG_TEXT_CHARS)}` } })
    // Two failing updates to one notes file, then a failing update alongside a delete of another note.
    const failures = [await update(first, 'failed-1'), await update(first, 'failed-2')]
    const [thirdUpdate, deletion] = await Promise.all([
      update(second, 'failed-3'),
      host.call('deleteNote', { articleId, noteId: third })
    ])
    failures.push(thirdUpdate)
    const inMemory = await textsOf(host, articleId)
    fs.rmSync(filler)
    const after = await host.call('updateNote', { articleId, noteId: first, changes: { text: 'after' } })
    await host.stop()
    host = await startHost(dataDir)
    const onDisk = await textsOf(host, articleId)

    const failed = failures.filter((result) => !result.ok)
    const worded = failed.filter((result) => result.error.message.includes(DISK_FULL_SENTENCE))
    // A failed text seen again, or the deleted note seen again, is a resurrection.
    const resurrected = (texts) =>
      [...texts.values()].filter((text) => text.startsWith('failed-')).length +
      (deletion.ok && texts.has(third) ? 1 : 0)
    const resurrections = resurrected(inMemory) + resurrected(onDisk)
    const firstAsExpected =
      onDisk.get(first) === (after.ok ? 'after' : 'original 1') && onDisk.get(second) === 'original 2'
    const figures =
      `updates failed ${failed.length} of ${failures.length}, delete ${deletion.ok ? 'saved' : 'failed'},` +
      ` resurrections ${resurrections} (memory and after restart), later save ${after.ok ? 'saved' : 'failed'},` +
      ` disk-full sentence ${worded.length} of ${failed.length}` +
      (failed[0] && worded.length < failed.length ? ` (got “${failed[0].error.message.slice(0, 60)}”)` : '')
    const passed =
      failed.length === failures.length && resurrections === 0 && firstAsExpected && worded.length === failed.length
    return reportLine({ name, runs: 1, figures, verdict: verdictOf(passed) })
  } catch (error) {
    return reportLine({ name, runs: 0, figures: `stopped: ${String(error.message).split('\n')[0]}`, verdict: 'FAIL' })
  } finally {
    await host.stop()
    fs.rmSync(filler, { force: true })
  }
}

/** The data folder is full before the host starts: it must start (read-only, saying so) and leave no stray lock temp file. */
async function startOnFullDisk(startHost, dataDir, filler) {
  const name = 'disk full: host starts on a full disk'
  fillDisk(filler, 0)
  let host
  try {
    host = await startHost(dataDir)
  } catch (error) {
    const reason = String(error.message).split('\n').slice(1).join(' ').slice(0, 120)
    return reportLine({ name, runs: 1, figures: `did not start: ${reason}`, verdict: 'FAIL' })
  } finally {
    fs.rmSync(filler, { force: true })
  }
  try {
    const notices = await host.value('listNotices')
    const banner = notices.find((notice) => /disk is full|read-only/i.test(notice.message))
    const strays = fs.readdirSync(dataDir).filter((file) => /^dossier\.lock\..*\.tmp$/.test(file))
    const figures = `started; notice ${banner ? `“${banner.message.slice(0, 80)}”` : 'none'}; stray lock temp files ${strays.length}`
    return reportLine({ name, runs: 1, figures, verdict: verdictOf(Boolean(banner) && strays.length === 0) })
  } finally {
    await host.stop()
  }
}

async function textsOf(host, articleId) {
  return new Map((await host.value('listNotes', { articleId })).map((note) => [note.id, note.text]))
}

/** Writes `filler` until the file system is full, then gives back `slack` bytes. */
function fillDisk(filler, slack) {
  const descriptor = fs.openSync(filler, 'w')
  let written = 0
  try {
    // Big chunks first, then smaller ones, down to the last free bytes.
    for (const chunkSize of [1024 * 1024, 64 * 1024, 4096, 512, 1]) {
      const chunk = Buffer.alloc(chunkSize, 1)
      try {
        for (;;) written += fs.writeSync(descriptor, chunk)
      } catch (error) {
        if (error.code !== 'ENOSPC') throw error
      }
    }
  } finally {
    fs.closeSync(descriptor)
  }
  if (slack > 0) fs.truncateSync(filler, Math.max(0, written - slack))
}
