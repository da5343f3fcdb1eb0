/** kds quiz flags, described once: the session's, and those the other quiz commands share. */
import { Option, type Command } from 'commander';
import { BLUEPRINT_NAMES, type BlueprintName } from '../../core/quiz/blueprint.js';
import { MAX_SEED } from '../../core/quiz/random.js';
import type { Focus } from '../../core/quiz/select.js';
import { DIFFICULTIES, TOPICS, type Difficulty, type Topic } from '../../core/quiz/topics.js';
import { DRILL_KINDS, type DrillKind } from '../../drills/types.js';
import { UsageError } from '../../errors.js';
import type { OptionSpec } from '../../options/define.js';
import { shellWord } from '../../render/text.js';
import { JSON_OPTION } from '../shared.js';

export const DEFAULT_COUNT = 10;
export const MODES = ['practice', 'exam'] as const;
export type Mode = (typeof MODES)[number];

export const BANK_OPTION: OptionSpec = {
  type: 'string',
  name: 'bank',
  value: 'DIR',
  description: 'use the question bank in DIR (DIR/<topic>/<id>.yaml) instead of the one kds ships',
};

/** A flag that takes one or more values from a fixed list: repeated, or separated by commas. */
export interface ListOptionSpec {
  readonly name: string;
  readonly value: string;
  readonly description: string;
  readonly choices: readonly string[];
  /** "topic", "difficulty": for the error message. */
  readonly noun: string;
  readonly plural: string;
}

export const TOPIC_OPTION: ListOptionSpec = {
  name: 'topic',
  value: 'TOPIC',
  description: `only these topics (repeat the flag or separate with commas): ${TOPICS.join(', ')}`,
  choices: TOPICS,
  noun: 'topic',
  plural: 'topics',
};

export const DIFFICULTY_OPTION: ListOptionSpec = {
  name: 'difficulty',
  value: 'LEVEL',
  description: `only these difficulties: ${DIFFICULTIES.join(', ')}`,
  choices: DIFFICULTIES,
  noun: 'difficulty',
  plural: 'difficulties',
};

/** Parses one occurrence of a list flag and adds it to the earlier ones. */
export function parseListFlag(spec: ListOptionSpec, raw: string, previous: readonly string[] | undefined): string[] {
  const values = raw
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v.length > 0);
  if (values.length === 0) throw new UsageError(`--${spec.name} expects a ${spec.noun}, got '${raw}' (${spec.plural}: ${spec.choices.join(', ')}).`);
  for (const value of values) {
    if (!spec.choices.includes(value)) {
      throw new UsageError(`unknown ${spec.noun} '${value}' for --${spec.name} (${spec.plural}: ${spec.choices.join(', ')}).`);
    }
  }
  return [...new Set([...(previous ?? []), ...values])];
}

export function addListOption(command: Command, spec: ListOptionSpec): Command {
  return command.addOption(
    new Option(`--${spec.name} <${spec.value}>`, spec.description).argParser((raw: string, previous: string[] | undefined) =>
      parseListFlag(spec, raw, previous),
    ),
  );
}

export const SESSION_OPTIONS: readonly OptionSpec[] = [
  {
    type: 'string', name: 'mode', value: 'MODE', choices: MODES, default: 'practice',
    description: 'practice: feedback and hints after each question; exam: no help, a score at the end',
  },
  {
    type: 'number', name: 'count', value: 'N', default: DEFAULT_COUNT,
    description: 'how many questions (fewer when fewer match)',
    rule: { integer: true, min: 1, max: 10_000, unit: 'questions' },
  },
  {
    type: 'number', name: 'seed', value: 'N',
    description: 'repeat a session: the same seed picks the same questions in the same order, options shuffled the same way',
    rule: { integer: true, min: 0, max: MAX_SEED, unit: 'seed values' },
  },
  {
    type: 'string', name: 'set', value: 'NAME',
    description: 'a named set of questions, asked in its own order: practice is the five practice questions of the course',
  },
  {
    type: 'string', name: 'blueprint', value: 'EXAM', choices: BLUEPRINT_NAMES,
    description: 'draw the questions in the domain weights of an AWS exam guide: developer (DVA-C02) or data-engineer (DEA-C01)',
  },
  { type: 'boolean', name: 'review', description: 'only the questions you got wrong last time' },
  { type: 'boolean', name: 'due', description: 'only the questions due again by their Leitner box (missed ones come back sooner)' },
  {
    type: 'number', name: 'time-limit', value: 'MIN',
    description: 'exam only: stop after this many minutes; questions not answered count as wrong',
    rule: { min: 0, minExclusive: true, max: 24 * 60, unit: 'minutes' },
  },
  {
    type: 'number', name: 'drill-ratio', value: 'R',
    description: 'mix generated drills into the session: the share of questions that are drills, 0 to 1 (1 with --drill)',
    rule: { min: 0, max: 1, unit: 'share', expects: 'a share of the questions from 0 to 1 (0.3 for three in ten)' },
  },
  BANK_OPTION,
];

export interface SessionFlags {
  readonly mode: Mode;
  readonly topic?: Topic[];
  readonly difficulty?: Difficulty[];
  readonly count: number;
  readonly seed?: number;
  readonly review?: boolean;
  readonly due?: boolean;
  readonly timeLimit?: number;
  readonly bank?: string;
  /** true for --drill without a kind. */
  readonly drill?: DrillKind | true;
  readonly drillRatio?: number;
  readonly set?: string;
  readonly blueprint?: BlueprintName;
}

export interface SessionOptions {
  readonly mode: Mode;
  readonly topics: readonly Topic[];
  readonly difficulties: readonly Difficulty[];
  readonly count: number;
  readonly seed?: number;
  readonly focus: Focus;
  readonly timeLimitMinutes?: number;
  readonly bank?: string;
  /** Drills to mix in: which kinds, and their share of the questions (0 for none). */
  readonly drills: { readonly kinds: readonly DrillKind[]; readonly ratio: number };
  /** A named set, asked in its order instead of a random draw. */
  readonly set?: string;
  readonly blueprint?: BlueprintName;
}

export function toSessionOptions(flags: SessionFlags): SessionOptions {
  if (flags.review && flags.due) {
    throw new UsageError('--review and --due choose questions in two different ways: use one of them.');
  }
  if (flags.timeLimit !== undefined && flags.mode !== 'exam') {
    throw new UsageError(`--time-limit ${flags.timeLimit} needs --mode exam: practice has no clock.`);
  }
  const choosers = [
    ...(flags.set === undefined ? [] : [`--set ${flags.set}`]),
    ...(flags.blueprint === undefined ? [] : [`--blueprint ${flags.blueprint}`]),
    ...(flags.review ? ['--review'] : []),
    ...(flags.due ? ['--due'] : []),
    ...(flags.drill === undefined ? [] : ['--drill']),
  ];
  if ((flags.set !== undefined || flags.blueprint !== undefined) && choosers.length > 1) {
    throw new UsageError(`${choosers[0]} and ${choosers[1]} choose questions in two different ways: use one of them.`);
  }
  if (flags.set !== undefined && (flags.topic !== undefined || flags.difficulty !== undefined)) {
    throw new UsageError(`--set ${flags.set} asks its own questions in its own order: leave out --topic and --difficulty.`);
  }
  if (flags.blueprint !== undefined && flags.topic !== undefined) {
    throw new UsageError(`--blueprint ${flags.blueprint} chooses the topics by the exam's domain weights: leave out --topic.`);
  }
  return {
    mode: flags.mode,
    topics: flags.topic ?? [],
    difficulties: flags.difficulty ?? [],
    count: flags.count,
    focus: flags.review ? 'review' : flags.due ? 'due' : 'all',
    drills: {
      kinds: flags.drill === undefined || flags.drill === true ? DRILL_KINDS : [flags.drill],
      ratio: flags.drillRatio ?? (flags.drill === undefined ? 0 : 1),
    },
    ...(flags.seed === undefined ? {} : { seed: flags.seed }),
    ...(flags.timeLimit === undefined ? {} : { timeLimitMinutes: flags.timeLimit }),
    ...(flags.bank === undefined ? {} : { bank: flags.bank }),
    ...(flags.set === undefined ? {} : { set: flags.set.trim().toLowerCase() }),
    ...(flags.blueprint === undefined ? {} : { blueprint: flags.blueprint }),
  };
}

/** The command line that repeats a session. */
export function repeatCommand(options: SessionOptions, seed: number): string {
  const parts = ['kds quiz'];
  if (options.mode === 'exam') parts.push('--mode exam');
  if (options.set !== undefined) parts.push(`--set ${options.set}`);
  if (options.blueprint !== undefined) parts.push(`--blueprint ${options.blueprint}`);
  if (options.topics.length > 0) parts.push(`--topic ${options.topics.join(',')}`);
  if (options.difficulties.length > 0) parts.push(`--difficulty ${options.difficulties.join(',')}`);
  if (options.focus !== 'all') parts.push(`--${options.focus}`);
  if (options.count !== DEFAULT_COUNT) parts.push(`--count ${options.count}`);
  if (options.timeLimitMinutes !== undefined) parts.push(`--time-limit ${options.timeLimitMinutes}`);
  if (options.drills.ratio > 0) {
    const allKinds = options.drills.kinds.length === DRILL_KINDS.length;
    if (options.drills.ratio === 1) parts.push(allKinds ? '--drill' : `--drill ${options.drills.kinds.join(',')}`);
    else {
      if (!allKinds) parts.push(`--drill ${options.drills.kinds.join(',')}`);
      parts.push(`--drill-ratio ${options.drills.ratio}`);
    }
  }
  if (options.bank !== undefined) parts.push(`--bank ${shellWord(options.bank)}`);
  parts.push(`--seed ${seed}`);
  return parts.join(' ');
}

/** --drill [KIND]: drills only (of one kind, or all kinds when none is named). */
export function addDrillOption(command: Command): Command {
  return command.addOption(
    new Option('--drill [kind]', `generated problems instead of bank questions: ${DRILL_KINDS.join(', ')}, or all kinds when none is named`).argParser(
      (raw: string) => {
        const kind = raw.trim().toLowerCase();
        if (!(DRILL_KINDS as readonly string[]).includes(kind)) {
          throw new UsageError(`unknown drill kind '${raw}' for --drill (kinds: ${DRILL_KINDS.join(', ')}).`);
        }
        return kind as DrillKind;
      },
    ),
  );
}

export const DRILL_OPTIONS: readonly OptionSpec[] = [
  {
    type: 'number', name: 'seed', value: 'N',
    description: 'the same seed gives the same problem (default: one from the clock, printed in the JSON)',
    rule: { integer: true, min: 0, max: MAX_SEED, unit: 'seed values' },
  },
  { type: 'boolean', name: 'answer', description: 'also print the answer, why each option is right or wrong, and the explanation' },
  JSON_OPTION,
];

export const LIST_OPTIONS: readonly OptionSpec[] = [
  { type: 'boolean', name: 'json', description: 'print [{ id, topic, difficulty, prompt }] for scripts' },
  BANK_OPTION,
];
export const SHOW_OPTIONS: readonly OptionSpec[] = [
  { type: 'boolean', name: 'answer', description: 'also print the answer, why each option is right or wrong, the explanation and sources' },
  JSON_OPTION,
  BANK_OPTION,
];
export const ANSWER_OPTIONS: readonly OptionSpec[] = [JSON_OPTION, BANK_OPTION];
export const CHECK_OPTIONS: readonly OptionSpec[] = [
  { type: 'boolean', name: 'json', description: 'print { dir, files, questions, problems: [{ file, line, message }] }' },
  BANK_OPTION,
];
export const STATS_OPTIONS: readonly OptionSpec[] = [JSON_OPTION, BANK_OPTION];
export const RESET_OPTIONS: readonly OptionSpec[] = [
  { type: 'boolean', name: 'yes', description: 'do not ask first (for scripts)' },
  {
    type: 'string', name: 'bank', value: 'DIR',
    description: 'forget only the questions of the bank in DIR',
  },
];


export const EXPORT_OPTIONS: readonly OptionSpec[] = [
  { type: 'string', name: 'output', value: 'FILE', description: 'write the export to FILE instead of stdout' },
  { type: 'boolean', name: 'json', description: 'with --output, print { file, questions, sessions, lessons } (the export itself is always JSON)' },
];
export const IMPORT_OPTIONS: readonly OptionSpec[] = [
  { type: 'boolean', name: 'json', description: 'print { file, progressFile, questionsAdded, questionsMerged, sessionsAdded, lessonsAdded }' },
];
