/**
 * Where a field of a record sits in its input, for error messages: a JSON path in a dataset
 * or mutation argument (`statistics[2].count`), a row and column in a CSV file.
 */
export type Place = (field: string) => string;

/** Fields under a JSON path: under("statistics[2]")("count") is statistics[2].count. */
export function under(path: string): Place {
  return (field) => (field === "" ? path : path === "" ? field : `${path}.${field}`);
}

/** The place of a nested record: within(place, "source")("document") is place("source.document"). */
export function within(place: Place, field: string): Place {
  return (inner) => place(inner === "" ? field : `${field}.${inner}`);
}

/** An input record with the place it came from (a mutation argument's path, a CSV cell). */
export interface Placed<T> {
  value: T;
  place: Place;
}
