import kleur from "kleur";

// kleur decides by env at import; we decide per stream ourselves (cli.md C-COLOR-1).
kleur.enabled = true;

/** Colour functions bound to one stream's decision. */
export interface Paint {
  isEnabled: boolean;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const identity = (text: string): string => text;

// Paint functions that colour only when the stream's decision says so.
export function makePaint(isEnabled: boolean): Paint {
  if (!isEnabled) {
    return {
      isEnabled,
      red: identity,
      green: identity,
      yellow: identity,
      cyan: identity,
      dim: identity,
      bold: identity,
    };
  }
  return {
    isEnabled,
    red: (t) => kleur.red(t),
    green: (t) => kleur.green(t),
    yellow: (t) => kleur.yellow(t),
    cyan: (t) => kleur.cyan(t),
    dim: (t) => kleur.dim(t),
    bold: (t) => kleur.bold(t),
  };
}

/** The inputs of the colour decision for one stream. */
export interface ColorInputs {
  flag: boolean | undefined;
  env: Readonly<Record<string, string | undefined>>;
  isTTY: boolean;
}

// The first matching rule of cli.md C-COLOR-1 decides.
export function decideColor({ flag, env, isTTY }: ColorInputs): boolean {
  if (flag === false) return false;
  if (flag === true) return true;
  if (
    (env.NO_COLOR ?? "") !== "" ||
    env.NODE_DISABLE_COLORS !== undefined ||
    env.TERM === "dumb"
  )
    return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === "0" || force.toLowerCase() === "false") return false;
    return true;
  }
  return isTTY;
}

// Whether `CI` selects line mode (cli.md §2): any non-empty value except false or 0.
export function isCiValue(value: string | undefined): boolean {
  return (
    value !== undefined &&
    value !== "" &&
    value !== "0" &&
    value.toLowerCase() !== "false"
  );
}
