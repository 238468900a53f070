/**
 * FAST's `html` tag without the indentation of the source (see ./dedent.ts):
 * html`<p>\n  <b>${x}</b>\n  and more\n</p>` is FAST's html`<p><b>${x}</b> and more </p>`.
 */
import { html as fastHtml } from "@microsoft/fast-element";
import { dedent } from "./dedent";

export const html = ((strings: TemplateStringsArray, ...values: unknown[]) => {
  const out = dedent(strings) as string[] & { raw: readonly string[] };
  out.raw = strings.raw;
  return (fastHtml as (s: TemplateStringsArray, ...v: unknown[]) => unknown)(
    out as unknown as TemplateStringsArray,
    ...values,
  );
}) as typeof fastHtml;
