// bench/config.ts — how long and how hard each part runs: the full run, and --quick for CI.

export interface BenchConfig {
  readonly quick: boolean;
  /** Concurrent keep-alive connections, the same for every server. */
  readonly connections: number;
  readonly warmupSec: number;
  /** One measured run; each server gets `rounds` of them, taking turns with the others. */
  readonly durationSec: number;
  readonly rounds: number;
  /** A generous req/s guess that sizes the warm-up traffic (the measured run uses warm-up's rate). */
  readonly warmupRateGuess: number;
  /** How much more traffic than the warm-up rate × duration the measured run gets. */
  readonly trafficMargin: number;
  /** mitata's minimum CPU time per verify benchmark, in ms. */
  readonly verifyMinCpuMs: number;
  /** Keys committed to MemoryStore in the memory measurement. */
  readonly memoryKeys: number;
  /** `--cpu-prof`: where each server writes its V8 CPU profile; undefined when not profiling. */
  readonly cpuProfDir: string | undefined;
}

export function benchConfig(quick: boolean, cpuProfDir?: string): BenchConfig {
  const common = { quick, connections: 50, trafficMargin: 1.5, cpuProfDir };
  return quick
    ? {
        ...common,
        warmupSec: 0.5,
        durationSec: 1,
        rounds: 1,
        warmupRateGuess: 20_000,
        verifyMinCpuMs: 30,
        memoryKeys: 100_000,
      }
    : {
        ...common,
        warmupSec: 3,
        durationSec: 4,
        rounds: 5,
        warmupRateGuess: 20_000,
        verifyMinCpuMs: 1_000,
        memoryKeys: 1_000_000,
      };
}
