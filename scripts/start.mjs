// npm start: build, serve the add-in on https://localhost:3000 with the Office dev
// certificates, and sideload it into Excel desktop where that is possible. It reports only
// what it checked: the server is declared up after it answered a request for functions.json,
// and a sideload is reported only when office-addin-debugging said it succeeded.
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import https from "node:https";

const require = createRequire(import.meta.url);
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const URL_BASE = `https://localhost:${PORT}/`;
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`\n${cmd} ${args.join(" ")} failed (exit ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}

function probe(url) {
  return new Promise((resolve) => {
    const req = https.get(url, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => req.destroy());
  });
}

async function waitForServer(server) {
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) return false;
    if (await probe(`${URL_BASE}functions.json`)) return true;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

function hasDebugging() {
  try {
    require.resolve("office-addin-debugging/package.json");
    return true;
  } catch {
    return false;
  }
}

function webInstructions(reason) {
  console.log(`
Sideloading into Excel desktop is not possible here: ${reason}
The add-in is being served at ${URL_BASE}. To use it in Excel on the web:
  1. Trust the dev certificate authority ~/.office-addin-dev-certs/ca.crt in your browser
     (or open ${URL_BASE}taskpane.html once and accept the certificate).
  2. Open a workbook at https://www.office.com, then Home > Add-ins > More Add-ins >
     Upload My Add-in, and choose dist/manifest.xml (or manifest.xml).
  3. Type =GPU.CLUSTERCOST(8,"H100-SXM","reserved3y",3,"aws") in a cell.
Press Ctrl+C to stop the server.`);
}

run(npx, ["webpack", "--mode", "development"]);

// Without Excel the numbers can still be checked: the founding analysis, recalculated by the
// same functions the add-in runs (examples/founding-analysis.xlsx is not modified).
console.log("\nThe founding analysis, recalculated by gpu-cost (examples/founding-analysis.xlsx):");
run(process.execPath, ["bin/gpu-cost.js", "recalc", "examples/founding-analysis.xlsx", "--table"]);

const server = spawn(npx, ["webpack", "serve", "--mode", "development"], { stdio: ["ignore", "inherit", "inherit"] });
const stop = () => server.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", (code) => process.exit(code ?? 0));

if (!(await waitForServer(server))) {
  console.error(`The dev server did not answer at ${URL_BASE}functions.json; see its output above.`);
  stop();
  process.exit(1);
}
console.log(`\nServing the add-in at ${URL_BASE} (functions.json answered).`);

if (process.platform !== "win32" && process.platform !== "darwin") {
  webInstructions(`Excel desktop runs only on Windows and macOS (this is ${process.platform}).`);
} else if (!hasDebugging()) {
  webInstructions("office-addin-debugging (an optional dependency) is not installed.");
} else {
  const sideload = spawnSync(
    npx,
    ["office-addin-debugging", "start", "manifest.xml", "desktop", "--dev-server-port", String(PORT)],
    { stdio: "inherit" },
  );
  if (sideload.status === 0) console.log("Sideloaded into Excel desktop.");
  else webInstructions(`office-addin-debugging exited with ${sideload.status}.`);
}
