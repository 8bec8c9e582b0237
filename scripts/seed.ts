/**
 * `npm run seed -- --requests N --volunteers M --areas K …` (see `--help`): synthetic data for
 * demos, tests and benchmarks. A thin wrapper: the seeder lives in scripts/seed/.
 */
import { runSeed } from './seed/seed-cli.ts';

process.exitCode = await runSeed(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  today: () => new Date(),
});
