// Whether to colour output: flags first, then the environment as Node and supports-color read it
// (FORCE_COLOR=0 or false turns colour off, any other FORCE_COLOR on; NO_COLOR set and not empty,
// or TERM=dumb, off), then whether stdout is a terminal.
export interface ColorInputs {
  noColorFlag?: boolean;
  colorFlag?: boolean;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

export function colorEnabled({ noColorFlag, colorFlag, env, isTTY }: ColorInputs): boolean {
  if (noColorFlag) return false;
  if (colorFlag) return true;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}
