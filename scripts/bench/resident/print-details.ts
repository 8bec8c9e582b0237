/** The detail behind the table's figures, printed above it: per-file sizes and per-run scores. */
import type { DownloadedFile } from '../common/downloads/downloaded-file.ts';
import type { JsDownload } from './first-visit-js.ts';
import { formatBytes } from '../common/downloads/gzip-size.ts';
import { valueOf } from '../common/measured.ts';
import type { TargetResults } from './target-results.ts';

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1).padStart(6)} KB`;

function printFiles(
  title: string,
  download: JsDownload,
  alreadyShown: ReadonlySet<string> = new Set(),
) {
  console.log(`\n${title}: ${download.count} JS files, ${formatBytes(download.gzipBytes)} gzip -9`);
  console.log(`  ${'gzip -9'.padStart(9)}  ${'served'.padStart(9)}  ${'raw'.padStart(9)}  file`);
  for (const file of download.files) {
    const note = [
      alreadyShown.has(file.path) ? '' : alreadyShown.size > 0 ? '(new on this page)' : '',
      file.mentionsPouchdb ? 'POUCHDB' : '',
    ].filter(Boolean);
    console.log(
      `  ${kb(file.gzipBytes)}  ${kb(file.transferredBytes)}  ${kb(file.rawBytes)}  ${file.path} ${note.join(' ')}`.trimEnd(),
    );
  }
}

export function printDetails(current: TargetResults): void {
  const visit = valueOf(current.firstVisitJs);
  if (visit) {
    printFiles('a. First visit, start page /cy', visit.startPage);
    const onStart = new Set(visit.startPage.files.map((f: DownloadedFile) => f.path));
    if (visit.journey) printFiles('a. Journey /cy → /cy/request/who', visit.journey, onStart);
    else console.log(`\na. Journey not measured: ${visit.journeyError ?? 'unknown reason'}`);
  }
  const precache = valueOf(current.precacheOnDisk);
  if (precache) {
    console.log(`\nb. Precache: ${precache.entries} entries; largest 10 (gzip -9, raw):`);
    for (const file of precache.files.slice(0, 10)) {
      console.log(`  ${kb(file.gzipBytes)}  ${kb(file.rawBytes)}  ${file.url}`);
    }
    if (precache.missing.length > 0)
      console.log(`  not in the build: ${precache.missing.join(', ')}`);
  }
  const sw = valueOf(current.serviceWorker);
  if (sw) {
    console.log(
      `\nb. Service worker ${sw.scriptUrl}: ${sw.count} requests, ${formatBytes(sw.rawBytes)} received, ` +
        `${formatBytes(sw.transferredBytes)} over the network, ${sw.fromHttpCache} from the HTTP cache`,
    );
  }
  const lighthouse = valueOf(current.lighthouse);
  for (const page of lighthouse ?? []) {
    console.log(
      `\nc. Lighthouse ${page.path}, ${page.runs.length} run(s) (perf, a11y, best practices, FCP, LCP, TBT, CLS):`,
    );
    page.runs.forEach((run, i) =>
      console.log(
        `  run ${i + 1}: ${run.performance}, ${run.accessibility}, ${run['best-practices']}, ` +
          `${Math.round(run.fcpMs)} ms, ${Math.round(run.lcpMs)} ms, ${Math.round(run.tbtMs)} ms, ${run.cls.toFixed(3)}`,
      ),
    );
    for (const error of page.errors) console.log(`  ${error}`);
  }
}
