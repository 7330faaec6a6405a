import { describe, expect, it } from 'vitest';
import { resources } from './index';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('English and Welsh resources', () => {
  const en = flatten(resources.en.translation as unknown as Tree);
  const cy = flatten(resources.cy.translation as unknown as Tree);

  it('have exactly the same keys', () => {
    expect([...cy.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !cy.has(k))).toEqual([]);
  });

  it('use the same interpolation variables in every string', () => {
    const mismatches = [...en].filter(([key, text]) => JSON.stringify(variables(text)) !== JSON.stringify(variables(cy.get(key) ?? '')));
    expect(mismatches.map(([key]) => key)).toEqual([]);
  });

  it('have no empty strings', () => {
    expect([...en, ...cy].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });
});
