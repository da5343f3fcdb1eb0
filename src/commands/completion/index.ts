/** Registers kds completion. The tree walk, the content and the script writers load only when it runs. */
import { Argument, type Command } from 'commander';
import type { Context } from '../../context.js';
import { SHELLS, type Shell } from '../../render/completion/spec.js';
import { examplesHelp } from '../shared.js';

const INSTALL_HELP = `
Install (then open a new shell):
  bash  add to ~/.bashrc:  source <(kds completion bash)
  zsh   kds completion zsh > "\${fpath[1]}/_kds"
        (or add to ~/.zshrc, after compinit:  source <(kds completion zsh))
  fish  kds completion fish > ~/.config/fish/completions/kds.fish

The script completes commands, flags, flag values, question ids and lesson
names as this version of kds knows them: generate it again after an upgrade.
`;

export function registerCompletion(program: Command, context: () => Context): void {
  const command = program
    .command('completion')
    .description('print a shell completion script for bash, zsh or fish')
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(SHELLS));
  command.addHelpText(
    'after',
    examplesHelp([
      ['kds completion bash', 'the bash script; see Install below'],
      ['kds completion zsh', 'the zsh script'],
      ['kds completion fish', 'the fish script'],
    ]) + INSTALL_HELP,
  );
  command.action(async (shell: Shell) => {
    const { runCompletion } = await import('./run.js');
    runCompletion(shell, command, context());
  });
}
