/**
 * Ranks computed from values (never copied from a publisher's text): 1 is the highest value;
 * equal values share a rank ("joint") and the next rank skips accordingly (1, 2, 2, 4). Rows
 * marked as a group's average take no rank. Used for the columns of rate tables (Most Similar
 * Group) and for the county's rankings of its partnerships.
 */
export function rankColumn(values: { value: number; average: boolean }[]): { rank: number | null; tied: boolean }[] {
  const members = values.filter((v) => !v.average).map((v) => v.value);
  return values.map(({ value, average }) => {
    if (average) return { rank: null, tied: false };
    const higher = members.filter((m) => m > value).length;
    const equal = members.filter((m) => m === value).length;
    return { rank: higher + 1, tied: equal > 1 };
  });
}
