// Builds what `clasp push` uploads (rootDir build/): Code.js, sidebar.html, appsscript.json.
//
// Apps Script only sees top-level `function name() {}` declarations (menu items, triggers,
// google.script.run), and an esbuild IIFE hides everything. So: one ESM pass to learn the
// exports of src/main.ts, then the IIFE bundle with a thin global stub per export.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';

const OUT = 'build';
const ENTRY = 'src/main.ts';
const GLOBAL_NAME = '__app';

async function exportNames() {
  const probe = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outfile: `${OUT}/probe.js`,
    logLevel: 'silent',
  });
  const [output] = Object.values(probe.metafile.outputs);
  return [...output.exports].sort();
}

function globalStubs(names) {
  return names.map((name) => `function ${name}() { return ${GLOBAL_NAME}.${name}.apply(this, arguments); }`).join('\n');
}

async function buildServer() {
  const names = await exportNames();
  await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    minifyWhitespace: true,
    minifySyntax: true,
    outfile: `${OUT}/Code.js`,
    footer: { js: globalStubs(names) },
    logLevel: 'warning',
  });
  return names;
}

/** A page of sidebar/: its script bundled and inlined where the HTML says <!-- SCRIPT -->. */
async function buildPage(script, html, out) {
  const bundled = await build({
    entryPoints: [script],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  const code = bundled.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const page = readFileSync(html, 'utf8').replace('<!-- SCRIPT -->', () => `<script>${code}</script>`);
  writeFileSync(`${OUT}/${out}`, page);
}

mkdirSync(OUT, { recursive: true });
const names = await buildServer();
await buildPage('sidebar/main.ts', 'sidebar/index.html', 'sidebar.html');
// The menus' dialogs: questions with labelled buttons, and the split form (SPEC §4).
await buildPage('sidebar/dialog.ts', 'sidebar/dialog.html', 'dialog.html');
copyFileSync('appsscript.json', `${OUT}/appsscript.json`);

const kib = (file) => (statSync(`${OUT}/${file}`).size / 1024).toFixed(1);
console.log(`build/Code.js       ${kib('Code.js')} KiB  (${names.length} globals: ${names.join(', ')})`);
console.log(`build/sidebar.html  ${kib('sidebar.html')} KiB`);
console.log(`build/dialog.html   ${kib('dialog.html')} KiB`);
