import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // The diagram cache is made first, in the real temp folder; the guard then gives the run its own.
    globalSetup: ['tests/helpers/global-setup.ts', 'tests/temp-folder-guard.ts'],
    // End-to-end files each launch a Chromium; two at once is what 2 cores carry.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    projects: [
      // Loading pdf.js or a whole build takes seconds on a shared, busy machine: a generous limit.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/fixtures.test.ts'], testTimeout: 30_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser-driving file at a time: the live-reload tests wait on file watching and
          // page reloads, which a PDF export on the other core slowed past their limits.
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
})
