// Map of event places on an offline world map (world-atlas TopoJSON, equirectangular), no tile servers.
import { useMemo, useState } from "preact/hooks";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";
import type { PlacePoint } from "../../../src/api/contract";
import { useApi } from "../api";
import { DateLabel, Show, StatusBadge } from "../components/common";
import { t } from "../i18n";
import { href } from "../router";

const W = 1000;
const H = 500;
const px = (lon: number) => ((lon + 180) / 360) * W;
const py = (lat: number) => ((90 - lat) / 180) * H;

/** SVG path of a GeoJSON geometry; a ring is broken where it jumps across the antimeridian. */
function pathOf(geom: { type: string; coordinates: unknown }): string {
  const rings: number[][][] = geom.type === "Polygon" ? (geom.coordinates as number[][][]) : geom.type === "MultiPolygon" ? (geom.coordinates as number[][][][]).flat() : [];
  let d = "";
  for (const ring of rings) {
    let prev: number[] | null = null;
    for (const pt of ring) {
      const jump = prev && Math.abs(pt[0]! - prev[0]!) > 180;
      d += `${!prev || jump ? "M" : "L"}${px(pt[0]!).toFixed(1)},${py(pt[1]!).toFixed(1)}`;
      prev = pt;
    }
    d += "Z";
  }
  return d;
}

function useCountries(): string[] {
  return useMemo(() => {
    const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
    const fc = feature(topo, topo.objects.countries) as unknown as { features: { geometry: { type: string; coordinates: unknown } | null }[] };
    return fc.features.filter((f) => f.geometry).map((f) => pathOf(f.geometry!));
  }, []);
}

export function MapView() {
  const countries = useCountries();
  const [meetingsOnly, setMeetingsOnly] = useState(true);
  const data = useApi<PlacePoint[]>(meetingsOnly ? "/api/places?type=CONSULT" : "/api/places");
  const [sel, setSel] = useState<PlacePoint | null>(null);
  return (
    <div class="map-view">
      <p class="help">{t("mapHelp")}</p>
      <label>
        <input type="checkbox" checked={meetingsOnly} onChange={() => { setMeetingsOnly(!meetingsOnly); setSel(null); }} /> {t("meetingsOnly")}
      </label>
      <Show v={data}>
        {(places) => (
          <div class="map-body">
            <svg class="map" viewBox={`0 0 ${W} ${H}`} data-testid="map">
              <rect width={W} height={H} class="sea" />
              {countries.map((d, i) => <path key={i} d={d} class="land" />)}
              {places.map((p) => (
                <circle key={p.entity ?? p.name} class={sel === p ? "place selected" : "place"} cx={px(p.lon!)} cy={py(p.lat!)} r={3 + Math.sqrt(p.clusters.length) * 3} onClick={() => setSel(p)}>
                  <title>{`${p.name}: ${p.clusters.length}`}</title>
                </circle>
              ))}
            </svg>
            <aside>
              {sel ? (
                <>
                  <h2>{sel.name}</h2>
                  <ul>
                    {sel.clusters.map((c) => (
                      <li key={c.id}>
                        <DateLabel date={c.date} /> <a href={href(["event", c.id])}>{c.type}</a> <StatusBadge status={c.status} /> {c.participants.join(", ")}
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <ul>
                  {places.map((p) => (
                    <li key={p.entity ?? p.name}>
                      <button class="linklike" onClick={() => setSel(p)}>{p.name}</button> ({p.clusters.length})
                    </li>
                  ))}
                </ul>
              )}
            </aside>
          </div>
        )}
      </Show>
    </div>
  );
}
