import type { PartnershipReading } from "./publications";

interface Kept {
  revision: string;
  /** By the fields read (one entry per kind of analysis). */
  readings: Map<string, Promise<PartnershipReading>>;
}

/**
 * Each partnership's readings, kept until that partnership's revision changes. Every request
 * asks the partnership its revision first (a tiny GET), so a change published before the
 * request arrived is always read; only unchanged data is reused. A failed reading is not kept.
 */
export class KeptReadings {
  private readonly byPartnership = new Map<string, Kept>();

  read(code: string, fields: string, revision: string | null, fetch: () => Promise<PartnershipReading>): Promise<PartnershipReading> {
    if (revision === null) return fetch();
    let kept = this.byPartnership.get(code);
    if (!kept || kept.revision !== revision) {
      kept = { revision, readings: new Map() };
      this.byPartnership.set(code, kept);
    }
    const known = kept.readings.get(fields);
    if (known) return known;
    const reading = fetch();
    kept.readings.set(fields, reading);
    const keptNow = kept;
    void reading.then((r) => {
      if (r.problem && keptNow.readings.get(fields) === reading) keptNow.readings.delete(fields);
    });
    return reading;
  }
}
