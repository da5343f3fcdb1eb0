/**
 * The bash completion script. The function walks the words before the cursor to find the command
 * path (`quiz show`), a flag waiting for its value, and how many positional arguments were given;
 * then it offers that flag's values, the command's flags, or its subcommands and arguments.
 */
import { argumentCases, header, optionalFlagCases, valueCases, type Quote } from './shared.js';
import { pathKey, valueFlagNames, type CompletionSpec, type Values } from './spec.js';
import { singleQuoted } from '../text.js';

/** A word in single quotes, safe for bash. */
const q: Quote = singleQuoted;

function words(list: readonly string[]): string {
  return q(list.join(' '));
}

/** The assignment that makes the script offer these values (after the words already offered, with `also`). */
function offer(values: Values, also = false): string {
  switch (values.kind) {
    case 'words':
      return `words=${also ? `"$words "` : ''}${words(values.words)}; kind=${values.commas ? 'commas' : 'words'}`;
    case 'files':
      return 'kind=files';
    case 'dirs':
      return 'kind=dirs';
    default:
      return 'return 0';
  }
}

export function bashScript(spec: CompletionSpec, version: string): string {
  const fn = `_${spec.program}_complete`;
  const out: string[] = [
    ...header('#', 'bash', spec.program, version, [
      'Install: add this line to ~/.bashrc, then open a new shell:',
      `  source <(${spec.program} completion bash)`,
    ]),
    '',
    `${fn}() {`,
    '  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}',
    "  local cmdpath='' expect='' nargs=0 i w words='' kind=words pre=''",
    '  for ((i = 1; i < COMP_CWORD; i++)); do',
    '    w=${COMP_WORDS[i]}',
    '    [[ $w == = ]] && continue',
    "    if [[ -n $expect ]]; then expect=''; continue; fi",
    '    case $w in',
    '      --*=*) continue ;;',
    '      -*)',
    '        case "$cmdpath/$w" in',
  ];
  for (const command of spec.commands) {
    const flags = valueFlagNames(command);
    if (flags.length > 0) out.push(`          ${flags.map((f) => q(`${pathKey(command)}/${f}`)).join('|')}) expect=$w ;;`);
  }
  out.push('        esac', '        continue ;;', '    esac', '    case "$cmdpath/$w" in');
  for (const command of spec.commands) {
    for (const sub of command.subcommands) {
      out.push(`      ${q(`${pathKey(command)}/${sub.name}`)}) cmdpath=${q([...command.path, sub.name].join(' '))} ;;`);
    }
  }
  out.push(
    '      *) nargs=$((nargs + 1)) ;;',
    '    esac',
    '  done',
    "  [[ $cur == = ]] && cur=''",
    '  [[ $prev == = ]] && prev=${COMP_WORDS[COMP_CWORD-2]}',
    '  if [[ -z $expect && $cur == --*=* ]]; then expect=${cur%%=*}; pre="$expect="; cur=${cur#*=}; fi',
    '  if [[ -n $expect ]]; then',
    '    case "$cmdpath/$expect" in',
  );
  for (const [keys, values] of valueCases(spec)) out.push(`      ${keys.map(q).join('|')}) ${offer(values)} ;;`);
  out.push('      *) return 0 ;;', '    esac', '  elif [[ $cur == -* ]]; then', '    case $cmdpath in');
  for (const command of spec.commands) {
    out.push(`      ${q(pathKey(command))}) words=${words(command.flags.flatMap((f) => f.names))} ;;`);
  }
  out.push('    esac', '  else', '    case "$cmdpath/$prev" in');
  for (const [keys, values] of optionalFlagCases(spec)) out.push(`      ${keys.map(q).join('|')}) ${offer(values)} ;;`);
  out.push('      *)', '        case $cmdpath in');
  for (const command of spec.commands) {
    const subs = command.subcommands.map((s) => s.name);
    const cases = argumentCases(command);
    if (subs.length === 0 && cases.length === 0) continue;
    const parts: string[] = [];
    if (subs.length > 0) parts.push(`words=${words(subs)}`);
    if (cases.length > 0) {
      // A command with subcommands and an argument (kds learn check, kds learn LESSON) offers both.
      const also = subs.length > 0;
      const arms = cases.map(([n, values]) => `${n}) ${values.kind === 'none' && also ? ':' : offer(values, also)} ;;`).join(' ');
      parts.push(`case $nargs in ${arms} esac`);
    }
    out.push(`          ${q(pathKey(command))}) ${parts.join('; ')} ;;`);
  }
  out.push(
    '        esac ;;',
    '    esac',
    '  fi',
    '  case $kind in',
    '    files) COMPREPLY=($(compgen -P "$pre" -f -- "$cur")); compopt -o filenames 2>/dev/null ;;',
    '    dirs) COMPREPLY=($(compgen -P "$pre" -d -- "$cur")); compopt -o filenames 2>/dev/null ;;',
    "    commas) local head=''; [[ $cur == *,* ]] && head=\"${cur%,*},\"",
    '      COMPREPLY=($(compgen -P "$pre$head" -W "$words" -- "${cur##*,}")) ;;',
    '    *) COMPREPLY=($(compgen -P "$pre" -W "$words" -- "$cur")) ;;',
    '  esac',
    '}',
    `complete -F ${fn} ${spec.program}`,
    '',
  );
  return out.join('\n');
}
