/** An exported briefing arrives as base64 in both transports; decoded, it is saved as a download. */
import { saveBlob } from '../lib/saveDownload'

export function saveDownload(file: { fileName: string; mimeType: string; dataBase64: string }): void {
  const bytes = Uint8Array.from(atob(file.dataBase64), (char) => char.charCodeAt(0))
  saveBlob(file.fileName, new Blob([bytes], { type: file.mimeType }))
}
