#!/usr/bin/env node
// React's development build makes every frame 3–4× costlier (INK-NOTES.md, pitfall 8).
process.env.NODE_ENV = 'production';
await import('../dist/cli.js');
