#!/usr/bin/env node
// The gpu-cost command: runs the CLI bundle that `npm run build` (and `npm ci`, through the
// prepare script) writes to dist/cli.
const { existsSync } = require("node:fs");
const path = require("node:path");

const cli = path.join(__dirname, "..", "dist", "cli", "cli.js");
if (!existsSync(cli)) {
  console.error("gpu-cost: the CLI is not built yet; run `npm run build` in " + path.dirname(__dirname));
  process.exit(2);
}
require(cli);
