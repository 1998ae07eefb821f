/**
 * A redaction worker thread: analyses the chunks of texts it is sent and answers with the entities found (or why it
 * failed). It never sees a session: placeholders are assigned on the main thread, in input order. Bundled on its own
 * (dist/redact-worker.js) so a worker starts without loading the rest of the CLI.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeOrFail, RedactionError, type AnalyzedEntity, type AnalyzeOptions, type Detector } from '../engine/redact';
import type { RedactWorkerData, RedactWorkerReply, RedactWorkerRequest } from './redactPool';

/** Test-only fault injection: a detector that throws on (or exits the thread at) texts containing the marker. */
function faultDetector(fault: string): Detector {
  const colon = fault.indexOf(':');
  const kind = fault.slice(0, colon);
  const marker = fault.slice(colon + 1);
  return {
    name: 'injected-fault',
    detect(input) {
      if (marker && input.text.includes(marker)) {
        if (kind === 'exit') process.exit(7);
        throw new Error('injected fault');
      }
      return [];
    },
  };
}

const data = workerData as RedactWorkerData | null;
const port = parentPort;
if (data?.genaiGuardRedact && port) {
  const options: AnalyzeOptions = data.fault ? { ...data.options, extraDetectors: [faultDetector(data.fault)] } : data.options;
  port.on('message', (m: RedactWorkerRequest) => {
    let reply: RedactWorkerReply;
    try {
      const found: AnalyzedEntity[][] = [];
      for (const text of m.texts) found.push(analyzeOrFail(text, options));
      reply = { id: m.id, found };
    } catch (e) {
      reply = { id: m.id, error: { message: (e as Error)?.message ?? String(e), ...(e instanceof RedactionError && e.detector !== undefined ? { detector: e.detector } : {}) } };
    }
    port.postMessage(reply);
  });
}
