/* Build of the add-in: the custom-functions bundle, the task pane (which is also the shared
 * runtime page), functions.json from JSDoc, the manifest and the icons. */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { BannerPlugin, Compilation } = require("webpack");

const DEV_URL = "https://localhost:3000/";
/* Where the production build is hosted: ADDIN_URL=https://example.com/gpu/ npm run build */
const PROD_URL = process.env.ADDIN_URL || "https://gpu-cost.example.com/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The latest price-book edition, read from its one declaration: the pane preloads its chunk. */
function latestEdition() {
  const registry = require("fs").readFileSync(path.join(__dirname, "src/pricing/book/editions/index.ts"), "utf8");
  const id = /export const LATEST_EDITION = "([^"]+)";/.exec(registry)?.[1];
  if (!id) throw new Error("webpack.config.js: LATEST_EDITION not found in src/pricing/book/editions/index.ts");
  return id;
}

/* The adapter files: their JSDoc becomes functions.json and the plugin's loader appends their
 * CustomFunctions.associate calls. src/functions/index.ts imports them all: one entry module
 * lets webpack join them into one scope (1.1 KB less than six entries; test/contract.test.ts
 * holds that every function of functions.json is associated). */
const FUNCTION_SOURCES = ["cluster", "inference", "training", "customChip", "scaling", "assumptions"].map(
  (f) => `./src/functions/${f}.ts`,
);

async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    const o = await devCerts.getHttpsServerOptions();
    return { ca: o.ca, key: o.key, cert: o.cert };
  } catch (error) {
    // Installing the CA into the system store needs admin rights; the certificate files exist.
    const dir = path.join(require("os").homedir(), ".office-addin-dev-certs");
    const fs = require("fs");
    const read = (f) => fs.readFileSync(path.join(dir, f));
    console.warn(`office-addin-dev-certs: ${error.message}; serving with the certificates in ${dir}.`);
    return { ca: read("ca.crt"), key: read("localhost.key"), cert: read("localhost.crt") };
  }
}

/* The gpu-cost CLI (bin/gpu-cost.js): the same adapters, with a Node host for CustomFunctions. */
function cliConfig() {
  return {
    name: "cli",
    target: "node20",
    devtool: "source-map",
    entry: { cli: ["./src/cli/host.ts", ...FUNCTION_SOURCES, "./src/cli/main.ts"] },
    output: { path: path.resolve(__dirname, "dist/cli"), filename: "cli.js", chunkFilename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } },
      ],
    },
    // Packages stay in node_modules (they are dependencies); only the project's code is bundled.
    externals: [
      ({ request }, callback) =>
        /^[a-z@][^:]*$/i.test(request) && !request.startsWith(".") ? callback(null, `commonjs ${request}`) : callback(),
    ],
    plugins: [new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTION_SOURCES })],
    optimization: { minimize: false },
    performance: { hints: false },
  };
}

/**
 * The manifest for a build served at `baseUrl`: every development URL (https://localhost:3000,
 * with a path or without, as an AppDomain) becomes the hosting URL, and a production manifest
 * that still names localhost fails the build rather than ship.
 */
function manifestFor(content, baseUrl) {
  const origin = new URL(baseUrl).origin;
  const out = String(content).replace(/https:\/\/localhost:3000(\/[^"'<\s]*)?/g, (_, rest) =>
    rest ? new URL(rest.slice(1), baseUrl).href : origin,
  );
  if (baseUrl !== DEV_URL && /localhost/i.test(out)) {
    throw new Error(`manifest.xml still names localhost after rewriting it for ${baseUrl}.`);
  }
  return out;
}

/**
 * The help page served with the add-in (help.html): the function reference, rendered from
 * docs/functions.md (generated from the functions' JSDoc). Every function's helpUrl and the
 * manifest's SupportUrl and LearnMoreUrl point here.
 */
function helpPage(markdown) {
  const { marked } = require("marked");
  const body = marked.parse(String(markdown));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>GPU Cost: function reference</title>
<style>
  body { font-family: "Segoe UI", system-ui, sans-serif; max-width: 960px; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #242424; }
  code { font-family: Consolas, ui-monospace, monospace; background: #f5f5f5; padding: 0 0.2em; }
  table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
  th, td { border: 1px solid #d1d1d1; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
  h3 { margin-top: 2.5rem; border-top: 1px solid #e0e0e0; padding-top: 1rem; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** functions.json for a build served at `baseUrl`: each helpUrl points at that build's help page. */
function functionsJsonFor(content, baseUrl) {
  return String(content).split(DEV_URL).join(baseUrl);
}

/** Rewrites an emitted asset (functions.json is emitted by the metadata plugin, not copied). */
class RewriteAsset {
  constructor(name, rewrite) {
    this.name = name;
    this.rewrite = rewrite;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("RewriteAsset", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "RewriteAsset", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        (assets) => {
          const asset = assets[this.name];
          if (asset) compilation.updateAsset(this.name, new sources.RawSource(this.rewrite(asset.source())));
        },
      );
    });
  }
}

module.exports = async (env, options) => [await addinConfig(env, options), cliConfig()];
module.exports.manifestFor = manifestFor;
module.exports.helpPage = helpPage;

async function addinConfig(env, options) {
  const dev = options.mode === "development";
  const baseUrl = dev ? DEV_URL : PROD_URL;
  return {
    devtool: "source-map",
    entry: {
      // Price-book editions are chunks loaded on demand. The page loads them with script tags;
      // functions.js, which Node tests and benches run without a DOM, with importScripts.
      functions: { import: "./src/functions/index.ts", chunkLoading: "import-scripts" },
      // The page's one bundle: functions and pane together, sharing one assumptions store.
      taskpane: ["./src/functions/runtimeGuard.ts", "./src/functions/index.ts", "./src/taskpane/taskpane.ts"],
    },
    // dist/cli belongs to the CLI build below.
    // Chunks load relative to the page (the add-in's folder), wherever it is hosted: the pane's
    // interface is one lazy chunk, pane.js (taskpane.html preloads it by that name), and each
    // price-book edition is one.
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].js",
      publicPath: "",
      clean: { keep: /^cli\// },
    },
    optimization: { splitChunks: false },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTION_SOURCES }),
      new RewriteAsset("functions.json", (content) => functionsJsonFor(content, baseUrl)),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Functions and pane in one page (the shared runtime): the taskpane bundle holds both.
        chunks: ["taskpane"],
        templateParameters: {
          officeJsUrl: env.OFFICE_JS_URL || OFFICE_JS_CDN,
          latestEdition: latestEdition(),
          // Inlined: a stylesheet file would hold back office.js and the page's script until it
          // has loaded (a script waits for the style sheets before it), one more request.
          css: require("fs").readFileSync(path.join(__dirname, "src/taskpane/taskpane.css"), "utf8"),
        },
      }),
      // The scripts the pane runs as it opens: the page's bundle, its interface and the
      // price-book editions. V8's explicit compile hint (Chrome and Edge 136+, so WebView2 and
      // Office on the web) compiles all their functions while they download, on a background
      // thread, rather than each on the main thread at its first call: the pane comes up 50-55 ms
      // sooner in bench/pane.ts. Other engines read a comment. Added after minification (which
      // drops comments) and before the source maps are written (which it shifts by a line).
      new BannerPlugin({
        banner: "//# allFunctionsCalledOnLoad",
        raw: true,
        include: /^(taskpane|pane|edition-[^/]*)\.js$/,
        stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "docs/functions.md", to: "help.html", transform: (content) => helpPage(content) },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => manifestFor(content, baseUrl),
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: env.WEBPACK_SERVE
      ? {
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await httpsOptions() },
          port: Number(process.env.npm_package_config_dev_server_port || 3000),
          static: false,
          client: false,
          hot: false,
        }
      : undefined,
  };
}
