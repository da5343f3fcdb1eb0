// A fixed clock for the documented live sessions, loaded with `node --import` by the doc harness
// (scripts/doc-examples.mjs) into the emulator and into kds. KDS_DOC_CLOCK=2026-11-30T12:00:00Z
// starts Date at that instant, then it runs on in real time; KDS_DOC_CLOCK=...@0.001 runs it a
// thousand times slower (the emulator: records written within a second of each other then carry
// the same arrival second). Timers are untouched. Without KDS_DOC_CLOCK this does nothing.
import process from 'node:process';

const spec = process.env.KDS_DOC_CLOCK;
if (spec) {
  const [at, rate = '1'] = spec.split('@');
  const start = Date.parse(at);
  const speed = Number(rate);
  if (!Number.isFinite(start) || !(speed > 0)) throw new Error(`KDS_DOC_CLOCK expects an ISO time and an optional @rate, got ${spec}`);
  const RealDate = Date;
  const realStart = RealDate.now();
  const now = () => Math.floor(start + (RealDate.now() - realStart) * speed);
  class DocDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(now());
      else super(...args);
    }
    static now() {
      return now();
    }
  }
  globalThis.Date = DocDate;
}
