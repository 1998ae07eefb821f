/**
 * The `yaml` package, loaded on first use. Most scans never need it (the fast readers take common templates and
 * there is often no .genai-guard.yml), and loading it costs about 10 ms of every CLI start.
 */
import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;

export function yamlLib(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred loading, see above
  lib ??= require('yaml') as typeof Yaml;
  return lib;
}
