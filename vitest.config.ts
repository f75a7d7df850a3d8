import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests extract whole reports; on a 2-core CI machine they need room.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
