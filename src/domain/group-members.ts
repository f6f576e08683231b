/**
 * Each group's phases, its own and those of the groups below it, as phase indices in phase order.
 * Parents are followed at most once per group (the input refuses parent cycles).
 */
export function groupMembers(groups: readonly { id: string; parent?: string | undefined }[], phaseGroups: readonly (string | undefined)[]): Map<string, number[]> {
  const parent = new Map(groups.map((g) => [g.id, g.parent]));
  const members = new Map<string, number[]>(groups.map((g) => [g.id, []]));
  phaseGroups.forEach((group, j) => {
    for (let g = group, k = 0; g !== undefined && k <= groups.length; g = parent.get(g), k++) members.get(g)?.push(j);
  });
  return members;
}
