// Builds the renderer once for the whole e2e run, unless dist-renderer/ is already newer than every
// source (`npm run test:e2e` has just built it); each host then serves dist-renderer/ as is.
import { buildRenderer, isBuildStale, RENDERER_OUTPUT, RENDERER_SOURCES } from '../../../preview/build';

export default async function setup(): Promise<void> {
  if (isBuildStale(RENDERER_OUTPUT, RENDERER_SOURCES)) await buildRenderer();
}
