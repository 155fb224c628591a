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
    ['YAML with a quoted value', `DB_PASSWORD: "${SECRET}"`, 'DB_PASSWORD: ***'],
    ['bash declare -x', `declare -x HOME="/root"\ndeclare -x DB_PASSWORD="${SECRET}"`, 'declare -x HOME="/root"\ndeclare -x DB_PASSWORD=***'],
    ['export with the assignment quoted', `export 'DB_PASSWORD=${SECRET}'`, "export 'DB_PASSWORD=***'"],
    ['export with double quotes', `export "DB_PASSWORD=${SECRET}"`, 'export "DB_PASSWORD=***"'],
    ['an arrow', `DB_PASSWORD -> ${SECRET}`, 'DB_PASSWORD -> ***'],
    ['a fat arrow (Ruby, PHP)', `"DB_PASSWORD" => "${SECRET}"`, '"DB_PASSWORD" => "***"'],
    ['a connection string on a line naming the variable', 'connecting with DB_PASSWORD in Server=db;User Id=app;Password=s3cr3t-9;Encrypt=true', 'connecting with DB_PASSWORD in Server=db;User Id=app;Password=***;Encrypt=true'],
    ['a URL with a password on a line naming the variable', 'DB_PASSWORD used for postgresql://app:s3cr3t-9@db:5432/shop', 'DB_PASSWORD used for postgresql://app:***@db:5432/shop'],
    [
      'a Python KeyError that prints the value',
      `Traceback (most recent call last):\n  File "score.py", line 9, in init\n    table[os.environ["DB_PASSWORD"]]\nKeyError: '${SECRET}'`,
      `Traceback (most recent call last):\n  File "score.py", line 9, in init\n    table[os.environ["DB_PASSWORD"]]\nKeyError: ***`,
    ],
    ['a KeyError that names the missing variable stays', `    os.environ["DB_PASSWORD"]\nKeyError: 'DB_PASSWORD'`, `    os.environ["DB_PASSWORD"]\nKeyError: 'DB_PASSWORD'`],
    ['name and value on two lines (Kubernetes-style listing)', `- name: DB_PASSWORD\n  value: ${SECRET}\n- name: LOG_LEVEL\n  value: info`, '- name: DB_PASSWORD\n  value: ***\n- name: LOG_LEVEL\n  value: info'],
    ['a KeyError far from any mention stays', `DB_PASSWORD=x\n1\n2\n3\n4\n5\n6\n7\nKeyError: 'sku'`, `DB_PASSWORD=***\n1\n2\n3\n4\n5\n6\n7\nKeyError: 'sku'`],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      const out = redactVariables(input, ['DB_PASSWORD', 'OPENAI_KEY']);
      assert.equal(out, expected);
      for (const value of [SECRET, 's3cr3t-9']) assert.ok(!out.includes(value), `${value} leaked`);
    });
  }

  it('leaves the text alone when no variable is a secret reference', () => {
    assert.equal(redactVariables(`DB_PASSWORD=${SECRET}`, []), `DB_PASSWORD=${SECRET}`);
  });
});
