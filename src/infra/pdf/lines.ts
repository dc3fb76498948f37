/** A positioned text run as pdf.js reports it (transform[4] = x, transform[5] = y, PDF units). */
export interface TextRun {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Rebuilds reading lines from positioned runs: runs whose baselines lie within a fraction of the font
 * height form one line (top to bottom), ordered left to right, with a space where a visible gap is.
 */
export function runsToLines(runs: TextRun[]): string[] {
  const visible = runs.filter((r) => r.str.length > 0);
  visible.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextRun[][] = [];
  for (const run of visible) {
    const line = lines[lines.length - 1];
    const tolerance = Math.max(1, 0.45 * Math.max(run.height, line?.[0]?.height ?? 0));
    if (line && Math.abs(line[0]!.y - run.y) <= tolerance) line.push(run);
    else lines.push([run]);
  }
  return lines.map((line) => {
    line.sort((a, b) => a.x - b.x);
    let text = '';
    let end = Number.NEGATIVE_INFINITY;
    for (const run of line) {
      const gap = run.x - end;
      if (text && gap > 0.15 * Math.max(run.height, 1) && !text.endsWith(' ') && !run.str.startsWith(' '))
        text += ' ';
      text += run.str;
      end = Math.max(end, run.x + run.width);
    }
    return text.trimEnd();
  });
}
