// Who meets whom: a small deterministic force layout drawn as SVG (no layout library needed for ~100 nodes).
import { useMemo, useState } from "preact/hooks";
import type { Network } from "../../../src/api/contract";
import { qs, useApi } from "../api";
import { Show } from "../components/common";
import { t } from "../i18n";
import { go } from "../router";

const W = 900;
const H = 620;

/** Fruchterman-Reingold from positions on a circle, so the same data always gives the same picture. */
function layout(net: Network): Map<string, { x: number; y: number }> {
  const n = net.nodes.length;
  const pos = net.nodes.map((_, i) => ({ x: W / 2 + (W / 3) * Math.cos((2 * Math.PI * i) / n), y: H / 2 + (H / 3) * Math.sin((2 * Math.PI * i) / n) }));
  const index = new Map(net.nodes.map((nd, i) => [nd.id, i]));
  const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.6;
  for (let it = 0, temp = W / 8; it < 250; it++, temp *= 0.985) {
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i]!.x - pos[j]!.x || 0.01;
        const dy = pos[i]!.y - pos[j]!.y || 0.01;
        const d = Math.max(1, Math.hypot(dx, dy));
        // Repulsion only between near nodes (Fruchterman-Reingold's cut-off), so that small
        // groups are not flung to the edges by the large one.
        if (d > 3 * k) continue;
        const f = (k * k) / d;
        disp[i]!.x += (dx / d) * f;
        disp[i]!.y += (dy / d) * f;
        disp[j]!.x -= (dx / d) * f;
        disp[j]!.y -= (dy / d) * f;
      }
    for (const e of net.edges) {
      const a = index.get(e.source)!;
      const b = index.get(e.target)!;
      const dx = pos[a]!.x - pos[b]!.x;
      const dy = pos[a]!.y - pos[b]!.y;
      const d = Math.max(1, Math.hypot(dx, dy));
      const f = ((d * d) / k) * Math.min(3, 1 + Math.log(e.weight));
      disp[a]!.x -= (dx / d) * f;
      disp[a]!.y -= (dy / d) * f;
      disp[b]!.x += (dx / d) * f;
      disp[b]!.y += (dy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      // Gravity keeps components that share no edge from drifting off the picture.
      disp[i]!.x -= (pos[i]!.x - W / 2) * 0.6;
      disp[i]!.y -= (pos[i]!.y - H / 2) * 0.6;
      const d = Math.max(1, Math.hypot(disp[i]!.x, disp[i]!.y));
      pos[i]!.x += (disp[i]!.x / d) * Math.min(d, temp);
      pos[i]!.y += (disp[i]!.y / d) * Math.min(d, temp);
    }
  }
  // Fit the result into the picture, leaving room for labels on the right.
  const xs = pos.map((p) => p.x);
  const ys = pos.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = (W - 180) / Math.max(1, x1 - x0);
  const sy = (H - 40) / Math.max(1, y1 - y0);
  for (const p of pos) {
    p.x = 30 + (p.x - x0) * sx;
    p.y = 20 + (p.y - y0) * sy;
  }
  return new Map(net.nodes.map((nd, i) => [nd.id, pos[i]!]));
}

function Graph({ net }: { net: Network }) {
  const pos = useMemo(() => layout(net), [net]);
  const [hover, setHover] = useState<string | null>(null);
  return (
    <svg class="network" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t("navNetwork")} data-testid="network">
      {net.edges.map((e) => {
        const a = pos.get(e.source)!;
        const b = pos.get(e.target)!;
        const lit = hover === e.source || hover === e.target;
        return (
          <line key={`${e.source}-${e.target}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} class={lit ? "edge lit" : "edge"} stroke-width={Math.min(8, 0.8 + e.weight)}>
            <title>{`${e.source} – ${e.target}: ${e.weight}`}</title>
          </line>
        );
      })}
      {net.nodes.map((nd) => {
        const p = pos.get(nd.id)!;
        return (
          <g key={nd.id} class={`node type-${nd.type}`} transform={`translate(${p.x},${p.y})`} onMouseEnter={() => setHover(nd.id)} onMouseLeave={() => setHover(null)} onClick={() => go(["actor", nd.id])}>
            <circle r={4 + Math.sqrt(nd.weight) * 2.5} />
            <text x={8} y={4}>{nd.name}</text>
          </g>
        );
      })}
    </svg>
  );
}

export function NetworkView() {
  const [min, setMin] = useState(1);
  const [type, setType] = useState("person");
  const data = useApi<Network>(`/api/network${qs({ type, minWeight: min })}`);
  return (
    <div class="network-view">
      <p class="help">{t("networkHelp")}</p>
      <div class="filters">
        <label>
          {t("minMeetings")} <input type="number" min={1} max={20} value={min} onInput={(e) => setMin(Math.max(1, Number(e.currentTarget.value) || 1))} />
        </label>
        <label>
          {t("filterType")}{" "}
          <select value={type} onChange={(e) => setType(e.currentTarget.value)}>
            <option value="person">person</option>
            <option value="country">country</option>
            <option value="organization">organization</option>
            <option value="">{t("all")}</option>
          </select>
        </label>
      </div>
      <Show v={data}>{(net) => <Graph net={net} />}</Show>
    </div>
  );
}
