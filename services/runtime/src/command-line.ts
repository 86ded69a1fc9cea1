/**
 * Every command's options, read the same way (node:util parseArgs): `--name value` and
 * `--name=value`, an environment variable as fallback where one is named, `--help`, and a
 * one-line message (never a stack trace) for an unknown option or a bad value.
 */
import { parseArgs } from "node:util";

export interface OptionSpec {
  type: "string" | "boolean";
  description: string;
  /** What the value is, in the help text, e.g. "<code>". */
  value?: string;
  /** The environment variable read when the option is not given. */
  env?: string;
  /** A value given on the command line is also set in `env`: read there by this process's code and the processes it starts. */
  exported?: boolean;
  /** The only values allowed (checked as the command line is read). */
  choices?: string[];
  default?: string;
}

export interface CommandSpec {
  /** What the command does, one line. */
  summary: string;
  /** How it is run, e.g. "pnpm figures:import --partnership <code> --file <file.csv>". */
  usage: string[];
  options: Record<string, OptionSpec>;
  /** Whether words without `--` are taken (e.g. `pnpm tokens revoke <id>`). */
  positionals?: boolean;
}

/** A mistake in how a command was called: its message is one line, followed by a pointer to --help. */
export class UsageError extends Error {}

export interface CommandLine {
  positionals: string[];
  string(name: string): string | undefined;
  /** The option's value; a UsageError naming it when it is missing. */
  required(name: string): string;
  flag(name: string): boolean;
  /** A whole number; a UsageError naming the option when the value is not one. */
  integer(name: string): number | undefined;
}

export function helpText(spec: CommandSpec): string {
  const options = Object.entries(spec.options).map(([name, o]) => {
    const left = `  --${name}${o.type === "string" ? ` ${o.value ?? "<value>"}` : ""}`;
    const extra = [o.env && `env ${o.env}`, o.default !== undefined && `default ${o.default}`]
      .filter(Boolean)
      .join("; ");
    return `${left.padEnd(34)} ${o.description}${extra ? ` (${extra})` : ""}`;
  });
  return [
    spec.summary,
    "",
    "Usage:",
    ...spec.usage.map((u) => `  ${u}`),
    "",
    "Options:",
    ...options,
    `${"  --help".padEnd(34)} This text.`,
  ].join("\n");
}

/** Reads the command line by `spec`; `--help` prints the help text and exits. */
export function readCommandLine(spec: CommandSpec, args = process.argv.slice(2)): CommandLine {
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      options: {
        ...Object.fromEntries(Object.entries(spec.options).map(([name, o]) => [name, { type: o.type }])),
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: spec.positionals ?? false,
      strict: true,
    }) as typeof parsed;
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0]);
  }
  if (parsed.values.help) {
    console.log(helpText(spec));
    process.exit(0);
  }
  const string = (name: string): string | undefined => {
    const o = spec.options[name];
    const given = parsed.values[name];
    return typeof given === "string" ? given : (o?.env && process.env[o.env]) || o?.default;
  };
  for (const [name, o] of Object.entries(spec.options)) {
    const value = string(name);
    if (o.choices && value !== undefined && !o.choices.includes(value))
      throw new UsageError(`--${name} is ${o.choices.join(" or ")}, not "${value}"`);
  }
  for (const [name, o] of Object.entries(spec.options)) {
    const given = parsed.values[name];
    if (o.exported && o.env && typeof given === "string") process.env[o.env] = given;
  }
  return {
    positionals: parsed.positionals,
    string,
    required(name) {
      const value = string(name);
      if (value === undefined || value === "")
        throw new UsageError(`--${name} is required: ${spec.options[name]?.description ?? ""}`.trim());
      return value;
    },
    flag: (name) => parsed.values[name] === true,
    integer(name) {
      const value = string(name);
      if (value === undefined) return undefined;
      if (!/^-?\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, not "${value}"`);
      return Number(value);
    },
  };
}

/**
 * Runs a command's body: a problem ends it with its message alone on one line (a mistake in
 * the call, exit 2, with a pointer to --help; anything else, exit 1), never a stack trace.
 */
export async function runCommand(name: string, body: () => unknown): Promise<void> {
  try {
    await body();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(error instanceof UsageError ? `${name}: ${message}. Run ${name} --help for usage.` : message);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
}
