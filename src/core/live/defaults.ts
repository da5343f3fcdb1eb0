/** What a live read does when its flags are not given (kds's choices, not AWS facts). */

/** Seconds of arrivals read from --from. */
export const DEFAULT_SECONDS = 30;
/** GetRecords calls per shard per second: one of the five a shard allows, the rest left to its consumers. */
export const DEFAULT_CALLS_PER_SECOND = 1;
