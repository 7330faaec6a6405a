#!/usr/bin/env node
// Writes a .br and a .gz beside every compressible file of a client build, so
// the server can send them as they are (never compressing per request).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = process.argv[2];
if (!root) {
  console.error('usage: precompress.mjs DIR');
  process.exit(2);
}
const compressible = /\.(js|css|svg|json|txt|map|html|ico)$/;
let files = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) walk(file);
    else if (compressible.test(name)) {
      const body = readFileSync(file);
      if (body.length < 512) continue;
      writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      files += 1;
    }
  }
};
walk(root);
console.log(`precompressed ${files} files in ${root}`);
