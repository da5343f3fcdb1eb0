import { describe, expect, it } from 'vitest';
import { runKds } from '../helpers/io.js';
import { version } from '../../src/version.js';

describe('kds (root)', () => {
  it('prints help with examples and exit codes when run bare', async () => {
    const r = await runKds([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: kds [options] [command]');
    expect(r.stdout).toContain('Exit codes:');
    expect(r.stdout).toContain('$ kds size --mbps 6');
  });

  it('prints the version', async () => {
    expect(await runKds(['--version'])).toEqual({ code: 0, stdout: `${version()}\n`, stderr: '' });
  });

  it('shows examples in every command help', async () => {
    const r = await runKds(['size', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('--mbps <N>');
  });

  it('suggests a command for a typo and exits 2', async () => {
    expect(await runKds(['sise'])).toEqual({ code: 2, stdout: '', stderr: "kds: unknown command 'sise' (Did you mean size?)\n" });
  });

  it('reports an unexpected failure as a bug, without a stack unless KDS_DEBUG=1', async () => {
    const { fakeIo } = await import('../helpers/io.js');
    const { run } = await import('../../src/cli.js');
    const { createProgram, loadCommands } = await import('../../src/program.js');
    const fake = fakeIo();
    await loadCommands();
    const program = createProgram(fake.io);
    expect(program).toBeDefined();
    // A prompter that throws a plain Error is the simplest unexpected failure to provoke.
    const boom = fakeIo({ stdinIsTTY: true, stdoutIsTTY: true });
    const code = await run(['size'], boom.io);
    expect(code).toBe(1);
    // The fake terminal is 80 columns wide: the message wraps under itself.
    expect(boom.stderr()).toMatch(/^kds: internal error: this test gave no prompter\. This is a bug in kds [^]*\(KDS_DEBUG=1 shows the stack\)\.\n$/);
    expect(boom.stderr().split('\n').every((line) => line.length <= 80)).toBe(true);
    const debug = fakeIo({ stdinIsTTY: true, stdoutIsTTY: true, env: { KDS_DEBUG: '1' } });
    await run(['size'], debug.io);
    expect(debug.stderr()).toContain('    at ');
  });
});
