/** kds learn flags. */
import type { OptionSpec } from '../../options/define.js';
import { JSON_OPTION } from '../shared.js';

export const LEARN_OPTIONS: readonly OptionSpec[] = [
  {
    ...JSON_OPTION,
    description: 'print the lessons as [{ id, title, topic }], or one lesson as data with its examples computed',
  },
  {
    type: 'string',
    name: 'lessons',
    value: 'DIR',
    description: 'read the lessons in DIR instead of the ones kds ships',
  },
];

export interface LearnFlags {
  readonly json?: boolean;
  readonly lessons?: string;
}
