import { defineConfig } from 'vitest/config';

// Integration tests drive real outside programs (pre-commit, the packed package in a consumer
// project); `.ci/run` installs what they need and runs them after `npm test`.
export default defineConfig({
  test: {
    include: ['test/integration/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
