/** Fluent UI web components (the Office look) used by the pane, and the light theme. */
import { setTheme } from "@fluentui/web-components";
import "@fluentui/web-components/button.js";
import "@fluentui/web-components/switch.js";
import { webLightTheme } from "@fluentui/tokens";

export function applyFluentTheme(): void {
  setTheme(webLightTheme);
}
