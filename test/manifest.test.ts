/**
 * The manifest, checked offline (office-addin-manifest's validator needs Microsoft's service:
 * `npm run validate` runs it online): it parses, declares the shared runtime the custom
 * functions need, and points at files the build emits.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { DIST } from "./harness/runtime";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", removeNSPrefix: true });
type Node = Record<string, any>;
const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

let app: Node;
let host: Node;
let resources: Map<string, string>;
beforeAll(() => {
  const built = path.join(DIST, "manifest.xml");
  app = parser.parse(readFileSync(built, "utf8")).OfficeApp;
  host = app.VersionOverrides.Hosts.Host;
  const r = app.VersionOverrides.Resources;
  resources = new Map<string, string>();
  for (const group of [r.Images.Image, r.Urls.Url, r.ShortStrings.String, r.LongStrings.String])
    for (const item of list<Node>(group)) resources.set(item["@id"], item["@DefaultValue"]);
});

describe("manifest", () => {
  it("is an Excel task-pane add-in that requires the shared runtime", () => {
    expect(app["@type"]).toBe("TaskPaneApp");
    expect(list<Node>(app.Hosts.Host).map((h) => h["@Name"])).toContain("Workbook");
    const sets = list<Node>(app.Requirements.Sets.Set);
    expect(sets.find((s) => s["@Name"] === "SharedRuntime")?.["@MinVersion"]).toBe("1.1");
    expect(app.Id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("runs the functions in the long-lived runtime of the task-pane page", () => {
    const runtime = host.Runtimes.Runtime;
    expect(runtime["@lifetime"]).toBe("long");
    const cf = list<Node>(host.AllFormFactors.ExtensionPoint).find((e) => e["@type"] === "CustomFunctions")!;
    expect(cf.Page.SourceLocation["@resid"]).toBe(runtime["@resid"]);
    expect(host.DesktopFormFactor.FunctionFile["@resid"]).toBe(runtime["@resid"]);
    expect(resources.get(cf.Namespace["@resid"])).toBe("GPU");
  });

  it("has a ribbon button that opens the task pane", () => {
    const surface = host.DesktopFormFactor.ExtensionPoint;
    const control = surface.OfficeTab.Group.Control;
    expect(control.Action["@type"]).toBe("ShowTaskpane");
    expect(resources.get(control.Action.SourceLocation["@resid"])).toMatch(/taskpane\.html$/);
  });

  it("names no TaskpaneId under the long-lived runtime's host (shared runtime docs: one pane)", () => {
    expect(host.Runtimes.Runtime["@lifetime"]).toBe("long");
    const xml = readFileSync(path.join(DIST, "manifest.xml"), "utf8");
    expect(xml).not.toMatch(/<TaskpaneId>/i);
  });

  it("the production build names no localhost anywhere, AppDomain included", () => {
    const xml = readFileSync(path.join(DIST, "manifest.xml"), "utf8");
    expect(xml).not.toMatch(/localhost/i);
    const base = resources.get("Taskpane.Url")!.replace(/taskpane\.html$/, "");
    expect(list<string>(app.AppDomains.AppDomain)).toEqual([new URL(base).origin]);
  });

  it("points every URL at a file the build emits, and ships 16, 32, 64 and 80 px icons", () => {
    const urls = [...resources.values()].filter((v) => v.startsWith("https://"));
    urls.push(
      app.IconUrl["@DefaultValue"],
      app.HighResolutionIconUrl["@DefaultValue"],
      app.DefaultSettings.SourceLocation["@DefaultValue"],
    );
    const base = resources.get("Taskpane.Url")!.replace(/taskpane\.html$/, "");
    for (const url of urls) {
      expect(url.startsWith(base), url).toBe(true);
      expect(existsSync(path.join(DIST, url.slice(base.length))), url).toBe(true);
    }
    for (const size of [16, 32, 64, 80]) expect(existsSync(path.join(DIST, `assets/icon-${size}.png`))).toBe(true);
    expect(resources.get("Functions.Script.Url")).toBe(`${base}functions.js`);
    expect(resources.get("Functions.Metadata.Url")).toBe(`${base}functions.json`);
  });

  it("runs the functions inside the task-pane page (shared runtime): its bundle associates every id", () => {
    const html = readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    expect(html).toMatch(/<script[^>]+src="?taskpane\.js/);
    expect(html).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const bundle = readFileSync(path.join(DIST, "taskpane.js"), "utf8");
    const ids = JSON.parse(readFileSync(path.join(DIST, "functions.json"), "utf8")).functions.map(
      (f: { id: string }) => f.id,
    );
    for (const id of ids) expect(bundle, id).toContain(`associate("${id}"`);
  });
});

describe("the manifest for a hosting URL (webpack.config.js)", () => {
  const { manifestFor } = createRequire(__filename)("../webpack.config.js") as {
    manifestFor: (content: string, baseUrl: string) => string;
  };
  const source = readFileSync(path.resolve(__dirname, "../manifest.xml"), "utf8");

  it("rewrites every localhost URL, with a path or as a bare origin", () => {
    const out = manifestFor(source, "https://example.org/tools/gpu/");
    expect(out).not.toMatch(/localhost/);
    expect(out).toContain("<AppDomain>https://example.org</AppDomain>");
    expect(out).toContain('DefaultValue="https://example.org/tools/gpu/taskpane.html"');
    expect(out).toContain('DefaultValue="https://example.org/tools/gpu/assets/icon-32.png"');
    expect(source.match(/localhost/g)!.length).toBe(out.match(/example\.org/g)!.length);
  });

  it("keeps localhost for the development build", () => {
    expect(manifestFor(source, "https://localhost:3000/")).toBe(source);
  });

  it("refuses to build a production manifest that would still name localhost", () => {
    expect(() => manifestFor(source + "<!-- http://localhost:8080 -->", "https://example.org/")).toThrow(
      /still names localhost/,
    );
  });
});
