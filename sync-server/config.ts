/**
 * The server's settings from the environment, checked once at start-up so a typo fails loudly
 * instead of running with a surprising default.
 */
export type ServerConfig = {
  port: number;
  host: string;
  dataDir: string;
  staticDir: string;
  rateLimitPerMinute: number;
  trustProxy: boolean;
};

/** A whole-number setting from the environment, or `fallback` when unset; out of range throws. */
export function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
) {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir: env.DATA_DIR?.trim() || './data',
    staticDir: env.STATIC_DIR?.trim() || './build',
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 30, 1, 1_000_000),
    trustProxy: env.TRUST_PROXY?.trim() === '1',
  };
}
