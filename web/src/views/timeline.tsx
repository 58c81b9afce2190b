// The zoomable timeline of real-world events: one bar per cluster, as wide as its date is imprecise.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Page, TimelineItem } from "../../../src/api/contract";
import { qs, useApi } from "../api";
import { DateLabel, EntityList, Show, SourceCount, StatusBadge } from "../components/common";
import { t, tv } from "../i18n";
import { go, href, useRoute } from "../router";

const DAY_MS = 86_400_000;
const dayNum = (d: string) => Math.floor(Date.parse(`${d}T00:00:00Z`) / DAY_MS);
const LABEL_MIN = 150;
const LANE_H = 30;
/** Clusters per page of the timeline (the API's largest page). */
const PAGE = 500;
const TYPES = ["CONSULT", "AGREE", "REQUEST", "REJECT", "THREATEN", "SANCTION", "SUPPORT", "AID", "COOPERATE", "ACCUSE", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT", "CONCEDE", "RETREAT"];
const STATUSES = ["held", "ongoing", "planned", "promised", "proposed", "requested", "rejected", "cancelled", "denied", "unknown"];

function shortLabel(i: TimelineItem): string {
  const names = i.participants.slice(0, 3).map((p) => p.name.split(" ").pop());
  return `${i.type}${i.mode ? `/${i.mode}` : ""}: ${names.join(", ")}${i.participants.length > 3 ? " …" : ""}`;
}

/** Greedy lanes: each bar goes to the first lane whose last bar (with its label) ended before it starts. */
function lanes(items: { left: number; width: number }[]): number[] {
  const ends: number[] = [];
  return items.map((it) => {
    const right = it.left + Math.max(it.width, LABEL_MIN);
    let lane = ends.findIndex((e) => e + 4 <= it.left);
    if (lane < 0) {
      lane = ends.length;
      ends.push(right);
    } else ends[lane] = right;
    return lane;
  });
}

function Chart({ items }: { items: TimelineItem[] }) {
  const dated = items.filter((i) => i.date);
  const box = useRef<HTMLDivElement>(null);
  const [ppd, setPpd] = useState<number | null>(null);
  const min = dated.length ? Math.min(...dated.map((i) => dayNum(i.date!.start))) - 3 : 0;
  const max = dated.length ? Math.max(...dated.map((i) => dayNum(i.date!.end))) + 3 : 1;
  const fit = () => setPpd(Math.max(0.01, ((box.current?.clientWidth ?? 1000) - 20) / (max - min + 1)));
  const scrollTo = useRef<number | null>(null);
  useEffect(() => {
    if (ppd !== null || !dated.length) return;
    // The first view spans the middle 90% of events, so a stray "since 2014" does not squeeze
    // the rest into a few pixels; "fit all" and zooming out show everything.
    const starts = dated.map((i) => dayNum(i.date!.start)).sort((a, b) => a - b);
    const ends = dated.map((i) => dayNum(i.date!.end)).sort((a, b) => a - b);
    const lo = starts[Math.floor(starts.length * 0.05)]! - 10;
    const hi = ends[Math.max(0, Math.ceil(ends.length * 0.95) - 1)]! + 10;
    const scale = Math.max(0.01, ((box.current?.clientWidth ?? 1000) - 20) / Math.max(30, hi - lo));
    scrollTo.current = (lo - min) * scale;
    setPpd(scale);
  }, [dated.length]);
  useEffect(() => {
    if (scrollTo.current !== null && box.current) {
      box.current.scrollLeft = scrollTo.current;
      scrollTo.current = null;
    }
  }, [ppd]);
  const scale = ppd ?? 1;
  const placed = useMemo(() => {
    const sorted = [...dated].sort((a, b) => a.date!.start.localeCompare(b.date!.start));
    const geo = sorted.map((i) => ({ item: i, left: (dayNum(i.date!.start) - min) * scale, width: Math.max(8, (dayNum(i.date!.end) - dayNum(i.date!.start) + 1) * scale) }));
    const ls = lanes(geo);
    return geo.map((g, k) => ({ ...g, lane: ls[k]! }));
  }, [items, scale]);
  const laneCount = Math.max(1, ...placed.map((p) => p.lane + 1));
  const width = (max - min + 1) * scale;
  // Ticks: months when a month is wide enough to label, otherwise years.
  const ticks: { x: number; label: string }[] = [];
  const startDate = new Date(min * DAY_MS);
  const monthly = scale * 30 > 70;
  for (let y = startDate.getUTCFullYear(), m = monthly ? startDate.getUTCMonth() : 0; ; ) {
    const d = Date.UTC(y, m, 1) / DAY_MS;
    if (d > max) break;
    if (d >= min) ticks.push({ x: (d - min) * scale, label: monthly ? `${y}-${String(m + 1).padStart(2, "0")}` : String(y) });
    if (monthly) {
      m++;
      if (m === 12) {
        m = 0;
        y++;
      }
    } else y++;
  }
  const zoom = (f: number) => {
    const el = box.current;
    const center = el ? (el.scrollLeft + el.clientWidth / 2) / scale : 0;
    setPpd(scale * f);
    requestAnimationFrame(() => {
      if (el) el.scrollLeft = center * scale * f - el.clientWidth / 2;
    });
  };
  return (
    <section class="chart">
      <div class="zoom-buttons">
        <button onClick={() => zoom(2)} aria-label={t("zoomIn")} data-testid="zoom-in">+</button>
        <button onClick={() => zoom(0.5)} aria-label={t("zoomOut")} data-testid="zoom-out">−</button>
        <button onClick={fit}>{t("fit")}</button>
      </div>
      <div
        class="chart-scroll"
        ref={box}
        onWheel={(e) => {
          if (!e.ctrlKey) return;
          e.preventDefault();
          zoom(e.deltaY < 0 ? 1.25 : 0.8);
        }}
      >
        <div class="chart-inner" style={{ width: `${width + LABEL_MIN}px`, height: `${laneCount * LANE_H + 30}px` }}>
          {ticks.map((tk) => (
            <div key={tk.label} class="tick" style={{ left: `${tk.x}px` }}>
              <span>{tk.label}</span>
            </div>
          ))}
          {placed.map(({ item, left, width: w, lane }) => (
            <a
              key={item.id}
              class={`bar status-${item.status} precision-${item.date!.precision}`}
              href={href(["event", item.id])}
              style={{ left: `${left}px`, top: `${26 + lane * LANE_H}px` }}
              title={`${shortLabel(item)} · ${tv("status", item.status)} · ${item.sources} ${t("sources")}`}
              data-cluster={item.id}
            >
              <span class="span" style={{ width: `${w}px` }} />
              <span class="bar-label">
                {shortLabel(item)}
                {item.sources > 1 && <b class="count">{item.sources}</b>}
              </span>
            </a>
          ))}
        </div>
      </div>
    </section>
  );
}

export function TimelineView() {
  const { query } = useRoute();
  const filters = { type: query.get("type") ?? "", status: query.get("status") ?? "", text: query.get("text") ?? "", from: query.get("from") ?? "", to: query.get("to") ?? "", actor: query.get("actor") ?? "" };
  // The store may hold far more clusters than a chart can draw: one page at a time, in date order,
  // so each page is one stretch of the timeline and the buttons move to the one before or after it.
  const offset = Math.max(0, Number(query.get("offset") ?? 0) || 0);
  const data = useApi<Page<TimelineItem>>(`/api/timeline${qs({ ...filters, limit: PAGE, offset })}`);
  const [form, setForm] = useState(filters);
  useEffect(() => setForm(filters), [query.toString()]);
  return (
    <div class="timeline-view">
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          go([], form);
        }}
      >
        <label>
          {t("filterType")}
          <select value={form.type} onChange={(e) => setForm({ ...form, type: e.currentTarget.value })}>
            <option value="">{t("all")}</option>
            {TYPES.map((x) => <option key={x} value={x}>{x}</option>)}
          </select>
        </label>
        <label>
          {t("filterStatus")}
          <select value={form.status} onChange={(e) => setForm({ ...form, status: e.currentTarget.value })}>
            <option value="">{t("all")}</option>
            {STATUSES.map((x) => <option key={x} value={x}>{tv("status", x)}</option>)}
          </select>
        </label>
        <label>
          {t("filterText")}
          <input value={form.text} onInput={(e) => setForm({ ...form, text: e.currentTarget.value })} />
        </label>
        <label>
          {t("date")} ≥<input type="date" value={form.from} onInput={(e) => setForm({ ...form, from: e.currentTarget.value })} />
        </label>
        <label>
          ≤<input type="date" value={form.to} onInput={(e) => setForm({ ...form, to: e.currentTarget.value })} />
        </label>
        {filters.actor && <span class="chip">{t("filterActor")}: {filters.actor}</span>}
        <button type="submit">{t("apply")}</button>
        <a href="#/">{t("reset")}</a>
      </form>
      <Show v={data}>
        {(page) => (
          <>
            {page.total > page.items.length && (
              <p class="help" data-testid="truncated">
                {t("showing")} {page.offset + 1}–{page.offset + page.items.length} {t("of")} {page.total} — {t("narrow")}{" "}
                {page.offset > 0 && (
                  <button type="button" data-testid="earlier" onClick={() => go([], { ...filters, offset: Math.max(0, page.offset - PAGE) || undefined })}>
                    {t("earlier")}
                  </button>
                )}{" "}
                {page.offset + page.items.length < page.total && (
                  <button type="button" data-testid="later" onClick={() => go([], { ...filters, offset: page.offset + PAGE })}>
                    {t("later")}
                  </button>
                )}
              </p>
            )}
            <Chart items={page.items} />
            <table class="list" data-testid="timeline-list">
              <thead>
                <tr>
                  <th>{t("date")}</th>
                  <th>{t("events")}</th>
                  <th>{t("status")}</th>
                  <th>{t("participants")}</th>
                  <th>{t("place")}</th>
                  <th>{t("sources")}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((i) => (
                  <tr key={i.id}>
                    <td><DateLabel date={i.date} /></td>
                    <td><a href={href(["event", i.id])}>{i.type}{i.mode ? ` / ${i.mode}` : ""}</a></td>
                    <td><StatusBadge status={i.status} />{i.conflicts > 0 && <span class="conflict-flag" title={t("conflicts")}>⚠ {i.conflicts}</span>}</td>
                    <td><EntityList list={i.participants} /></td>
                    <td>{i.location?.name ?? ""}</td>
                    <td><SourceCount n={i.sources} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Show>
    </div>
  );
}
