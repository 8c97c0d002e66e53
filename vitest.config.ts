import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
		// Two cores, and the end-to-end tests spawn real processes: keep parallelism modest so
		// polling deadlines are never hit by starvation rather than by a real failure.
		maxWorkers: 2,
		testTimeout: 30_000,
		hookTimeout: 30_000,
		env: {FORCE_COLOR: '0'},
	},
});
