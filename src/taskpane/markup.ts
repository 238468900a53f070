/**
 * FAST's `html` tag without the indentation of the source. Whitespace that spans a line break
 * is dropped between two tags (`>\n   <`) and between a tag and a binding (`<b>\n  ${x}`,
 * `${x}\n  </b>`); elsewhere (between words, or a tag and a word) it becomes one space, as a
 * browser would show it. The pane's markup is written indented for people; without this, 460 of
 * the 540 text nodes of its first screen were indentation, each cloned and walked on render.
 *
 * html`<p>\n  <b>${x}</b>\n  and more\n</p>` is FAST's html`<p><b>${x}</b> and more</p>`.
 */
import { html as fastHtml } from "@microsoft/fast-element";

export function strip(text: string): string {
  return text
    .replace(/>\s*\n\s*</g, "><")
    .replace(/>\s*\n\s*$/, ">")
    .replace(/^\s*\n\s*</, "<")
    .replace(/\s*\n\s*/g, " ");
}

export const html = ((strings: TemplateStringsArray, ...values: unknown[]) => {
  const out = strings.map(strip) as unknown as string[] & { raw: readonly string[] };
  out.raw = strings.raw;
  return (fastHtml as (s: TemplateStringsArray, ...v: unknown[]) => unknown)(
    out as unknown as TemplateStringsArray,
    ...values,
  );
}) as typeof fastHtml;
