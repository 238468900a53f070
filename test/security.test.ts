/**
 * Security rules checked on the source and the build: no HTML or code built from strings, a
 * Content-Security-Policy on the task pane, and office.js from Microsoft's CDN as the only
 * remote script.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LATEST_EDITION } from "../src/pricing";
import { DIST } from "./harness/runtime";

const SRC = path.resolve(__dirname, "../src");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });

describe("source", () => {
  it("never builds HTML or code from strings", () => {
    const banned =
      /\binnerHTML\b|\bouterHTML\b|insertAdjacentHTML|document\.write|\beval\s*\(|new\s+Function\s*\(|setTimeout\s*\(\s*["'`]/;
    for (const file of files(SRC).filter((f) => /\.(ts|html)$/.test(f))) {
      const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      expect(banned.exec(text)?.[0], path.relative(SRC, file)).toBeUndefined();
    }
  });
});

describe("task pane page", () => {
  const html = readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/i.exec(html)?.[1] ?? "";
  const directive = (name: string) =>
    csp
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith(`${name} `)) ?? "";

  it("has a Content-Security-Policy that allows scripts only from itself and office.js's CDN", () => {
    expect(directive("default-src")).toBe("default-src 'self'");
    expect(directive("script-src").split(/\s+/).slice(1).sort()).toEqual([
      "'self'",
      "https://appsforoffice.microsoft.com",
    ]);
    expect(directive("object-src")).toBe("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval/);
  });

  it("loads office.js from Microsoft's CDN and no other remote script", () => {
    const sources = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]!);
    const remote = sources.filter((s) => /^(https?:)?\/\//.test(s));
    expect(remote).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
  });

  it("preloads its own script, the pane's chunk and the latest edition's chunk, each a built file", () => {
    const preloaded = [...html.matchAll(/<link rel="?preload"? href="?([^"\s>]+)/g)].map((m) => m[1]!);
    expect(preloaded).toEqual(["taskpane.js", "pane.js", `edition-${LATEST_EDITION}.js`]);
    for (const file of preloaded) expect(statSync(path.join(DIST, file)).isFile()).toBe(true);
  });
});
