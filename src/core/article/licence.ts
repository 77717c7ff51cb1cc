// The web address of a licence an article names, for the ones with a canonical deed (Creative Commons).

const CC_PARTS: readonly [RegExp, string][] = [
  [/non-?commercial/i, 'nc'],
  [/share-?alike/i, 'sa'],
  [/no-?deriv(?:ative)?s?/i, 'nd'],
];

/** "… licensed under a Creative Commons Attribution-ShareAlike 4.0 International License" -> its deed URL; undefined when not recognised. */
export function licenceUrl(statement: string): string | undefined {
  if (/\bCC0\b|Creative Commons Zero|public domain dedication/i.test(statement)) return 'https://creativecommons.org/publicdomain/zero/1.0/';
  const cc = /Creative\s+Commons\s+(Attribution[\w\s-]*?)\s+(\d\.\d)\b/i.exec(statement) ?? /\bCC[\s-]+(BY(?:[\s-]+(?:NC|SA|ND))*)[\s-]+(\d\.\d)\b/i.exec(statement);
  if (!cc) return undefined;
  const name = cc[1]!;
  const parts = ['by'];
  if (/^BY/i.test(name)) {
    for (const p of name.split(/[\s-]+/).slice(1)) parts.push(p.toLowerCase());
  } else {
    for (const [pattern, code] of CC_PARTS) if (pattern.test(name)) parts.push(code);
  }
  return `https://creativecommons.org/licenses/${parts.join('-')}/${cc[2]}/`;
}
