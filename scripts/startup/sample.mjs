// The input of `kds keys analyze` in the start-up benchmark and test: partition keys skewed like
// real traffic, the same every time (a fixed-seed generator), as CSV with bytes and a timestamp.

/** `rows` rows of partition_key,bytes,timestamp. */
export function keysCsv(rows) {
  let seed = 42;
  const random = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return seed / 2 ** 32;
  };
  const lines = ['partition_key,bytes,timestamp'];
  for (let i = 0; i < rows; i++) {
    const id = Math.floor(200 * random() ** 3);
    lines.push(`customer-${String(id).padStart(5, '0')},${100 + Math.floor(random() * 1900)},2026-11-25T10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`);
  }
  return `${lines.join('\n')}\n`;
}

