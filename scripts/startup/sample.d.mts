export function keysCsv(rows: number): string;
