// Why this exists: several benchmarks measure one TypeScript module of the app directly
// (anchoring, the DOCX exporter, the search terms). This bundles that module and what it
// imports from src/ with Vite's build API into an ES module and imports it, so the real
// code is measured and nothing is re-implemented.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'
import { projectRoot } from './host.mjs'

/**
 * `entry` is relative to the project root; `external` lists packages left to node_modules
 * (loaded as the built app loads them).
 */
export async function bundleModule(entry, outDir, { external = [] } = {}) {
  const fileName = `${path.basename(entry, path.extname(entry))}.mjs`
  await build({
    configFile: false,
    root: projectRoot,
    logLevel: 'silent',
    build: {
      outDir,
      emptyOutDir: true,
      write: true,
      minify: false,
      lib: { entry: path.join(projectRoot, entry), formats: ['es'], fileName: () => fileName },
      rollupOptions: { external }
    }
  })
  return import(pathToFileURL(path.join(outDir, fileName)).href)
}
