import { isIsoDate, PLAUSIBLE_YEARS } from "@csg/schema";
import { characterCount, quoted } from "@csg/service-runtime";
import { textProblem } from "./text";
import type { SourceRecord } from "../records";

/** One problem found in input: where it is (file, row, field or JSON path) and what is wrong. */
export interface ValidationIssue {
  where: string;
  /** The place within the input, without the input's name (e.g. statistics[2].count). */
  path?: string;
  message: string;
}

/** Input was rejected; nothing was written. Lists every problem found, each with its place. */
export class ValidationError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(
      issues.length === 1
        ? `${issues[0].where}: ${issues[0].message}`
        : `${issues.length} problems:\n${issues.map((i) => `  ${i.where}: ${i.message}`).join("\n")}`,
    );
    this.name = "ValidationError";
  }
}

/** The longest text a field takes unless it says otherwise, in characters (code points). */
export const MAX_TEXT_LENGTH = 2000;

/**
 * Collects every problem in one piece of input before anything is written, so that an
 * officer sees all of them at once. `prefix` names the input (a file, a mutation argument).
 */
export class Checker {
  readonly issues: ValidationIssue[] = [];
  /**
   * The sources the input cites, each with its place (recorded by checkSource): a write
   * checks their documents in its transaction (see publishCiting).
   */
  readonly cited: { source: SourceRecord; place: (field: string) => string }[] = [];
  /** Problems recorded, by place and message: a set, so 100,000 problems cost no more than 100,000 look-ups. */
  private readonly recorded = new Set<string>();

  constructor(private readonly prefix: string) {}

  /** Records a problem; the same problem at the same place is recorded once. */
  fail(path: string, message: string): void {
    const where = path ? `${this.prefix}: ${path}` : this.prefix;
    const key = `${where}\n${message}`;
    if (this.recorded.has(key)) return;
    this.recorded.add(key);
    this.issues.push({ where, path, message });
  }

  text(path: string, value: unknown, options: { optional?: boolean; max?: number } = {}): value is string {
    if (value === undefined || value === null) {
      if (!options.optional) this.fail(path, "is required");
      return false;
    }
    if (typeof value !== "string") return this.reject(path, `must be text, got ${quoted(value)}`);
    if (value.trim() === "") return this.reject(path, "must not be empty");
    const max = options.max ?? MAX_TEXT_LENGTH;
    // Characters as people count them (code points: an emoji is one); only text longer in UTF-16 units needs counting.
    const length = value.length > max ? characterCount(value) : value.length;
    if (length > max) return this.reject(path, `is ${length} characters long; at most ${max} are allowed`);
    const problem = textProblem(value);
    if (problem) return this.reject(path, problem);
    return true;
  }

  count(path: string, value: unknown): value is number {
    if (typeof value !== "number" || !Number.isInteger(value)) {
      return this.reject(path, `must be a whole number, got ${quoted(value)}`);
    }
    if (value < 0) return this.reject(path, `must not be negative, got ${value}`);
    if (value > 2_147_483_647) return this.reject(path, `is too large (${value})`);
    return true;
  }

  date(path: string, value: unknown): value is string {
    if (!isIsoDate(value)) return this.reject(path, `must be a calendar date YYYY-MM-DD, got ${quoted(value)}`);
    const year = Number(value.slice(0, 4));
    if (year < PLAUSIBLE_YEARS.from || year > PLAUSIBLE_YEARS.to) {
      return this.reject(path, `must be a date from ${PLAUSIBLE_YEARS.from} to ${PLAUSIBLE_YEARS.to}, got ${value}`);
    }
    return true;
  }

  period(path: string, start: unknown, end: unknown): void {
    if (this.date(`${path}.start`, start) && this.date(`${path}.end`, end) && end < start) {
      this.fail(`${path}.end`, `${end} precedes the start ${start}`);
    }
  }

  oneOf<T extends string>(path: string, value: unknown, allowed: readonly T[], what = "value"): value is T {
    if (typeof value !== "string" || !allowed.includes(value as T)) {
      return this.reject(path, `unknown ${what} ${quoted(value)}; expected one of ${allowed.join(", ")}`);
    }
    return true;
  }

  list(path: string, value: unknown, options: { optional?: boolean } = {}): value is unknown[] {
    if (value === undefined && options.optional) return false;
    if (!Array.isArray(value)) return this.reject(path, "must be a list");
    return true;
  }

  /** Fails when a key was seen before in the same input. */
  unique(path: string, seen: Set<string>, key: string, what: string): void {
    if (seen.has(key)) this.fail(path, `duplicate ${what} ${key.length > 80 ? quoted(key) : key}`);
    seen.add(key);
  }

  throwIfAny(): void {
    if (this.issues.length > 0) throw new ValidationError(this.issues);
  }

  private reject(path: string, message: string): false {
    this.fail(path, message);
    return false;
  }
}
