/** Binary byte units. Kinesis quotes its shard limits in MiB (1 MiB = 1,048,576 bytes). */
export const KIB = 1024;
export const MIB = 1024 * KIB;
export const GIB = 1024 * MIB;

export const SECONDS_PER_HOUR = 3600;
