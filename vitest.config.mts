import { defineConfig } from 'vitest/config'

// Unit tests only: e2e specs belong to Playwright and live in e2e/.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    restoreMocks: true
  }
})
