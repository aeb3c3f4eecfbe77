// CDK synth output (contract §1): a directory holding a cloud assembly `manifest.json`, or that file.
import type { InputAdapter } from '../adapters.js';
import { loadAssembly } from './assembly.js';
import { isAssemblyManifestFile, manifestPathOf } from './manifest.js';

export const cdkAdapter: InputAdapter = {
  format: 'cdk',
  /** Cheap: stats the path and reads only manifest.json. */
  claimsPath(path: string): boolean {
    const target = manifestPathOf(path);
    return target !== undefined && isAssemblyManifestFile(target.manifest);
  },
  load(path, options) {
    return loadAssembly(path, options.display);
  },
};
