/**
 * The pane's templates without the indentation of their source (./markup.ts applies this to
 * every `html` template). A template's text is the list of strings between its bindings.
 * Whitespace that spans a line break is dropped between two tags (`>\n   <`), between a tag and
 * a binding (`<b>\n  ${x}`, `${x}\n  </b>`), and between a binding and the template's start or
 * end; elsewhere (between words, a tag and a word, or two bindings) it becomes one space, as a
 * browser would show it.
 *
 * The markup is written indented for people. Without this, 460 of the 540 text nodes of the
 * pane's first screen were indentation, each cloned and walked on render. The edges matter
 * because most small templates are a list of bindings (`html\`\n  ${when(...)}\n\``): kept,
 * their two edges were two more blank text nodes in every row that uses them.
 *
 * dedent(["<p>\n  <b>", "</b>\n  and more\n</p>"]) is ["<p><b>", "</b> and more </p>"];
 * dedent(["\n  ", "\n  ", "\n"]) is ["", " ", ""].
 */
export function dedent(strings: readonly string[]): string[] {
  const last = strings.length - 1;
  return strings.map((text, i) => ((i === 0 || i === last) && last > 0 && INDENT.test(text) ? "" : strip(text)));
}

/** Only whitespace, across a line break: indentation. */
const INDENT = /^\s*\n\s*$/;

function strip(text: string): string {
  return text
    .replace(/>\s*\n\s*</g, "><")
    .replace(/>\s*\n\s*$/, ">")
    .replace(/^\s*\n\s*</, "<")
    .replace(/\s*\n\s*/g, " ");
}
