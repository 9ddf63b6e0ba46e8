/**
 * Hands a file made by the app (an exported briefing, a bibliography) to the user the way the
 * browser saves a download: in Electron that opens the native save dialog, in browser mode it
 * goes where the browser puts downloads.
 */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started by now; the object URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
