import { describe, expect, it } from "vitest";
import { type CommandSpec, helpText, readCommandLine, UsageError } from "../src/command-line";

const spec: CommandSpec = {
  summary: "Imports figures.",
  usage: ["pnpm figures:import --partnership <code> --file <file.csv>"],
  options: {
    partnership: { type: "string", value: "<code>", env: "CSG_TEST_PARTNERSHIP", description: "The partnership." },
    file: { type: "string", value: "<file.csv>", description: "The CSV file." },
    port: { type: "string", value: "<port>", description: "A port." },
    "dry-run": { type: "boolean", description: "Write nothing." },
  },
};

const usageError = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error("no UsageError");
};

describe("a command's options", () => {
  it("are read as --name value and --name=value alike, with an environment variable as fallback", () => {
    const line = readCommandLine(spec, ["--partnership=charnwood", "--file", "a.csv", "--dry-run"]);
    expect([line.string("partnership"), line.required("file"), line.flag("dry-run")]).toEqual([
      "charnwood",
      "a.csv",
      true,
    ]);
    process.env.CSG_TEST_PARTNERSHIP = "melton";
    try {
      expect(readCommandLine(spec, []).string("partnership")).toBe("melton");
    } finally {
      delete process.env.CSG_TEST_PARTNERSHIP;
    }
  });

  it("refuse an unknown option, a missing value and a bad number with one line naming it", () => {
    expect(usageError(() => readCommandLine(spec, ["--partnershp", "charnwood"]))).toBe(
      "Unknown option '--partnershp'",
    );
    expect(usageError(() => readCommandLine(spec, []).required("file"))).toBe("--file is required: The CSV file.");
    expect(usageError(() => readCommandLine(spec, ["--port", "40o1"]).integer("port"))).toBe(
      '--port must be a whole number, not "40o1"',
    );
    expect(usageError(() => readCommandLine(spec, ["stray"]))).toMatch(/^Unexpected argument 'stray'/);
  });

  it("check a value against its choices, and set an exported option's variable for the processes started", () => {
    const onOff: CommandSpec = {
      summary: "Starts.",
      usage: ["pnpm start"],
      options: {
        cache: {
          type: "string",
          env: "CSG_TEST_CACHE",
          exported: true,
          choices: ["on", "off"],
          description: "The cache.",
        },
      },
    };
    try {
      expect(usageError(() => readCommandLine(onOff, ["--cache", "maybe"]))).toBe('--cache is on or off, not "maybe"');
      expect(process.env.CSG_TEST_CACHE).toBeUndefined();
      expect(readCommandLine(onOff, ["--cache=off"]).string("cache")).toBe("off");
      expect(process.env.CSG_TEST_CACHE).toBe("off");
      process.env.CSG_TEST_CACHE = "sometimes";
      expect(usageError(() => readCommandLine(onOff, []))).toBe('--cache is on or off, not "sometimes"');
    } finally {
      delete process.env.CSG_TEST_CACHE;
    }
  });

  it("are described by --help, with their environment variables", () => {
    const text = helpText(spec);
    expect(text).toContain("pnpm figures:import --partnership <code> --file <file.csv>");
    expect(text).toMatch(/--partnership <code> +The partnership\. \(env CSG_TEST_PARTNERSHIP\)/);
    expect(text).toMatch(/--help +This text\./);
  });
});
