import { defineConfig } from 'vitest/config'

// Unit tests only: e2e specs belong to Playwright and live in e2e/ (their support code has unit tests of its own).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'e2e/support/**/*.test.ts'],
    // Node by default; a renderer test that renders React (Testing Library) opens with `// @vitest-environment jsdom`,
    // so jsdom's start-up (seconds) is paid only by the files that need a document.
    environment: 'node',
    restoreMocks: true,
    // Ceilings, not speed checks (speed lives in npm run bench): the first jsdom, mammoth or pdf.js load takes about
    // 4 s on an idle 2-core machine, and CI machines are shared. Generous, so only a hang fails.
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
