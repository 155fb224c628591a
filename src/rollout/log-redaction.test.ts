import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redactVariables } from './log-redaction.ts';

const SECRET = 's3cr3t-value with spaces';

describe('container log tails never show an injected value', () => {
  const cases: [string, string, string][] = [
    ['printenv', `PATH=/usr/bin\nDB_PASSWORD=${SECRET}\nLOG_LEVEL=info`, 'PATH=/usr/bin\nDB_PASSWORD=***\nLOG_LEVEL=info'],
    ['YAML or logging', `  DB_PASSWORD: ${SECRET}`, '  DB_PASSWORD: ***'],
    ['JSON', `{"DB_PASSWORD": "${SECRET}", "LOG_LEVEL": "info"}`, '{"DB_PASSWORD": "***", "LOG_LEVEL": "info"}'],
    ['JSON with escapes', `{"DB_PASSWORD":"a\\"b", "X": 1}`, '{"DB_PASSWORD":"***", "X": 1}'],
    ['a Python dict', `environ({'DB_PASSWORD': '${SECRET}', 'HOME': '/root'})`, "environ({'DB_PASSWORD': '***', 'HOME': '/root'})"],
    ['two variables on one line', `{"DB_PASSWORD": "a", "OPENAI_KEY": "b"}`, '{"DB_PASSWORD": "***", "OPENAI_KEY": "***"}'],
    ['a longer name that only ends like one', `MY_DB_PASSWORD=keep`, 'MY_DB_PASSWORD=keep'],
    ['a mention without a value', 'reading DB_PASSWORD from the environment', 'reading DB_PASSWORD from the environment'],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.equal(redactVariables(input, ['DB_PASSWORD', 'OPENAI_KEY']), expected));
  }

  it('leaves the text alone when no variable is a secret reference', () => {
    assert.equal(redactVariables(`DB_PASSWORD=${SECRET}`, []), `DB_PASSWORD=${SECRET}`);
  });
});
