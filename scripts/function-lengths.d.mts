/** One function-like node and its line span. */
export interface FunctionLength {
  file: string;
  line: number;
  name: string;
  lines: number;
}

// Every function of the TypeScript files under the folders (relative to the project root), longest first.
export function functionLengths(folders: string[]): FunctionLength[];
