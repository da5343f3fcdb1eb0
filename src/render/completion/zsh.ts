/**
 * The zsh completion script: the same walk as the bash one, with descriptions for commands and
 * flags. It works both as an autoloaded `_kds` file in $fpath and sourced after compinit.
 */
import { argumentCases, header, optionalFlagCases, valueCases, type Quote } from './shared.js';
import { pathKey, valueFlagNames, type CompletionSpec, type Values } from './spec.js';
import { singleQuoted } from '../text.js';

const q: Quote = singleQuoted;

/** "name:description" for _describe; a colon in the name would end it, so it is escaped. */
function described(name: string, description: string): string {
  return q(`${name.replace(/:/g, '\\:')}:${description}`);
}

/** The assignment that makes the script offer these values (after the subcommands, with `also`). */
function offer(values: Values, also = false): string {
  switch (values.kind) {
    case 'words':
      if (also) return `cands+=(${values.words.map(q).join(' ')})`;
      return `cands=(${values.words.map(q).join(' ')}); kind=${values.commas ? 'commas' : 'words'}`;
    case 'files':
      return 'kind=files';
    case 'dirs':
      return 'kind=dirs';
    default:
      return 'return 1';
  }
}

export function zshScript(spec: CompletionSpec, version: string): string {
  const fn = `_${spec.program}`;
  const out: string[] = [
    `#compdef ${spec.program}`,
    ...header('#', 'zsh', spec.program, version, [
      'Install: save it as _kds in a folder of your $fpath, then open a new shell:',
      `  ${spec.program} completion zsh > "\${fpath[1]}/_${spec.program}"`,
      `or add this line to ~/.zshrc, after compinit: source <(${spec.program} completion zsh)`,
    ]),
    '',
    `${fn}() {`,
    '  local cur=${words[CURRENT]} prev=${words[CURRENT-1]}',
    "  local cmdpath='' expect='' w kind=words",
    '  local -a cands',
    '  integer i nargs=0',
    '  for (( i = 2; i < CURRENT; i++ )); do',
    '    w=${words[i]}',
    "    if [[ -n $expect ]]; then expect=''; continue; fi",
    '    case $w in',
    '      (--*=*) continue ;;',
    '      (-*)',
    '        case "$cmdpath/$w" in',
  ];
  for (const command of spec.commands) {
    const flags = valueFlagNames(command);
    if (flags.length > 0) out.push(`          (${flags.map((f) => q(`${pathKey(command)}/${f}`)).join('|')}) expect=$w ;;`);
  }
  out.push('        esac', '        continue ;;', '    esac', '    case "$cmdpath/$w" in');
  for (const command of spec.commands) {
    for (const sub of command.subcommands) {
      out.push(`      (${q(`${pathKey(command)}/${sub.name}`)}) cmdpath=${q([...command.path, sub.name].join(' '))} ;;`);
    }
  }
  out.push(
    '      (*) (( nargs++ )) ;;',
    '    esac',
    '  done',
    '  if [[ -z $expect && $cur == --*=* ]]; then expect=${cur%%=*}; compset -P \'*=\'; cur=${cur#*=}; fi',
    '  if [[ -n $expect ]]; then',
    '    case "$cmdpath/$expect" in',
  );
  for (const [keys, values] of valueCases(spec)) out.push(`      (${keys.map(q).join('|')}) ${offer(values)} ;;`);
  out.push('      (*) return 1 ;;', '    esac', '  elif [[ $cur == -* ]]; then', '    kind=described', '    case $cmdpath in');
  for (const command of spec.commands) {
    const flags = command.flags.flatMap((f) => f.names.map((n) => described(n, f.description)));
    out.push(`      (${q(pathKey(command))}) cands=(${flags.join(' ')}) ;;`);
  }
  out.push('    esac', '  else', '    case "$cmdpath/$prev" in');
  for (const [keys, values] of optionalFlagCases(spec)) out.push(`      (${keys.map(q).join('|')}) ${offer(values)} ;;`);
  out.push('      (*)', '        case $cmdpath in');
  for (const command of spec.commands) {
    const cases = argumentCases(command);
    if (command.subcommands.length === 0 && cases.length === 0) continue;
    const parts: string[] = [];
    if (command.subcommands.length > 0) {
      parts.push(`kind=described; cands=(${command.subcommands.map((s) => described(s.name, s.description)).join(' ')})`);
    }
    if (cases.length > 0) {
      // A command with subcommands and an argument (kds learn check, kds learn LESSON) offers both.
      const also = command.subcommands.length > 0;
      const arms = cases.map(([n, values]) => `(${n}) ${values.kind === 'none' && also ? ':' : offer(values, also)} ;;`).join(' ');
      parts.push(`case $nargs in ${arms} esac`);
    }
    out.push(`          (${q(pathKey(command))}) ${parts.join('; ')} ;;`);
  }
  out.push(
    '        esac ;;',
    '    esac',
    '  fi',
    '  case $kind in',
    '    (files) _files ;;',
    '    (dirs) _files -/ ;;',
    "    (commas) compset -P '*,'; compadd -- $cands ;;",
    `    (described) _describe -t values ${q(spec.program)} cands ;;`,
    '    (*) compadd -- $cands ;;',
    '  esac',
    '}',
    '',
    '# Autoloaded from $fpath, zsh runs the file to complete; sourced, it registers the function.',
    'if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then',
    `  ${fn} "$@"`,
    'else',
    `  compdef ${fn} ${spec.program}`,
    'fi',
    '',
  );
  return out.join('\n');
}
