/**
 * Sensitivity grids the Excel way (issue 14): scalar functions given ranges compute once per
 * element and spill, broadcasting as Excel's array arithmetic does. Checked on the built
 * bundle, each element against the same function called with single values.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadRuntime, type Runtime } from "./harness/runtime";

let xl: Runtime;
beforeAll(() => {
  xl = loadRuntime();
});

const column = (...values: unknown[]) => values.map((v) => [v]);
const row = (...values: unknown[]) => [values];

describe("sensitivity grids", () => {
  it("a column of GPU counts against a row of years spills a grid of the single-value answers", async () => {
    const gpus = [8, 16, 64];
    const years = [1, 2, 3, 5];
    const grid = (await xl.value("CLUSTERCOST", column(...gpus), "H100-SXM", "ondemand", row(...years))) as number[][];
    expect(grid).toHaveLength(3);
    for (const [r, g] of gpus.entries()) {
      expect(grid[r]).toHaveLength(4);
      for (const [c, y] of years.entries()) {
        expect(grid[r]![c]).toBe(await xl.value("CLUSTERCOST", g, "H100-SXM", "ondemand", y));
      }
    }
  });

  it("text arguments broadcast too: a row of pricing modes", async () => {
    const grid = (await xl.value("HOURLY", "H100-SXM", row("ondemand", "reserved3y", "buy"))) as number[][];
    expect(grid[0]).toEqual([
      await xl.value("HOURLY", "H100-SXM", "ondemand"),
      await xl.value("HOURLY", "H100-SXM", "reserved3y"),
      await xl.value("HOURLY", "H100-SXM", "buy"),
    ]);
  });

  it("arrays of the same shape pair up element by element", async () => {
    const grid = (await xl.value("FLOPS", column(1, 2), column("H100-SXM", "A100-80GB"))) as number[][];
    expect(grid).toEqual([[await xl.value("FLOPS", 1, "H100-SXM")], [await xl.value("FLOPS", 2, "A100-80GB")]]);
  });

  it("an element's error stays in its cell; the others compute", async () => {
    const outcome = await xl.call("CLUSTERCOST", column(8, -1, "eight"));
    const grid = (outcome as { value: unknown[][] }).value;
    expect(grid[0]![0]).toBe(await xl.value("CLUSTERCOST", 8));
    expect(grid[1]![0]).toMatchObject({ code: "#VALUE!" });
    expect((grid[2]![0] as Error).message).toContain("gpus");
  });

  it("arrays of different sizes: #N/A where one has no element, as in Excel", async () => {
    const grid = (await xl.value("FLOPS", column(1, 2, 3), column("H100-SXM", "B200"))) as unknown[][];
    expect(grid[2]![0]).toMatchObject({ code: "#N/A" });
    expect(typeof grid[1]![0]).toBe("number");
  });

  it("empty cells in a range take the argument's default", async () => {
    const grid = (await xl.value("FLOPS", 8, column(null, "H100-SXM"))) as number[][];
    expect(grid[0]![0]).toBe(grid[1]![0]);
  });

  it("a grid too large to compute is refused with a message, not a hang", async () => {
    const tall = Array.from({ length: 1000 }, (_, i) => [i + 1]);
    const wide = [Array.from({ length: 1000 }, (_, i) => i + 1)];
    const outcome = await xl.call("CLUSTERCOST", tall, "H100-SXM", "ondemand", wide);
    expect(outcome).toMatchObject({ error: { code: "#VALUE!" } });
    expect((outcome as { error: Error }).error.message).toContain("1,000 x 1,000");
  });

  it("plain functions broadcast without the price book", async () => {
    expect(await xl.value("SCALEGAIN", row(0.5, 0.75))).toEqual([[2, 4]]);
    expect(await xl.value("TRAINFLOPS", column(1e9, 2e9), 1e12)).toEqual([[6e21], [1.2e22]]);
  });
});
