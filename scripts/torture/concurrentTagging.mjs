// Why this exists: a tag deleted while other windows are tagging notes with it must not
// stay referenced by any note. Twenty clients tag notes (setNoteTags and bulkUpdateNotes)
// with tags that one more client keeps creating and deleting, for 60 s (--quick: 10 s);
// then the host stops and the files on disk are read: every tag id a note holds must name
// a tag of library.json.
import { danglingTagReferences, randomBelow, reportLine, seedArticleWithNotes, sleep, verdictOf } from './common.mjs'

const CLIENTS = 20
const NOTES_PER_ARTICLE = 20
const ARTICLES = 2
/** Live tags kept while the deleter runs: few, so that clients often pick one being deleted. */
const LIVE_TAGS = 6
const DELETE_EVERY_MS = 50

export async function run({ options, startHost, scratch }) {
  const name = `${CLIENTS} clients tagging while tags are deleted`
  const dataDir = scratch.folder('concurrent-tagging')
  const host = await startHost(dataDir)
  const tally = { setNoteTags: 0, bulkUpdateNotes: 0, refused: 0, deleted: 0 }
  try {
    const notes = []
    for (let index = 0; index < ARTICLES; index++) {
      const { articleId, noteIds } = await seedArticleWithNotes(host, `Étiquettes ${index}`, NOTES_PER_ARTICLE)
      for (const noteId of noteIds) notes.push({ articleId, noteId })
    }
    let created = 0
    const newTag = async () => (await host.value('createTag', { path: `Éphémère/${++created}` })).id
    const live = []
    for (let index = 0; index < LIVE_TAGS; index++) live.push(await newTag())

    const until = performance.now() + options.taggingSeconds * 1000
    const running = () => performance.now() < until
    /** The last tags deleted: clients keep using them, as a window that has not yet heard of the deletion would. */
    const recent = []
    const pick = () => {
      const choices = [...live, ...recent]
      return choices[randomBelow(choices.length)]
    }
    const client = async () => {
      while (running()) {
        const note = notes[randomBelow(notes.length)]
        const bulk = Math.random() < 0.5
        const result = bulk
          ? await host.call('bulkUpdateNotes', {
              notes: Array.from({ length: 5 }, () => notes[randomBelow(notes.length)]).filter(
                (ref, index, refs) => refs.findIndex((other) => other.noteId === ref.noteId) === index
              ),
              addTagIds: [pick()]
            })
          : await host.call('setNoteTags', { ...note, tagIds: [...new Set([pick(), pick()])] })
        tally[bulk ? 'bulkUpdateNotes' : 'setNoteTags']++
        if (!result.ok) tally.refused++
      }
    }
    const deleter = async () => {
      while (running()) {
        const victim = live.splice(randomBelow(live.length), 1)[0]
        live.push(await newTag())
        recent.unshift(victim)
        recent.length = Math.min(recent.length, 3)
        if ((await host.call('deleteTag', { tagId: victim })).ok) tally.deleted++
        await sleep(DELETE_EVERY_MS)
      }
    }
    await Promise.all([deleter(), ...Array.from({ length: CLIENTS }, client)])
  } finally {
    await host.stop()
  }
  const dangling = danglingTagReferences(dataDir)
  const figures =
    `${options.taggingSeconds} s: setNoteTags ${tally.setNoteTags}, bulkUpdateNotes ${tally.bulkUpdateNotes}` +
    ` (refused ${tally.refused}), tags deleted ${tally.deleted}; dangling references on disk ${dangling}`
  return [reportLine({ name, runs: 1, figures, verdict: verdictOf(dangling === 0) })]
}
