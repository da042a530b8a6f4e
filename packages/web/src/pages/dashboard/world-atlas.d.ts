// world-atlas ships its shapes as TopoJSON files without types; the web build imports them as JSON.
declare module 'world-atlas/countries-110m.json' {
  import type { GeometryCollection, Topology } from 'topojson-specification';
  const topology: Topology<{ countries: GeometryCollection<{ name: string }>; land: GeometryCollection }>;
  export default topology;
}
