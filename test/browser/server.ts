/**
 * A static server for the built add-in on 127.0.0.1 (a random port), for the headless-browser
 * tests. Requests for office.js on Microsoft's CDN are answered from the npm copy by the test's
 * route (see pane.test.ts), so the production taskpane.html is loaded unchanged.
 */
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import ts from "typescript";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

export function contentType(file: string): string {
  return TYPES[path.extname(file)] ?? "application/octet-stream";
}

/**
 * Serves `root`, and each of `mounts` (a URL prefix such as "office-js/" -> a folder) beside it:
 * the bench serves office.js from the npm package this way when it times pages without
 * Playwright's request interception (bench/pane.ts).
 */
export async function serve(
  root: string,
  mounts: Readonly<Record<string, string>> = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const requested = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/+/, "");
    // The first mount whose prefix the path starts with, else root (a path is matched once).
    const [prefix, base] = Object.entries(mounts).find(([p]) => requested.startsWith(p)) ?? ["", root];
    const rel = requested.slice(prefix.length);
    const file = path.resolve(base, rel);
    if (!file.startsWith(path.resolve(base)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": contentType(file) });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

/**
 * test/harness/fakeExcel.ts compiled for the page (an init script): its imports are types only,
 * so TypeScript's own transpiler makes it a plain script that sets `window.FakeWorkbook`.
 */
export function fakeExcelScript(): string {
  const source = readFileSync(path.resolve(__dirname, "../harness/fakeExcel.ts"), "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  });
  return `(function () { var exports = {}; ${outputText}\nwindow.FakeWorkbook = exports.FakeWorkbook; })();`;
}
