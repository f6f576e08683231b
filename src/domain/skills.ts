/**
 * Skill names as teams and phases write them differ in case, spaces and punctuation
 * ("React Native", "react-native", "ReactNative"): they are the same skill. The planner compares
 * keys and shows one spelling per skill, the first it meets.
 */

/** The comparison key of a skill: lower case, letters and digits only ("+" and "#" count, so C++ ≠ C# ≠ C). */
export function skillKey(name: string): string {
  const lower = name.trim().toLowerCase();
  const key = lower
    .replace(/\+/g, 'plus')
    .replace(/#/g, 'sharp')
    .replace(/[^\p{L}\p{N}]+/gu, '');
  return key === '' ? lower : key;
}

/** Maps every spelling to the first spelling met of the same skill. */
export function skillSpellings(names: Iterable<string>): (name: string) => string {
  const first = new Map<string, string>();
  for (const n of names) if (!first.has(skillKey(n))) first.set(skillKey(n), n);
  return (name) => first.get(skillKey(name)) ?? name;
}

/** The distinct skills of a list, each in the spelling `spell` gives it. */
export const distinctSkills = (names: readonly string[], spell: (name: string) => string): string[] => [...new Set(names.map(spell))];
