/**
 * Leaflet and its marker clustering, loaded only when a map screen opens, so no other page (and no
 * resident) downloads them. The clustering plugin extends the global `L`, which Leaflet's ES
 * module does not set: it is set here, once, before the plugin loads.
 */
import type * as Leaflet from 'leaflet';

let loading: Promise<typeof Leaflet> | null = null;

export function loadLeaflet(): Promise<typeof Leaflet> {
  loading ??= (async () => {
    const L = (await import('leaflet')).default;
    (globalThis as { L?: typeof Leaflet }).L = L;
    await Promise.all([
      import('leaflet.markercluster'),
      import('leaflet/dist/leaflet.css'),
      import('leaflet.markercluster/dist/MarkerCluster.css'),
      import('leaflet.markercluster/dist/MarkerCluster.Default.css'),
    ]);
    return L;
  })();
  return loading;
}
