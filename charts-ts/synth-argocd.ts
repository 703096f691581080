/**
 * Writes the generated Argo CD files (argocd/application.yaml, argocd/argocd-cm-patch.yaml).
 * Run with `npm run synth:argocd`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderArgoCdFiles } from './charts/argocd-chart.js';
import { repoPath } from './constructs/repo-path.js';

for (const [name, content] of Object.entries(renderArgoCdFiles())) {
  const file = join(repoPath('argocd'), name);
  writeFileSync(file, content);
  console.log(`wrote ${file}`);
}
