// Text from files, shown safely as text: control characters made visible (a terminal would
// otherwise obey ESC sequences: clear the screen, retitle the window, plant a hyperlink) and
// echoed values cut short, so a binary file's "header" cannot fill a screen or a live region.

/** C0 controls but tab and line feed, DEL, C1 controls, and the bidi overrides and isolates. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** The same, with tab and line feed: for one-line values such as a name or a user. */
// eslint-disable-next-line no-control-regex
const CONTROLS_ALL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => {
  const n = c.charCodeAt(0);
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16)}`;
};

/**
 * `text` with every control character written as an escape (`\x1b`, `\x07`, `\r`→`\x0d`, `\u202e`).
 * `lines` keeps tab and line feed, for multi-line output built by the caller.
 */
export function visible(text: string, lines = false): string {
  return text.replace(lines ? CONTROLS : CONTROLS_ALL, escape);
}

/** `text` cut to `max` characters, with an ellipsis when something was left out. */
export function cut(text: string, max = 200): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
