/* global require, module, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file by necessity */
// Jest cannot require() an ES module (Node 20.19+ can). @fastify/static require()s the ESM-only
// content-disposition 3, so under Jest that one package is loaded through Node's own require.
const { createRequire } = require('node:module');
const path = require('node:path');

const fromStatic = createRequire(require.resolve('@fastify/static'));
module.exports = createRequire(path.join(__dirname, 'x.js'))(fromStatic.resolve('content-disposition'));
