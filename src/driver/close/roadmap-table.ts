/** One table cell: its raw text between two pipes, and where it sits in the line. */
interface Cell {
  raw: string;
  start: number;
  end: number;
}

/** The feature's row in a roadmap table whose header has a `Status` cell (driver D-FLIP-2). */
export interface RoadmapRow {
  /** Index of the row's line in `text.split("\n")`. */
  line: number;
  /** Raw cell texts, padding included. */
  cells: string[];
  statusColumn: number;
  /** The `Detail` column, or null when the header has none. */
  detailColumn: number | null;
  /** The trimmed Status cell, or null when the row is too short to have one. */
  status: string | null;
  /** The trimmed Detail cell, or null. */
  detail: string | null;
}

const SEPARATOR_CELL = /^\s*:?-+:?\s*$/;

// Splits a table line on unescaped pipes; null when the line is not a `|` row.
function cellsOf(line: string): Cell[] | null {
  const body = line.endsWith("\r") ? line.slice(0, -1) : line;
  if (!body.trimStart().startsWith("|")) return null;
  const pipes: number[] = [];
  for (let i = 0; i < body.length; i++)
    if (body[i] === "|" && body[i - 1] !== "\\") pipes.push(i);
  const cells: Cell[] = [];
  for (let k = 0; k + 1 < pipes.length; k++) {
    const start = (pipes[k] as number) + 1;
    const end = pipes[k + 1] as number;
    cells.push({ raw: body.slice(start, end), start, end });
  }
  const last = pipes[pipes.length - 1] as number;
  if (body.slice(last + 1).trim() !== "")
    cells.push({
      raw: body.slice(last + 1),
      start: last + 1,
      end: body.length,
    });
  return cells;
}

function isSeparator(line: string | undefined): boolean {
  if (line === undefined) return false;
  const cells = cellsOf(line);
  return (
    cells !== null &&
    cells.length > 0 &&
    cells.every((c) => SEPARATOR_CELL.test(c.raw))
  );
}

// Finds the feature's row by header, in any table with a `Status` column (D-FLIP-2); null when absent.
export function findRoadmapRow(
  text: string,
  featureId: string,
): RoadmapRow | null {
  const lines = text.split("\n");
  for (let i = 0; i + 1 < lines.length; i++) {
    const header = cellsOf(lines[i] as string);
    if (header === null || !isSeparator(lines[i + 1])) continue;
    const names = header.map((c) => c.raw.trim().toLowerCase());
    const statusColumn = names.indexOf("status");
    if (statusColumn < 0) continue;
    const detail = names.indexOf("detail");
    for (let r = i + 2; r < lines.length; r++) {
      const cells = cellsOf(lines[r] as string);
      if (cells === null) break;
      if (cells[0]?.raw.trim() !== featureId) continue;
      return {
        line: r,
        cells: cells.map((c) => c.raw),
        statusColumn,
        detailColumn: detail < 0 ? null : detail,
        status: cells[statusColumn]?.raw.trim() ?? null,
        detail: detail < 0 ? null : (cells[detail]?.raw.trim() ?? null),
      };
    }
    i += 1;
  }
  return null;
}

// The feature's roadmap Status by header, or null when there is no such row (D-FLIP-2).
export function roadmapStatus(text: string, featureId: string): string | null {
  return findRoadmapRow(text, featureId)?.status ?? null;
}

// Replaces one cell of a row; every other byte of the text is kept.
export function replaceCell(
  text: string,
  row: RoadmapRow,
  column: number,
  cellText: string,
): string {
  const lines = text.split("\n");
  const line = lines[row.line] as string;
  const cell = cellsOf(line)?.[column];
  if (cell === undefined) return text;
  lines[row.line] = line.slice(0, cell.start) + cellText + line.slice(cell.end);
  return lines.join("\n");
}

// A cell's new value with the old cell's leading and trailing padding.
export function keepPadding(oldCell: string, value: string): string {
  if (oldCell.trim() === "") return ` ${value} `;
  const lead = /^\s*/.exec(oldCell)?.[0] ?? "";
  const trail = /\s*$/.exec(oldCell)?.[0] ?? "";
  return lead + value + trail;
}
