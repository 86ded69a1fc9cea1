/**
 * Ranks of one column of a rate table, computed from the values (never copied from the
 * publisher's text): 1 is the highest rate; equal values share a rank ("joint"), and the
 * next rank skips accordingly (1, 2, 2, 4). Rows marked as the group's average take no rank.
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
