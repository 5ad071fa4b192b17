// Builds the renderer once for the whole e2e run (each host then serves dist-renderer/ as is).
import { buildRenderer } from '../../../preview/build';

export default async function setup(): Promise<void> {
  await buildRenderer();
}
