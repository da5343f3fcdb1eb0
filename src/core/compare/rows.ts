/** The matrix row ids, kept apart from the content so that registering flags stays light. */

export const ROW_IDS = [
  'data-model',
  'ordering',
  'delivery-semantics',
  'retention',
  'replay',
  'independent-consumers',
  'consumer-model',
  'per-message-ack',
  'per-message-delay',
  'max-message-size',
  'throughput-scaling',
  'latency',
  'destinations',
  'transformation',
  'failure-handling',
  'pricing-model',
  'typical-use',
] as const;
export type RowId = (typeof ROW_IDS)[number];

export function isRowId(value: string): value is RowId {
  return (ROW_IDS as readonly string[]).includes(value);
}
