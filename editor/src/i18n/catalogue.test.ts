import { describe, expect, it } from 'vitest';
import { languages, resources } from './index.ts';

function keys(texts: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(texts).flatMap(([key, value]) =>
    value && typeof value === 'object'
      ? keys(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe('the i18n catalogue', () => {
  it('has every English namespace and key in every other language', () => {
    const english = resources.en ?? {};
    expect(Object.keys(english).length).toBeGreaterThan(0);
    for (const language of languages) {
      for (const [namespace, texts] of Object.entries(english)) {
        const translated = resources[language]?.[namespace];
        expect(translated, `${language}/${namespace}.json`).toBeDefined();
        expect(keys(translated ?? {}).sort(), `${language}/${namespace}.json`).toEqual(keys(texts).sort());
      }
    }
  });
});
