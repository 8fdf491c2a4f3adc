// Validates Kubernetes objects against the OpenAPI schemas that the pinned
// npm packages of package.json carry, offline (the schemas are compiled into
// the packages; nothing is fetched):
//   built-in kinds    kubernetes-models 4.5.1: Kubernetes v1.33.0
//   ServiceMonitor, PrometheusRule    @kubernetes-models/prometheus-operator 5.0.1
//   Gateway, GRPCRoute                @kubernetes-models/gateway-api 2.0.0 (gateway.networking.k8s.io/v1)
// Input: files of JSON objects one after another, as `kubectl ... -o json`
// prints a multi-document file (or one `kind: List`).
// Guarantees: exit 0 only when every object has a schema and satisfies it;
// an object whose apiVersion/kind no package knows is a failure, not a skip,
// so a new kind cannot pass unchecked. Like the API server's OpenAPI, these
// schemas do not reject unknown fields (see docs/operations.md).
// Usage: node validate.mjs FILE...
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const PACKAGE_OF_GROUP = {
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator',
  'gateway.networking.k8s.io': '@kubernetes-models/gateway-api',
};

function objectsOf(file) {
  const text = readFileSync(file, 'utf8');
  // kubectl prints each object as an indented document starting at column 0.
  const objects = text.split(/\n(?=\{)/).filter((part) => part.trim() !== '').map((part) => JSON.parse(part));
  return objects.flatMap((o) => (o.kind === 'List' ? o.items : [o]));
}

async function modelFor(object) {
  const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : ['', object.apiVersion];
  const pkg = PACKAGE_OF_GROUP[group] ?? 'kubernetes-models';
  try {
    const module = await import(group ? `${pkg}/${group}/${version}` : `${pkg}/${version}`);
    return module[object.kind];
  } catch {
    return undefined;  // no such group/version in the package
  }
}

let checked = 0;
const failures = [];
for (const file of process.argv.slice(2)) {
  for (const object of objectsOf(file)) {
    const what = `${basename(file)}: ${object.apiVersion} ${object.kind} ${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? '?'}`;
    const Model = await modelFor(object);
    checked += 1;
    if (!Model) {
      failures.push(`${what}: no schema for this apiVersion and kind`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (error) {
      failures.push(`${what}: ${error.message}`);
    }
  }
}
for (const failure of failures) console.log(`INVALID ${failure}`);
console.log(`openapi: ${checked - failures.length} of ${checked} objects valid`);
process.exit(failures.length === 0 && checked > 0 ? 0 : 1);
