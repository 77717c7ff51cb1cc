#!/usr/bin/env node
// Creates the integration-test workspace (a copy of seeds/ plus test/fixtures/workspace) in the given folder,
// default .vscode-test/f5-workspace; used by the "Extension Tests" launch configuration.
import path from 'node:path';
import { ROOT, prepareWorkspace } from './lib/code-server.mjs';

const dir = path.resolve(process.argv[2] ?? path.join(ROOT, '.vscode-test', 'f5-workspace'));
prepareWorkspace(dir);
console.log(`test workspace ready: ${path.relative(process.cwd(), dir) || dir}`);
