import * as assert from 'node:assert/strict';
import { KeywordIndex } from '../../src/engine/keywords';

/** The keyword pre-filter decides which rules run: a keyword it misses is a secret the scanner never looks for. */
describe('KeywordIndex', () => {
  const keywords = ['token', 'Token', 'oken', 'key', 'gitleaks:allow', '://', 'sk-ant-', 'sk-', 'AKIA', 'a', 'ab', 'bedrock-api-key-YmVk', 'PRIVATE KEY', 'xoxe.', 'hooks.slack.com', 'ss', 'sss'];
  const index = new KeywordIndex(keywords);
  const naive = (text: string): string[] => keywords.filter((k) => text.includes(k)).sort();

  it('finds keywords at the very start and end of a text, and overlapping ones', () => {
    assert.deepEqual([...index.find('tokens')].sort(), ['oken', 'token']);
    assert.deepEqual([...index.find('x sk-ant-api03')].sort(), ['a', 'sk-', 'sk-ant-']);
    assert.deepEqual([...index.find('https://')].sort(), ['://']);
    assert.deepEqual([...index.find('asss')].sort(), ['a', 'ss', 'sss']);
    assert.deepEqual([...index.find('gitleaks:allow')].sort(), ['a', 'gitleaks:allow']);
    assert.deepEqual([...index.find('')], []);
  });

  it('agrees with a plain substring search on 3,000 random texts', () => {
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed % n;
    };
    const alphabet = 'abceiklnoprstxyAKIOPTVY-_:./ ';
    let hits = 0;
    for (let t = 0; t < 3000; t++) {
      let text = '';
      const len = rnd(120);
      while (text.length < len) text += rnd(4) === 0 ? keywords[rnd(keywords.length)]!.slice(rnd(3)) : alphabet[rnd(alphabet.length)]!;
      const expected = naive(text);
      hits += expected.length;
      assert.deepEqual([...index.find(text)].sort(), expected, JSON.stringify(text));
    }
    assert.ok(hits > 3000);
  });
});
