// Builds the browser copy of Twitter's twitter-text that the social media preview counts X posts with
// (editorial/static/editorial/js/vendor/twitter-text.js), from the npm registry's published packages.
//
// twitter-text 3.1.0 (the release whose emoji weighting the server's twitter-text-parser follows) is
// published as ES modules only, with no browser bundle; this bundles its ES modules and their
// dependencies into one script that defines window.twttr.txt, as the 3.0 bundle did. The core-js 2
// polyfills the modules import are left out: the Wagtail admin supports only browsers that have those
// features, and the polyfills would otherwise patch the admin's built-in objects.
//
//   mkdir /tmp/twitter-text && cd /tmp/twitter-text && npm init -y
//   npm install --no-save twitter-text@3.1.0 twemoji-parser@11.0.2 punycode@1.4.1 @babel/runtime@7.29.17 esbuild@0.25.12
//   node /path/to/warta/scripts/build_twitter_text.mjs /path/to/warta/editorial/static/editorial/js/vendor/twitter-text.js
//   cp node_modules/twitter-text/LICENSE /path/to/warta/editorial/static/editorial/js/vendor/twitter-text.LICENSE.txt

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.join(process.cwd(), 'package.json'));
const esbuild = require('esbuild');
const output = process.argv[2];
if (!output) {
  console.error('usage: node build_twitter_text.mjs OUTPUT.js (run inside the folder with node_modules)');
  process.exit(2);
}

const packages = ['twitter-text', 'twemoji-parser', 'punycode', '@babel/runtime'];
const version = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`))).version;
const mitText = (name, file) => readFileSync(path.join(path.dirname(require.resolve(`${name}/package.json`)), file),
  'utf8').trim().split('\n').map((line) => (' * ' + line).trimEnd()).join('\n');

const banner = `/*!
 * twitter-text ${version('twitter-text')} (https://github.com/twitter/twitter-text), bundled for the browser.
 *
 * Copyright 2018 Twitter, Inc.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this work except in compliance with the License.
 * You may obtain a copy of the License at:
 *
 *    http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 * The licence's full text is twitter-text.LICENSE.txt, next to this file.
 *
 * Built by scripts/build_twitter_text.mjs from the npm packages ${packages.map((name) => `${name}@${version(name)}`).join(', ')}.
 * The bundled dependencies carry their own licences:
 *
 * twemoji-parser ${version('twemoji-parser')} (https://github.com/twitter/twemoji-parser)
${mitText('twemoji-parser', 'LICENSE.md')}
 *
 * punycode ${version('punycode')} (https://mths.be/punycode)
${mitText('punycode', 'LICENSE-MIT.txt')}
 *
 * @babel/runtime ${version('@babel/runtime')} (https://babel.dev)
${mitText('@babel/runtime', 'LICENSE')}
 */`;

const withoutPolyfills = {
  name: 'without-core-js',
  setup(build) {
    build.onResolve({ filter: /^core-js\// }, (args) => ({ path: args.path, namespace: 'without-core-js' }));
    build.onLoad({ filter: /.*/, namespace: 'without-core-js' }, () => ({ contents: '', loader: 'js' }));
  },
};

await esbuild.build({
  entryPoints: [require.resolve('twitter-text/dist/esm/index.js')],
  bundle: true,
  format: 'iife',
  globalName: 'twttr.txt',
  target: 'es2017',
  legalComments: 'none',
  banner: { js: banner },
  // The package's entry has one default export: the twttr.txt object of the 3.0 bundle.
  footer: { js: 'twttr.txt = twttr.txt.default;' },
  plugins: [withoutPolyfills],
  outfile: output,
});
