// bench/machine.ts — the facts a reader needs to compare these figures with their own.

import { availableParallelism, cpus, platform, release, totalmem, arch } from "node:os";

export interface Machine {
  readonly node: string;
  readonly cpu: string;
  readonly cores: number;
  readonly os: string;
  readonly memoryGiB: number;
}

export function machine(): Machine {
  return {
    node: process.version,
    cpu: cpus()[0]?.model.trim() ?? "unknown CPU",
    cores: availableParallelism(),
    os: `${platform()} ${release()} ${arch()}`,
    memoryGiB: totalmem() / 2 ** 30,
  };
}
