/** Start-up of a data folder: what openDossier (dossier.ts) runs before it serves anything. */
export { keepHouse } from './housekeeping'
export { prepareDataFolder } from './prepareDataFolder'
export { failEveryWrite, refuseWrites, WRITES } from './readOnlyMode'
export { addSampleArticle, type SampleArticle } from './sampleArticle'
export { naming, startupFailureMessage } from './startupFailure'
export { notesOf, UnreadableFiles } from './unreadableFiles'
export { readOnlyBanner, readOnlyNotice, simulatedWriteFailure, type WriteProbe } from './writeAccess'
