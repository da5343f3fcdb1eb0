/** The AWS CLI commands that put a sizing into effect. */
import { STREAM } from '../facts.js';
import { KIB } from '../units.js';
import type { SizeResult } from './size.js';

export interface AwsCommand {
  readonly purpose: string;
  readonly command: string;
}

export function awsCommands(result: SizeResult, streamName: string): AwsCommand[] {
  const name = `--stream-name ${streamName}`;
  const commands: AwsCommand[] = [];
  const plan = result.reshard;
  if (plan === undefined) {
    commands.push({
      purpose: 'create the stream (provisioned)',
      command: `aws kinesis create-stream ${name} --shard-count ${result.recommendedShards}`,
    });
    commands.push({
      purpose: 'or create it on demand',
      command: `aws kinesis create-stream ${name} --stream-mode-details StreamMode=ON_DEMAND`,
    });
  } else {
    for (const step of plan.steps) {
      commands.push({
        purpose: `day ${step.day}: ${step.from} -> ${step.to} shards`,
        command: `aws kinesis update-shard-count ${name} --target-shard-count ${step.to} --scaling-type UNIFORM_SCALING`,
      });
    }
  }
  const retention = result.input.retentionHours;
  if (retention > STREAM.retentionDefaultHours.value) {
    commands.push({
      purpose: `keep data ${retention} hours`,
      command: `aws kinesis increase-stream-retention-period ${name} --retention-period-hours ${retention}`,
    });
  }
  for (const finding of result.findings) {
    if (finding.id === 'record-too-large' && finding.fixable) {
      const kib = Math.ceil(finding.recordBytes / KIB);
      commands.push({
        purpose: 'allow larger records',
        command: `aws kinesis update-max-record-size --stream-arn <stream-arn> --max-record-size-in-ki-b ${kib}`,
      });
    }
  }
  if (result.input.efoConsumers > 0) {
    commands.push({
      purpose: 'register each enhanced fan-out consumer',
      command: 'aws kinesis register-stream-consumer --stream-arn <stream-arn> --consumer-name <application-name>',
    });
  }
  return commands;
}
