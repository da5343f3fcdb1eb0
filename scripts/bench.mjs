// npm run bench: every speed and memory goal, measured (never asserted by a timed test).
import { benchStartup } from './bench-startup.mjs';

const ok = benchStartup();
process.exitCode = ok ? 0 : 1;
