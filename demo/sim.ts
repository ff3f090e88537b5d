/** Randomness and waiting, the raw material of simulated work. */

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** `base` ± `spread` (a fraction), e.g. jitter(40, 0.3) is 28..52. */
export const jitter = (base: number, spread = 0.3) => base * (1 - spread + Math.random() * 2 * spread);

export const chance = (probability: number) => Math.random() < probability;

export const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

export const randomInt = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

export const randomId = (prefix: string) => `${prefix}_${Math.random().toString(36).slice(2, 10)}`;

export const round2 = (n: number) => Math.round(n * 100) / 100;
