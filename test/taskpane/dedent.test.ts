/**
 * The pane's templates lose the indentation of their source (src/taskpane/dedent.ts): the
 * documented examples, and what must not change, the spaces a reader sees.
 */
import { describe, expect, it } from "vitest";
import { dedent } from "../../src/taskpane/dedent";

describe("dedent", () => {
  it("gives the documented examples", () => {
    expect(dedent(["<p>\n  <b>", "</b>\n  and more\n</p>"])).toEqual(["<p><b>", "</b> and more </p>"]);
    expect(dedent(["\n  ", "\n  ", "\n"])).toEqual(["", " ", ""]);
  });

  it("drops indentation between tags, between a tag and a binding, and at a template's edges", () => {
    expect(dedent(["<ul>\n  <li>", "</li>\n</ul>"])).toEqual(["<ul><li>", "</li></ul>"]);
    expect(dedent(["<div>\n    ", "\n  </div>"])).toEqual(["<div>", "</div>"]);
    expect(dedent(["\n    ", "\n  "])).toEqual(["", ""]);
  });

  it("keeps one space where a browser shows one: between words, a word and a tag, or two bindings", () => {
    expect(dedent(["Price book edition\n      ", "\n  "])).toEqual(["Price book edition ", ""]);
    expect(dedent(["<span>keeps the numbers of\n        ", " until you update</span>"])).toEqual([
      "<span>keeps the numbers of ",
      " until you update</span>",
    ]);
    expect(dedent(["<p>", "\n      ", "</p>"])).toEqual(["<p>", " ", "</p>"]);
    expect(dedent(["<p>", " ", "</p>"])).toEqual(["<p>", " ", "</p>"]);
  });

  it("leaves a template without a line break, or without bindings, as written", () => {
    expect(dedent(["<b>", "</b> and <i>", "</i>"])).toEqual(["<b>", "</b> and <i>", "</i>"]);
    expect(dedent(["\n  <hr />\n"])).toEqual(["<hr />"]);
    expect(dedent(["  "])).toEqual(["  "]);
  });
});
