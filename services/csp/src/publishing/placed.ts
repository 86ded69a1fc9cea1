import type { Place } from "../rules/place";

/** An input record with the place it came from (a mutation argument's path, a CSV cell). */
export interface Placed<T> {
  value: T;
  place: Place;
}
