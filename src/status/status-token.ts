import type { Paint } from "../output/color.js";

/** How status words are decorated on one stream (cli.md C-COLOR-2). */
export interface Decor {
  paint: Paint;
  /** TTY streams get the symbols `✓ ✗ ! ›`; others only words, so logs grep cleanly. */
  isTTY: boolean;
}

type Tone = "good" | "bad" | "warn" | "busy" | "quiet" | "plain";

const TONES: Record<string, Tone> = {
  done: "good",
  passed: "good",
  ok: "good",
  blocked_human: "warn",
  awaiting_review: "warn",
  warn: "warn",
  in_progress: "busy",
  running: "busy",
  draft: "quiet",
  abandoned: "quiet",
  fail: "bad",
  missing: "bad",
  unreadable: "bad",
};

const SYMBOLS: Record<Tone, string> = {
  good: "✓ ",
  bad: "✗ ",
  warn: "! ",
  busy: "› ",
  quiet: "",
  plain: "",
};

// The visible text of a status token: the word, with its symbol on a TTY.
export function tokenText(word: string, decor: Decor): string {
  const tone = TONES[word] ?? "plain";
  return decor.isTTY ? `${SYMBOLS[tone]}${word}` : word;
}

// A status word padded to `width` visible columns, then coloured; the word is always there (C-COLOR-2).
export function statusToken(word: string, decor: Decor, width = 0): string {
  const text = tokenText(word, decor);
  const padded = text.padEnd(width);
  const tone = TONES[word] ?? "plain";
  const { paint } = decor;
  switch (tone) {
    case "good":
      return paint.green(padded);
    case "bad":
      return paint.red(padded);
    case "warn":
      return paint.yellow(padded);
    case "busy":
      return paint.cyan(padded);
    case "quiet":
      return paint.dim(padded);
    case "plain":
      return padded;
  }
}
