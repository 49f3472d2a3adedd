import { writeFileSync } from 'node:fs';
import { exportBundleJson } from '../../src/io/export/bundle-json.ts';
import { publicCase } from '../../src/io/export/test-bundles.ts';
import { run } from '../forgemap.ts';
writeFileSync('/tmp/pc.json', exportBundleJson(publicCase()));
console.log(await run(['export', '/tmp/pc.json', '--profile', 'public', '-o', '/tmp/pc-out.json']));
