// Bundles the UI into dist/: index.html, app.js, layout-worker.js, app.css (stable names, so
// the Go server and the Content-Security-Policy need no manifest).
import * as esbuild from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';

const watch = process.argv.includes('--watch');
await mkdir('dist', { recursive: true });
await copyFile('src/index.html', 'dist/index.html');
await copyFile('src/app.css', 'dist/app.css');
await copyFile('src/favicon.svg', 'dist/favicon.svg');

const options = {
  entryPoints: { app: 'src/main.js', 'layout-worker': 'src/layout-worker.js' },
  bundle: true,
  format: 'iife',
  target: ['es2020'],
  minify: !watch,
  sourcemap: watch ? 'inline' : false,
  legalComments: 'linked',
  outdir: 'dist',
  logLevel: 'info',
};
if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  await esbuild.build(options);
}
