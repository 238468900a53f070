/**
 * Getting text out of the pane. A download (`<a download>`) works in Excel on Windows and on
 * the web but is blocked in the Mac add-in webview (office-js #2700), so the pane always also
 * shows the text and offers to copy it: the clipboard API where the host allows it, else the
 * selection and the browser's copy command, else the user selects the shown text.
 */

/** Starts a download of `text` as `name`. Returns false where the host is known to block it. */
export function download(name: string, text: string, type = "application/json"): boolean {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

/** Whether this host blocks downloads from add-ins (Excel on Mac, office-js #2700). */
export function downloadsBlocked(): boolean {
  const p = typeof Office === "undefined" ? undefined : (Office.context?.platform as unknown);
  return p === "Mac";
}

/**
 * Copies `text` to the clipboard; `field` is a textarea showing it, used by the fallback.
 * Resolves whether it was copied (false: the user has to copy the selected text themselves).
 */
export async function copyText(text: string, field?: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!field) return false;
    field.focus();
    field.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }
}
