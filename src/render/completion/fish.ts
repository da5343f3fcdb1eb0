/**
 * The fish completion script: one function prints the candidates (with descriptions) for the
 * command line so far, by the same walk as the bash and zsh scripts; fish filters them by prefix.
 */
import { argumentCases, header, optionalFlagCases, valueCases, type Quote } from './shared.js';
import { pathKey, valueFlagNames, type CompletionSpec, type Values } from './spec.js';

/** Single quotes in fish: backslash escapes only a backslash and a single quote. */
const q: Quote = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function offer(values: Values, indent: string): string[] {
  switch (values.kind) {
    case 'words':
      // "$prefix$head"$words puts the prefix before every word (fish expands the product).
      return [
        `${indent}set -l words ${values.words.map(q).join(' ')}`,
        values.commas ? `${indent}set -l head (string match -r -- '^.*,' $cur)` : `${indent}set -l head ''`,
        `${indent}printf '%s\\n' "$prefix$head"$words`,
      ];
    case 'files':
      return [`${indent}__fish_complete_path $cur | string replace -r -- '^' "$prefix"`];
    case 'dirs':
      return [`${indent}__fish_complete_directories $cur | string replace -r -- '^' "$prefix"`];
    default:
      return [`${indent}return`];
  }
}

/** printf lines of "word<TAB>description" for fish. */
function describedLines(entries: readonly (readonly [string, string])[], indent: string): string[] {
  if (entries.length === 0) return [];
  return [`${indent}printf '%s\\t%s\\n' ${entries.map(([n, d]) => `${q(n)} ${q(d)}`).join(' ')}`];
}

export function fishScript(spec: CompletionSpec, version: string): string {
  const fn = `__${spec.program}_complete`;
  const out: string[] = [
    ...header('#', 'fish', spec.program, version, [
      'Install: save it where fish looks for completions, then open a new shell:',
      `  ${spec.program} completion fish > ~/.config/fish/completions/${spec.program}.fish`,
    ]),
    '',
    `function ${fn}`,
    '    set -l tokens (commandline -opc)',
    '    set -l cur (commandline -ct)',
    "    set -l cmdpath ''",
    "    set -l expect ''",
    "    set -l prefix ''",
    '    set -l nargs 0',
    '    set -e tokens[1]',
    '    for w in $tokens',
    '        if test -n "$expect"',
    "            set expect ''",
    '            continue',
    '        end',
    '        switch $w',
    "            case '--*=*'",
    '                continue',
    "            case '-*'",
    '                switch "$cmdpath/$w"',
  ];
  for (const command of spec.commands) {
    const flags = valueFlagNames(command);
    if (flags.length > 0) out.push(`                    case ${flags.map((f) => q(`${pathKey(command)}/${f}`)).join(' ')}`, '                        set expect $w');
  }
  out.push('                end', '                continue', '        end', '        switch "$cmdpath/$w"');
  for (const command of spec.commands) {
    for (const sub of command.subcommands) {
      out.push(`            case ${q(`${pathKey(command)}/${sub.name}`)}`, `                set cmdpath ${q([...command.path, sub.name].join(' '))}`);
    }
  }
  out.push(
    "            case '*'",
    '                set nargs (math $nargs + 1)',
    '        end',
    '    end',
    "    if test -z \"$expect\"; and string match -q -- '--*=*' $cur",
    "        set expect (string replace -r -- '=.*' '' $cur)",
    '        set prefix "$expect="',
    "        set cur (string replace -r -- '^[^=]*=' '' $cur)",
    '    end',
    '    if test -n "$expect"',
    '        switch "$cmdpath/$expect"',
  );
  for (const [keys, values] of valueCases(spec)) out.push(`            case ${keys.map(q).join(' ')}`, ...offer(values, '                '));
  out.push('        end', '        return', '    end', "    if string match -q -- '-*' $cur", '        switch $cmdpath');
  for (const command of spec.commands) {
    out.push(
      `            case ${q(pathKey(command))}`,
      ...describedLines(
        command.flags.flatMap((f) => f.names.map((n) => [n, f.description] as const)),
        '                ',
      ),
    );
  }
  out.push('        end', '        return', '    end', '    switch "$cmdpath/$tokens[-1]"');
  for (const [keys, values] of optionalFlagCases(spec)) {
    out.push(`        case ${keys.map(q).join(' ')}`, ...offer(values, '            '), '            return');
  }
  out.push('    end', '    switch $cmdpath');
  for (const command of spec.commands) {
    const cases = argumentCases(command);
    if (command.subcommands.length === 0 && cases.length === 0) continue;
    out.push(`        case ${q(pathKey(command))}`);
    out.push(...describedLines(command.subcommands.map((s) => [s.name, s.description] as const), '            '));
    if (cases.length > 0) {
      out.push('            switch $nargs');
      for (const [n, values] of cases) out.push(`                case ${q(n)}`, ...offer(values, '                    '));
      out.push('            end');
    }
  }
  out.push('    end', 'end', '', `complete -c ${spec.program} -f -a '(${fn})'`, '');
  return out.join('\n');
}
