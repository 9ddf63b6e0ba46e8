/** A text file made by the app (a bibliography), saved as UTF-8 through the one download path. */
import { saveBlob } from '../lib/saveDownload'

export function saveTextFile(file: { fileName: string; mimeType: string; content: string }): void {
  saveBlob(file.fileName, new Blob([file.content], { type: `${file.mimeType};charset=utf-8` }))
}
