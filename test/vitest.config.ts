import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser tests share one built site and one Chromium; run files one at a time on 2 cores.
    fileParallelism: false,
  },
});
