import type { PartnershipReading } from "./publications";

/**
 * Readings kept per partnership and revision, the oldest dropped first: a total's reading is
 * keyed by the category and period a client asked for, which a client could vary without end.
 */
export const MAX_KEPT_READINGS = 200;

interface Kept {
  revision: string;
  /** By the fields read (one entry per kind of analysis, and category where one is asked). */
  readings: Map<string, Promise<PartnershipReading>>;
}

/**
 * Each partnership's readings, kept until that partnership's revision changes. Every request
 * asks the partnership its revision first (a tiny GET), so a change published before the
 * request arrived is always read; only unchanged data is reused. A failed reading is not kept.
 *
 * A reading still in flight is shared by every request that asks for the same fields of the
 * same revision, and also by requests that could not learn the revision (a partnership too
 * busy to answer it): repeated county queries of a busy partnership wait on the one reading
 * it is already working on instead of each starting the same work again.
 */
export class KeptReadings {
  private readonly byPartnership = new Map<string, Kept>();
  /** Readings not yet answered, by partnership and fields: what a request without a revision joins. */
  private readonly inFlight = new Map<string, Promise<PartnershipReading>>();

  read(
    code: string,
    fields: string,
    revision: string | null,
    fetch: () => Promise<PartnershipReading>,
  ): Promise<PartnershipReading> {
    const flightKey = JSON.stringify([code, fields]);
    if (revision === null) return this.inFlight.get(flightKey) ?? this.fly(flightKey, fetch);
    let kept = this.byPartnership.get(code);
    if (!kept || kept.revision !== revision) {
      kept = { revision, readings: new Map() };
      this.byPartnership.set(code, kept);
    }
    const known = kept.readings.get(fields);
    if (known) return known;
    const reading = this.fly(flightKey, fetch);
    if (kept.readings.size >= MAX_KEPT_READINGS) kept.readings.delete(kept.readings.keys().next().value!);
    kept.readings.set(fields, reading);
    const keptNow = kept;
    void reading.then((r) => {
      if (r.problem && keptNow.readings.get(fields) === reading) keptNow.readings.delete(fields);
    });
    return reading;
  }

  private fly(flightKey: string, fetch: () => Promise<PartnershipReading>): Promise<PartnershipReading> {
    const reading = fetch();
    this.inFlight.set(flightKey, reading);
    void reading.then(() => {
      if (this.inFlight.get(flightKey) === reading) this.inFlight.delete(flightKey);
    });
    return reading;
  }
}
