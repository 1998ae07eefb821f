/**
 * A scan worker thread: scans the units it is given and posts progress and the result. Bundled on its own
 * (dist/scan-worker.js) so a worker starts without loading the rest of the CLI.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ScanOptions } from '../engine/scan';
import { scanUnits, type Unit } from './scanUnits';

if ((workerData as { genaiGuardScan?: boolean } | null)?.genaiGuardScan) {
  const { units, options } = workerData as { units: Unit[]; options: ScanOptions };
  let pending = 0;
  void scanUnits(units, options, () => {
    if (++pending === 200) {
      parentPort?.postMessage({ progress: pending });
      pending = 0;
    }
  }).then((result) => parentPort?.postMessage({ progress: pending, result }));
}

