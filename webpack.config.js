/* Build of the add-in: the custom-functions bundle, the task pane (which is also the shared
 * runtime page), functions.json from JSDoc, the manifest and the icons. */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
/* Where the production build is hosted: ADDIN_URL=https://example.com/gpu/ npm run build */
const PROD_URL = process.env.ADDIN_URL || "https://gpu-cost.example.com/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/* The adapter files: their JSDoc becomes functions.json, the plugin's loader appends their
 * CustomFunctions.associate calls, and together they are the functions bundle. */
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
    output: { path: path.resolve(__dirname, "dist/cli"), filename: "cli.js", clean: true },
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

module.exports = async (env, options) => [await addinConfig(env, options), cliConfig()];

async function addinConfig(env, options) {
  const dev = options.mode === "development";
  const baseUrl = dev ? DEV_URL : PROD_URL;
  return {
    devtool: "source-map",
    entry: {
      functions: FUNCTION_SOURCES,
      // The page's one bundle: functions and pane together, sharing one assumptions store.
      taskpane: ["./src/functions/runtimeGuard.ts", ...FUNCTION_SOURCES, "./src/taskpane/taskpane.ts"],
    },
    // dist/cli belongs to the CLI build below.
    // The pane's interface is one lazy chunk, pane.js (taskpane.html preloads it by that name).
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].js",
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
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Functions and pane in one page (the shared runtime): the taskpane bundle holds both.
        chunks: ["taskpane"],
        templateParameters: { officeJsUrl: env.OFFICE_JS_URL || OFFICE_JS_CDN },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => content.toString().split(DEV_URL).join(baseUrl),
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
